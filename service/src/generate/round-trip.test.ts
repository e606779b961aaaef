import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readLog } from '../readers/index';
import type { AcceptedEvent, Rejection } from '../readers/types';
import { generateLog } from './generate-log';
import { PROCESS_KEYS } from './processes/index';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-generate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function roundTrip(process: (typeof PROCESS_KEYS)[number], dirty: boolean) {
  const file = join(dir, `${process}-${dirty ? 'dirty' : 'clean'}.csv`);
  const report = await generateLog({ process, cases: 1500, seed: 'round-trip', dirty, out: file });
  const events: AcceptedEvent[] = [];
  const rejects: Rejection[] = [];
  const read = await readLog(file, { sink: { onEvent: (e) => events.push(e), onReject: (r) => rejects.push(r) } });
  return { report, read, events, rejects, file };
}

const COPENHAGEN = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

describe('generateLog -> readLog round trip', () => {
  it('writes .csv.gz when the path ends in .gz: the same bytes compressed, read back alike', async () => {
    const plain = join(dir, 'rek.csv');
    const packed = join(dir, 'rek.csv.gz');
    const a = await generateLog({ process: 'rekruttering', cases: 3000, seed: 'gz', dirty: true, out: plain });
    const b = await generateLog({ process: 'rekruttering', cases: 3000, seed: 'gz', dirty: true, out: packed });
    expect(gunzipSync(readFileSync(packed)).equals(readFileSync(plain))).toBe(true);
    expect(b.bytes).toBe(a.bytes);
    const read = await readLog(packed, { sink: { onEvent: () => {}, onReject: () => {} } });
    expect(read.compressed).toBe(true);
    expect(read.rows).toEqual({ read: b.rows, accepted: b.events, duplicates: b.duplicates, quarantined: b.badRows });
  });

  it.each(PROCESS_KEYS)("%s clean: every row is accepted, with the generator's timestamps in Copenhagen time", async (process) => {
    const { report, read, events, file } = await roundTrip(process, false);
    expect(read.delimiter).toBe(',');
    expect(read.rows).toEqual({ read: report.rows, accepted: report.events, duplicates: 0, quarantined: 0 });
    expect(new Set(events.map((e) => e.event.caseId)).size).toBe(report.cases);
    expect(events[0]!.jobcenter).toMatch(/^Jobcenter København /);
    const lines = readFileSync(file, 'utf8').split('\n');
    const differ = events
      .map((e) => [lines[e.line - 1]!.split(',')[6], COPENHAGEN.format(e.event.timestamp)])
      .filter(([written, read]) => written !== read);
    expect(differ).toEqual([]);
  });

  it.each(PROCESS_KEYS)('%s dirty: read = rows, duplicates and quarantine are exactly the injected ones', async (process) => {
    const { report, read, rejects, events } = await roundTrip(process, true);
    expect(read.delimiter).toBe(';');
    expect(read.encoding).toBe('windows-1252');
    expect(read.rows).toEqual({
      read: report.rows,
      accepted: report.events,
      duplicates: report.duplicates,
      quarantined: report.badRows,
    });
    const byReason: Record<string, number> = {};
    for (const r of rejects) byReason[r.reason] = (byReason[r.reason] ?? 0) + 1;
    expect(byReason).toEqual(Object.fromEntries(Object.entries(report.badRowsByReason).filter(([, n]) => n > 0)));
    const activities = new Set(events.map((e) => e.event.activity));
    expect([...activities].filter((a) => a !== a.trim())).toEqual([]);
  });
});
