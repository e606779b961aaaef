import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLog } from '../generate/index';
import { readLog } from './read-log';
import { collectingSink } from '../testing/collecting-sink';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-gen-'));

describe('readLog on extracts from the sample-data generator (round trip)', () => {
  it('reads a dirty extract (semicolons, Windows-1252, Danish dates, dirt) with the counts the generator injected', async () => {
    const out = join(dir, 'dagpenge-dirty.csv');
    const generated = await generateLog({ process: 'dagpenge', cases: 400, seed: 7, dirty: true, out });
    const sink = collectingSink(false);
    const report = await readLog(out, { sink });
    expect(report).toMatchObject({ encoding: 'windows-1252', delimiter: ';', mappingGuessed: true });
    expect(report.mapping).toMatchObject({
      case: 'Sags-id',
      activity: 'Aktivitet',
      timestamp: 'Tidspunkt',
      resource: 'Sagsbehandler',
      jobcenter: 'Jobcenter',
      attributes: ['CPR', 'Borger', 'Proces', 'Frist'],
      pseudonymize: ['CPR', 'Borger'],
    });
    expect(report.rows).toEqual({
      read: generated.rows,
      accepted: generated.events,
      duplicates: generated.duplicates,
      quarantined: generated.badRows,
    });
    const expectedReasons = Object.fromEntries(Object.entries(generated.badRowsByReason).filter(([, v]) => v > 0));
    expect(report.quarantinedByReason).toEqual(expectedReasons);
    expect(sink.cases.size).toBe(generated.cases);
  });

  it('reads a clean extract (UTF-8, commas) with every row accepted', async () => {
    const out = join(dir, 'rekruttering.csv');
    const generated = await generateLog({ process: 'rekruttering', cases: 200, seed: 3, out });
    const sink = collectingSink();
    const report = await readLog(out, { sink });
    expect(report).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    expect(report.rows).toEqual({ read: generated.rows, accepted: generated.events, duplicates: 0, quarantined: 0 });
    expect(sink.cases.size).toBe(generated.cases);
    expect(sink.events.every((e) => e.jobcenter !== null && e.event.caseAttributes?.['Proces'] !== undefined)).toBe(true);
  });
});
