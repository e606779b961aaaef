import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ByteInterner } from './byte-interner';
import type { ColumnMapping } from './mapping';
import { readEvents } from './read-events';
import { createByteTimestampParser, createTimestampParser } from './timestamps';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-csv-block-'));

/** Reads `file` on one thread (the string reader) and in blocks on two; returns both outcomes. */
async function bothWays(file: string, options: { mapping?: ColumnMapping; keepDuplicates?: boolean } = {}) {
  const hows: string[] = [];
  const run = async (parallel: boolean) => {
    const events: string[] = [];
    const rejections: string[] = [];
    const report = await readEvents(file, {
      ...options,
      parallel,
      parallelMinBytes: 1,
      onSecondPart: (how, why) => hows.push(why ? `${how}: ${why}` : how),
      sink: {
        event: (c, a, t, r, l) => events.push(`${c}|${a}|${t}|${r}|${l}`),
        reject: (x) => rejections.push(`${x.line}:${x.reason}:${x.column}:${x.message}:${x.raw}`),
      },
    });
    const { rows, quarantinedByReason, encoding, identical, duplicatePolicy } = report;
    return { events, rejections, rows, quarantinedByReason, encoding, identical, duplicatePolicy };
  };
  return { sequential: await run(false), parallel: await run(true), hows };
}

/** A 3 MB extract (so blocks follow its first MB) whose lines after the first MB hold every kind of dirt. */
function dirtyExtract(dirt: (i: number) => string | null, newline = '\n'): string {
  const lines = ['Sag,Aktivitet,Tidspunkt,Sagsbehandler,Livscyklus'];
  for (let i = 0; i < 90_000; i++) {
    const d = i > 35_000 ? dirt(i) : null;
    lines.push(
      d ?? `c${i % 700},Trin ${i % 9},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 1${i % 10}:0${i % 6}:00,r${i % 5},complete`,
    );
  }
  return lines.join(newline);
}

const DIRT: ((i: number) => string)[] = [
  (i) => `"c${i % 700}","Trin ${i % 9}",2024-03-01 10:00:00,"r, ""quoted""",complete`,
  (i) => `c${i % 700},"Trin\nover to linjer",2024-03-01 10:00,r1,start`,
  () => '',
  () => '   ',
  (i) => ` c${i % 700} ,Trin 1 ,2024-03-02 10:00, r2 ,complete`,
  (i) => `,Trin ${i % 9},2024-03-02 10:00,r,complete`,
  (i) => `c${i % 50},,2024-03-02 10:00,r,complete`,
  (i) => `c${i % 50},Trin 1,,r,complete`,
  (i) => `c${i % 50},Trin 1,31-02-2024 10:00,r,complete`,
  (i) => `c${i % 50},Trin 1,0${1 + (i % 9)}-03-2024 10:00,r,complete`,
  (i) => `c${i % 50},Trin 1,2024-03-0${1 + (i % 9)}T10:00:00Z,r,complete`,
  (i) => `c${i % 50},Trin 1,2024-03-03 10:00:00.250+02:00,r,complete`,
  (i) => `c${i % 50},Trin 1,2024-03-31 02:${String(i % 60).padStart(2, '0')}:00,r,complete`,
  (i) => `c${i % 50},Trin 1,2024-10-27 02:${String(i % 60).padStart(2, '0')},r,complete`,
  (i) => `c${i % 50},Trin 1,2024-13-03 10:00:00,r,complete`,
  (i) => `c${i % 50},Trin 1,2024-02-29 24:00:00,r,complete`,
  (i) => `c${i % 50},Trin 1,2024-03-03 10:00,r,complete,extra`,
  (i) => `c${i % 50},Trin 1,2024-03-03 10:00,r`,
  (i) => `c${i % 40},Afgørelse truffet,2024-03-04 10:00,Søren,complete`,
  (i) => `c${i % 40},Beløb €${i % 3},2024-03-04 10:00,r,complete`,
  (i) => `c${i % 40},Smil 😀,2024-03-04 10:00,r,complete`,
  (i) => `c${i % 40},Erstattet \uFFFD tegn,2024-03-04 10:00,r,complete`,
  (i) => `c${i % 40},Trin 1,2024-03-05 10:00,,`,
  (i) => `c${i % 40},Trin 1,2024-03-05 10:00,r,SCHEDULE`,
  (i) => `c${i % 40},Trin "midt",2024-03-05 10:00,r,complete`,
  (i) => `c${i % 40},Trin 1,2024-03-05 10:00,r\r,complete`,
  (i) => `c${i % 5},Trin 1,2024-03-06 10:00,r,complete`,
  (i) => `"c${i % 5}",Trin 1,2024-03-06 10:00,r,complete`,
];

const pick = (i: number) => (i % 3 === 0 ? DIRT[Math.floor(i / 3) % DIRT.length]!(i) : null);

