import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReadError } from './errors';
import { guessMapping } from './guess-mapping';
import { loadMapping } from './mapping';
import { resolveMapping } from './resolve-mapping';

const GENERATOR_HEADER = ['Sags-id', 'CPR', 'Borger', 'Proces', 'Jobcenter', 'Aktivitet', 'Tidspunkt', 'Sagsbehandler', 'Frist'];

describe('guessMapping', () => {
  it('maps the generator header, keeps Proces and Frist as attributes and lists CPR and Borger for pseudonymisation', () => {
    expect(guessMapping(GENERATOR_HEADER)).toEqual({
      case: 'Sags-id',
      activity: 'Aktivitet',
      timestamp: 'Tidspunkt',
      resource: 'Sagsbehandler',
      jobcenter: 'Jobcenter',
      attributes: ['CPR', 'Borger', 'Proces', 'Frist'],
      caseAttributes: ['CPR', 'Borger', 'Proces'],
      pseudonymize: ['CPR', 'Borger'],
    });
  });

  it('prefers XES-style names over plain ones, and never pseudonymises concept:name', () => {
    const g = guessMapping([
      '',
      'concept:name',
      'org:resource',
      'time:timestamp',
      'Activity',
      'Resource',
      'Costs',
      'case:concept:name',
      'case:creator',
    ]);
    expect([g.case, g.activity, g.timestamp, g.resource]).toEqual(['case:concept:name', 'concept:name', 'time:timestamp', 'org:resource']);
    expect(g.attributes).toEqual(['Activity', 'Resource', 'Costs', 'case:creator']);
    expect(g.pseudonymize).toEqual([]);
  });

  it('matches English and Danish names case-insensitively, ignoring spaces, hyphens and underscores', () => {
    const g = guessMapping([
      ' Case ID ',
      'EVENT',
      'Start Timestamp',
      'Complete Timestamp',
      'user',
      'Department',
      'Transition',
      'Borger navn',
    ]);
    expect(g).toMatchObject({
      case: 'Case ID',
      activity: 'EVENT',
      timestamp: 'Start Timestamp',
      endTimestamp: 'Complete Timestamp',
      resource: 'user',
      jobcenter: 'Department',
      lifecycle: 'Transition',
      pseudonymize: ['Borger navn'],
    });
    expect(guessMapping(['Sagsnummer', 'Hændelse', 'Dato', 'Medarbejder', 'Afdeling'])).toMatchObject({
      case: 'Sagsnummer',
      activity: 'Hændelse',
      timestamp: 'Dato',
      resource: 'Medarbejder',
      jobcenter: 'Afdeling',
    });
  });

  it('uses an end column as the timestamp when there is no other', () => {
    expect(guessMapping(['Case', 'Activity', 'Complete Timestamp'])).toMatchObject({ timestamp: 'Complete Timestamp' });
  });
});

