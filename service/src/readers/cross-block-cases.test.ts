import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CrossBlockCases } from './cross-block-cases';
import { readBothWays } from '../testing/read-both-ways';
import { RecordHashSet } from './record-hash-set';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cross-block-'));

/** Writes `text` as the CSV file `name` and reads it on one thread and in blocks on two; returns both outcomes. */
function bothWays(name: string, text: string, keepDuplicates = false) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return readBothWays(file, 'worker', keepDuplicates);
}

const stamp = (i: number) =>
  `2024-03-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:${String(i % 59).padStart(2, '0')}`;

/** A file grouped by case (runs of 40 lines, with `repeat` its first line again at the end of each run), ~2.4 MB. */
function grouped(extra: (lines: string[]) => void, repeat = false): string {
  const lines: string[] = [];
  for (let c = 0; c < 1000; c++) {
    for (let e = 0; e < 40; e++) lines.push(`sag-${c},Aktivitet nummer ${e % 9} i sagen,${stamp(c + e)}`);
    if (repeat) lines.push(lines[lines.length - 40]!);
  }
  extra(lines);
  return `case,activity,timestamp\n${lines.join('\n')}\n`;
}

describe('readEvents: the duplicate check across blocks, by case', () => {
  it('finds duplicates within a case spanning a cut and in a case that comes back many blocks later', async () => {
    // Each run ends with its first line again (some runs span a 64 KB block cut); case 3 comes back at the end with
    // two of its lines again and one new line, and the last line comes again.
    const text = grouped(
      (lines) => lines.push(lines[3 * 41 + 1]!, lines[3 * 41 + 7]!, `sag-3,Ny aktivitet,${stamp(1)}`, lines.at(-1)!),
      true,
    );
    const { sequential, parallel } = await bothWays('grouped.csv', text);
    expect(sequential.rows.duplicates).toBe(1003);
    expect(parallel).toEqual(sequential);
  });

  it('counts the kept duplicates of such a file as a sequential read does', async () => {
    const text = grouped((lines) => lines.push(lines[5]!, lines[20_000]!, lines[39_999]!));
    const { sequential, parallel } = await bothWays('grouped-kept.csv', text, true);
    expect(sequential.identical).toBe(3);
    expect(sequential.events).toHaveLength(40_003);
    expect(parallel).toEqual(sequential);
  });

  it('finds every duplicate when cases are spread over all blocks (the check then takes every record)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++) lines.push(`sag-${i % 3000},Aktivitet ${i % 11},${stamp(i)}`);
    for (let i = 0; i < 40_000; i += 997) lines.push(lines[i]!);
    const { sequential, parallel } = await bothWays('spread.csv', `case,activity,timestamp\n${lines.join('\n')}\n`);
    expect(sequential.rows.duplicates).toBe(41);
    expect(parallel).toEqual(sequential);
  });

  it('finds an event duplicating a line after a block with a rejection', async () => {
    const text = grouped((lines) => {
      lines.splice(20_000, 0, 'sag-500,,not a time', 'sag-500,,not a time');
      lines.push(lines[100]!, 'sag-500,,not a time');
    });
    const { sequential, parallel } = await bothWays('rejected.csv', text);
    expect(sequential.rows.duplicates).toBe(3);
    expect(sequential.rows.quarantined).toBe(1);
    expect(parallel).toEqual(sequential);
  });
});

describe('readEvents: the duplicate check within a block, by case run', () => {
  it('finds duplicates in a case that comes back within a block, in a run longer than the run check, and among records for the string reader', async () => {
    const lines: string[] = [];
    for (let c = 0; c < 600; c++) {
      const run = c % 50 === 7 ? 150 : 12;
      for (let e = 0; e < run; e++) lines.push(`sag-${c},Trin ${e},${stamp(c * 7 + e)}`);
      // Every 10th case: the case before it comes back with its first line again and one new line.
      if (c % 10 === 9) lines.push(lines[lines.length - run - 12]!, `sag-${c - 1},Senere,${stamp(c)}`);
      // A long run ends with its first line again.
      if (run === 150) lines.push(lines[lines.length - 150]!);
      // A line the fast path leaves to the string reader (a padded field), twice.
      if (c % 25 === 3) lines.push(`sag-${c}, Trin med luft,${stamp(c)}`, `sag-${c}, Trin med luft,${stamp(c)}`);
    }
    for (let k = 0; k < 30; k++) lines.push(...lines.slice(k * 500, k * 500 + 2));
    const { sequential, parallel } = await bothWays('runs.csv', `case,activity,timestamp\n${lines.join('\n')}\n`);
    expect(sequential.rows.duplicates).toBe(lines.length - new Set(lines).size);
    expect(sequential.rows.duplicates).toBeGreaterThan(130);
    expect(parallel).toEqual(sequential);
  });
});

describe('CrossBlockCases', () => {
  const block = (hashes: number[][], cases: number[], caseHashes: number[]) => ({
    firstHashes: Uint32Array.from(hashes.flat()),
    firstOutcomes: Int32Array.from(cases.map((_, i) => i)),
    caseOf: Uint32Array.from(cases),
    caseHashes: Int32Array.from(caseHashes),
  });

  it('marks the cases an earlier block held, and adds their earlier records to the set before they are checked', () => {
    const seen = new RecordHashSet();
    const cases = new CrossBlockCases(seen, false);
    expect(
      Array.from(
        cases.oldCases(
          0,
          block(
            [
              [1, 1],
              [2, 2],
              [3, 3],
            ],
            [0, 0, 1],
            [101, 102],
          ),
          0,
        )!,
      ),
    ).toEqual([0, 0]);
    expect(seen.size).toBe(0);
    // Block 1 goes on with case 102 (block 0's records of it are added) and starts case 103.
    expect(
      Array.from(
        cases.oldCases(
          1,
          block(
            [
              [4, 4],
              [5, 5],
            ],
            [0, 1],
            [102, 103],
          ),
          0,
        )!,
      ),
    ).toEqual([1, 0]);
    expect(seen.size).toBe(1);
    expect(seen.addHash(3, 3)).toBe(false);
    // Case 101 comes back in block 2: block 0's records of it are added.
    expect(Array.from(cases.oldCases(2, block([[6, 6]], [0], [101]), 0)!)).toEqual([1]);
    expect(seen.addHash(1, 1)).toBe(false);
    expect(seen.addHash(2, 2)).toBe(false);
  });

  it('checks every record from the first block with a rejection on, with all held-back hashes added, or from the start after a first part', () => {
    const seen = new RecordHashSet();
    const cases = new CrossBlockCases(seen, false);
    cases.oldCases(
      0,
      block(
        [
          [1, 1],
          [2, 2],
        ],
        [0, 1],
        [101, 102],
      ),
      0,
    );
    expect(cases.oldCases(1, block([[3, 3]], [0], [103]), 1)).toBeNull();
    expect(seen.size).toBe(2);
    expect(cases.oldCases(2, block([[4, 4]], [0], [104]), 0)).toBeNull();
    expect(new CrossBlockCases(new RecordHashSet(), true).oldCases(0, block([[1, 1]], [0], [101]), 0)).toBeNull();
  });
});