describe('readEvents: a large CSV read in blocks from its bytes', () => {
  it('gives the events, rejections, counts and line numbers of the string reader for every kind of dirt', async () => {
    for (const newline of ['\n', '\r\n']) {
      const file = join(dir, `dirty-${newline.length}.csv`);
      writeFileSync(file, `${dirtyExtract(pick, newline)}${newline}`);
      const { sequential, parallel, hows } = await bothWays(file);
      expect(hows[0]).toMatch(/^(worker|reread: a quoted field)/);
      expect(sequential.rows.duplicates).toBeGreaterThan(1000);
      expect(Object.keys(sequential.quarantinedByReason).sort()).toEqual(
        ['bad-encoding', 'bad-timestamp', 'column-count', 'missing-activity', 'missing-case', 'missing-timestamp'].sort(),
      );
      expect(parallel).toEqual(sequential);
      const kept = await bothWays(file, { keepDuplicates: true });
      expect(kept.parallel).toEqual(kept.sequential);
    }
  }, 120_000);

  it('reads invalid UTF-8 bytes, a last line without a line feed and a mapping with an end timestamp and a format', async () => {
    const file = join(dir, 'bytes.csv');
    const text = dirtyExtract((i) => (i % 11 === 0 ? `c${i % 30},Trin XX,2024-03-07 10:00,r,complete` : null));
    // The first data line decides UTF-8 (its first non-ASCII bytes are valid).
    const bytes = Buffer.from(`${text.replace('Trin 0', 'Trin ø')}\nc1,Trin 1,2024-03-08 10:00,r,complete`);
    // Invalid bytes: a lone continuation byte, an overlong NUL and a cut UTF-16 surrogate written as UTF-8.
    const bad = [Buffer.from([0x80]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0])];
    let at = bytes.indexOf('Trin XX');
    for (let k = 0; at >= 0; k++, at = bytes.indexOf('Trin XX', at + 1)) {
      if (k % 4 < 3) bad[k % 4]!.copy(bytes, at + 5);
    }
    writeFileSync(file, bytes);
    const { sequential, parallel } = await bothWays(file);
    expect(sequential.quarantinedByReason['bad-encoding']).toBeGreaterThan(100);
    expect(sequential.events.at(-1)).toMatch(/^c1\|Trin 1\|/);
    expect(parallel).toEqual(sequential);
    const mapping: ColumnMapping = {
      case: 'Sag',
      activity: 'Aktivitet',
      timestamp: 'Tidspunkt',
      endTimestamp: 'Sagsbehandler',
      timestampFormat: 'yyyy-mm-dd HH:MM',
    };
    const mapped = await bothWays(file, { mapping });
    expect(mapped.sequential.rows.quarantined).toBeGreaterThan(1000);
    expect(mapped.parallel).toEqual(mapped.sequential);
  }, 120_000);

  it('decides the encoding where a later block meets the first non-ASCII byte, as a sequential read does', async () => {
    for (const encoding of ['utf8', 'latin1'] as const) {
      const file = join(dir, `late-${encoding}.csv`);
      const text = dirtyExtract((i) => (i > 60_000 && i % 7 === 0 ? `c${i % 30},Afgørelse ${i % 3},2024-03-07 10:00,r,complete` : null));
      writeFileSync(file, Buffer.from(`${text}\n`, encoding));
      const { sequential, parallel, hows } = await bothWays(file);
      expect(sequential.encoding).toBe(encoding === 'utf8' ? 'utf-8' : 'windows-1252');
      expect(hows).toEqual(['worker']);
      expect(parallel).toEqual(sequential);
    }
  }, 120_000);
});

describe('createByteTimestampParser', () => {
  it('reads every value as the string parser does', () => {
    const values = [
      '2024-03-01 10:00:00',
      '2024-03-01T10:00:00',
      '2024-03-01 10:00',
      '2024-02-29 23:59:60',
      '2023-02-29 10:00:00',
      '2024-03-31 02:30:00',
      '2024-10-27 02:30',
      '2024-03-01 24:00:00',
      '2024-03-01 24:00:01',
      '2024-00-01 10:00:00',
      '2024-03-32 10:00:00',
      '2024-03-01 10:60:00',
      '0099-03-01 10:00:00',
      '2024-03-01 10:00:0x',
      '2024-03-01+10:00:00',
      '2024-03-01 10:00+01',
      '2024-03-01 10:00:00Z',
      '01-03-2024 10:00',
      '45292.5',
      ' 2024-03-01 10:00',
      'ikke en dato',
      '',
    ];
    for (const options of [{}, { timezone: 'UTC' }, { format: 'yyyy-dd-mm HH:MM' }]) {
      const text = createTimestampParser(options);
      const bytes = createByteTimestampParser(options);
      for (const v of values) {
        const b = Buffer.from(`,${v},`);
        expect([v, bytes(b, 1, b.length - 1)]).toEqual([v, text(v)]);
      }
    }
  });
});

describe('ByteInterner', () => {
  it('gives one id per value in first-seen order, for bytes and text alike', () => {
    const interner = new ByteInterner();
    const b = Buffer.from('abc,Søren,abc,x,Søren');
    expect(interner.intern(b, 0, 3)).toBe(0);
    expect(interner.intern(b, 4, 10)).toBe(1);
    expect(interner.intern(b, 11, 14)).toBe(0);
    expect(interner.internText('Søren')).toBe(1);
    expect(interner.internText('')).toBe(2);
    for (let i = 0; i < 5000; i++) expect(interner.internText(`v${i}`)).toBe(3 + i);
    expect(interner.intern(Buffer.from('v4999'), 0, 5)).toBe(5002);
    expect(interner.values.slice(0, 3)).toEqual(['abc', 'Søren', '']);
    expect(interner.same(1, b, 17, 6)).toBe(true);
  });
});
