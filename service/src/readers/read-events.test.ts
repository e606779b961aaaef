import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEvents } from './read-events';
import { readBothWays } from '../testing/read-both-ways';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-read-events-'));

/** The files are over 2 MB: the reader looks at the first MB before it may split at half the size. */
function rows(n: number, at: (i: number) => string): string {
  return Array.from({ length: n }, (_, i) => at(i)).join('\n');
}

describe('readEvents: a large CSV read in two parts at once', () => {
  it('gives the events, rejections and counts of a sequential read, with duplicates across the halves', async () => {
    const file = join(dir, 'halves.csv');
    const line = (i: number) =>
      `c${i % 50},Aktivitet ${i % 7},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00,r${i % 3}`;
    const first = `${rows(30_000, line)}\nc1,,2024-01-01,bad`;
    // The second half repeats 300 rows of the first (cross-part duplicates), repeats its own rows, and has bad rows.
    const second = rows(30_000, (i) =>
      i % 5 === 0
        ? line(i)
        : i % 97 === 0
          ? `c1,,2024-01-01,${i % 2 ? 'bad' : i}`
          : i % 89 === 0
            ? `c2,x,not a time ${i},r`
            : line(i + 5000 + (i % 3 === 0 ? 0 : i)),
    );
    writeFileSync(file, `Sag,Aktivitet,Tidspunkt,Sagsbehandler\n${first}\n${second}\n`);
    const { sequential, parallel } = await readBothWays(file);
    expect(sequential.rows.duplicates).toBeGreaterThan(300);
    expect(sequential.identical).toBe(sequential.rows.duplicates);
    // Kept duplicates: every row is an event or quarantined, and the identical ones are counted across the halves.
    const kept = await readBothWays(file, 'worker', true);
    expect(kept.sequential.policy).toBe('keep');
    expect(kept.sequential.identical).toBe(sequential.rows.duplicates);
    expect(kept.parallel).toEqual(kept.sequential);
    expect(sequential.rows.quarantined).toBeGreaterThan(10);
    expect(parallel).toEqual(sequential);
  }, 60_000);

  it('reads a block again when a quoted field spanning lines runs over the cut between two blocks', async () => {
    const file = join(dir, 'quoted.csv');
    const filler = (from: number) => rows(40_000, (i) => `c${from + i},A,2024-03-01 10:00,r`);
    const multiline = `c9,"B\n${'x\n'.repeat(300_000)}end",2024-03-02 10:00,r`;
    writeFileSync(file, `case,activity,timestamp,resource\n${filler(0)}\n${multiline}\n${filler(40_000)}\n`);
    const { sequential, parallel } = await readBothWays(file, 'reread');
    expect(sequential.rows.accepted).toBe(80_001);
    expect(parallel).toEqual(sequential);
  }, 60_000);

  it('keeps Windows-1252 text and line numbers of rejections in the second part', async () => {
    const file = join(dir, 'ansi.csv');
    const body = rows(90_000, (i) =>
      i === 80_000 ? 'c1,Afgørelse,31-02-2024,r' : `c${i % 20},Afgørelse ${i % 4},0${1 + (i % 9)}-03-2024 10:00,r`,
    );
    writeFileSync(file, Buffer.from(`case,activity,timestamp,resource\n${body}\n`, 'latin1'));
    const { sequential, parallel } = await readBothWays(file);
    expect(sequential.encoding).toBe('windows-1252');
    expect(sequential.rejections[0]).toMatch(/^80002:bad-timestamp:timestamp:/);
    expect(parallel).toEqual(sequential);
  }, 60_000);

  it('starts the blocks right after a plain header line, or after the first MB when the header has quotes', async () => {
    const line = (i: number) => `c${i % 40},Afgørelse ${i % 5},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00,r${i % 3}`;
    const body = rows(70_000, (i) => (i === 3 ? 'c1,,2024-01-01,r' : i % 1000 === 7 ? line(i - 1) : line(i)));
    const headers = [
      ['bom-crlf.csv', '\uFEFFSag,Aktivitet,Tidspunkt,Ressource\r\n'],
      ['quoted.csv', '"Sag","Aktivitet","Tidspunkt","Ressource"\n'],
      ['danish.csv', 'Sag,Aktivitet,Tidspunkt,Sagsbehandler på sagen\n'],
    ];
    for (const [name, header] of headers) {
      const file = join(dir, name!);
      writeFileSync(file, `${header}${body}\n`);
      const { sequential, parallel } = await readBothWays(file);
      expect(sequential.rows.duplicates).toBeGreaterThan(60);
      expect(sequential.rejections[0]).toMatch(/^5:missing-activity:/);
      expect(parallel).toEqual(sequential);
    }
  }, 120_000);

  it('parses an XES or a compressed file in a worker while building, with the events of a sequential read', async () => {
    for (const name of ['helpdesk.xes.gz', 'running-example.xes']) {
      const { sequential, parallel } = await readBothWays(join(import.meta.dirname, '../../../tests/data', name));
      expect(sequential.rows.accepted).toBeGreaterThan(0);
      expect(parallel).toEqual(sequential);
    }
    const gz = join(dir, 'extract.csv.gz');
    writeFileSync(
      gz,
      gzipSync(`case,activity,timestamp\n${rows(20_000, (i) => `c${i % 300},A${i % 5},2024-03-0${1 + (i % 9)} 10:00`)}\nc1,,x\n`),
    );
    const { sequential, parallel } = await readBothWays(gz);
    expect(sequential.rows.quarantined).toBe(1);
    expect(parallel).toEqual(sequential);
  }, 120_000);

  it("carries each event's jobcenter in both parts when asked (padded, quoted, empty, non-ASCII)", async () => {
    const file = join(dir, 'jobcenters.csv');
    const jobcenter = (i: number) =>
      i % 7 === 0 ? ' JC Nord ' : i % 11 === 0 ? '' : i % 13 === 0 ? '"JC, Syd"' : i % 17 === 0 ? 'JC Ø' : `JC ${i % 3}`;
    const line = (i: number) =>
      `c${i % 50},Aktivitet ${i % 7},2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00,r${i % 3},${jobcenter(i)}`;
    writeFileSync(file, `Sags-id,Aktivitet,Tidspunkt,Sagsbehandler,Jobcenter\n${rows(60_000, line)}\n`);
    const run = async (parallel: boolean) => {
      const events: string[] = [];
      await readEvents(file, {
        parallel,
        parallelMinBytes: 1,
        jobcenter: true,
        sink: { event: (c, a, t, r, l, j) => events.push(`${c}|${a}|${t}|${r}|${l}|${j}`), reject: () => {} },
      });
      return events;
    };
    const sequential = await run(false);
    expect(new Set(sequential.map((e) => e.split('|')[5]))).toEqual(
      new Set(['JC Nord', 'null', 'JC, Syd', 'JC Ø', 'JC 0', 'JC 1', 'JC 2']),
    );
    expect(await run(true)).toEqual(sequential);
  }, 120_000);
});