describe('resolveMapping', () => {
  it('locates every column and fills in the defaults', () => {
    const r = resolveMapping(GENERATOR_HEADER, undefined, 'x.csv');
    expect(r.index).toEqual({ case: 0, activity: 5, timestamp: 6, endTimestamp: -1, resource: 7, lifecycle: -1, jobcenter: 4 });
    expect(r.mapping.timezone).toBe('Europe/Copenhagen');
    expect(r.attributes.map((a) => `${a.key}:${a.level}`)).toEqual(['CPR:case', 'Borger:case', 'Proces:case', 'Frist:event']);
    expect(r.guessed).toBe(true);
  });

  it('throws a ReadError naming the file, the header and how to write a mapping when a required column is missing', () => {
    const fail = (): unknown => resolveMapping(['Nummer', 'Aktivitet', 'Tidspunkt'], undefined, 'udtraek.csv');
    expect(fail).toThrow(ReadError);
    expect(fail).toThrow(
      /^udtraek\.csv:1: no case column found in the header \("Nummer", "Aktivitet", "Tidspunkt"\); write a mapping JSON file/,
    );
  });

  it('matches the columns of a given mapping loosely and reports them as the header spells them', () => {
    const r = resolveMapping(
      GENERATOR_HEADER,
      { case: 'sags id', activity: 'AKTIVITET', timestamp: 'Tidspunkt', pseudonymize: ['cpr'] },
      'x.csv',
    );
    expect([r.mapping.case, r.mapping.activity, r.index.case, r.index.activity]).toEqual(['Sags-id', 'Aktivitet', 0, 5]);
    expect(r.mapping.pseudonymize).toEqual(['CPR']);
    expect(r.guessed).toBe(false);
  });

  it('throws when a given mapping names a column the header lacks', () => {
    expect(() => resolveMapping(['a', 'b', 'c'], { case: 'a', activity: 'b', timestamp: 'when' }, 'f.csv')).toThrow(
      /timestamp column "when" is not in the header/,
    );
  });

  it('throws when a column listed under pseudonymize is not in the header, so a typo never leaves personal data in clear', () => {
    expect(() =>
      resolveMapping(
        ['Sag', 'Akt', 'Tid', 'Borgernavn'],
        { case: 'Sag', activity: 'Akt', timestamp: 'Tid', pseudonymize: ['Borger'] },
        'f.csv',
      ),
    ).toThrow(/f\.csv:1: the mapping's pseudonymize column "Borger" is not in the header/);
  });
});

describe('loadMapping', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-mapping-'));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads a valid mapping file', async () => {
    const path = write(
      'ok.json',
      JSON.stringify({ case: 'Sag', activity: 'Aktivitet', timestamp: 'Tid', timestampFormat: 'dd-mm-yyyy HH:MM', pseudonymize: ['CPR'] }),
    );
    await expect(loadMapping(path)).resolves.toEqual({
      case: 'Sag',
      activity: 'Aktivitet',
      timestamp: 'Tid',
      timestampFormat: 'dd-mm-yyyy HH:MM',
      pseudonymize: ['CPR'],
    });
  });

  it('names the file and the key with what was expected', async () => {
    const path = write('bad.json', JSON.stringify({ case: 'Sag', activity: 'Aktivitet', timestamp: 42 }));
    await expect(loadMapping(path)).rejects.toThrow(`${path}: key "timestamp": expected a column name (string)`);
    const missing = write('missing.json', JSON.stringify({ case: 'Sag', activity: 'Aktivitet' }));
    await expect(loadMapping(missing)).rejects.toThrow(/key "timestamp": expected a column name/);
  });

  it('rejects unknown keys, bad time zones and bad formats', async () => {
    await expect(
      loadMapping(write('typo.json', JSON.stringify({ case: 'a', activity: 'b', timestamp: 'c', resorce: 'd' }))),
    ).rejects.toThrow(/resorce/);
    await expect(
      loadMapping(write('tz.json', JSON.stringify({ case: 'a', activity: 'b', timestamp: 'c', timezone: 'Europe/Aarhus' }))),
    ).rejects.toThrow(/key "timezone": an IANA time zone/);
    await expect(
      loadMapping(write('fmt.json', JSON.stringify({ case: 'a', activity: 'b', timestamp: 'c', timestampFormat: 'QQ' }))),
    ).rejects.toThrow(/key "timestampFormat"/);
  });

  it('reports invalid JSON and missing files as ReadError', async () => {
    await expect(loadMapping(write('broken.json', '{ "case": '))).rejects.toThrow(ReadError);
    await expect(loadMapping(join(dir, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read the mapping file \(ENOENT\)/);
  });

  it('names the line and column of a JSON syntax error, as editors count them', async () => {
    const path = write('comma.json', '{"case": "Sagsnr",\n  "activity": "Hændelse"\n  "timestamp": "Tidspunkt"}\n');
    const error = (await loadMapping(path).then(
      () => null,
      (e: unknown) => e,
    )) as ReadError;
    expect(error).toBeInstanceOf(ReadError);
    expect(error.message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: column 3: the mapping file is not valid JSON`),
    );
    expect(error.line).toBe(3);
    expect(error.message).not.toMatch(/position/);
  });
});
