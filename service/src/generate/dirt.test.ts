import { describe, expect, it } from 'vitest';
import { BAD_TIMESTAMPS } from './dirt';
import { EXTRACT_COLUMNS } from './generate-log';
import { generateToMemory, parseCsvRecords } from '../testing/generate-to-memory';

const DANISH_TIME = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2})$/;

describe('generateLog (dirty)', () => {
  it('writes semicolons, CRLF, Windows-1252 and Danish dates', async () => {
    const { bytes, text } = await generateToMemory({ process: 'akademiker', cases: 200, seed: 1, dirty: true });
    expect(text.startsWith(`${EXTRACT_COLUMNS.join(';')}\r\n`)).toBe(true);
    expect(bytes.includes(Buffer.from('Akademikeromr\xe5det', 'latin1'))).toBe(true);
    expect(bytes.includes(Buffer.from('Akademikerområdet', 'utf8'))).toBe(false);
    expect(parseCsvRecords(text, ';')[1]![6]).toMatch(DANISH_TIME);
  });

  it.each(['dagpenge', 'rekruttering'] as const)('%s: duplicates and bad rows in the file are exactly those reported', async (process) => {
    const { report, text } = await generateToMemory({ process, cases: 4000, seed: 'dirt', dirty: true });
    const [header, ...records] = parseCsvRecords(text, ';');
    expect(header).toEqual([...EXTRACT_COLUMNS]);
    expect(records.length).toBe(report.rows);
    const reasons = { 'missing-case': 0, 'bad-timestamp': 0, 'column-count': 0 };
    const seen = new Set<string>();
    let duplicates = 0;
    let trailing = 0;
    let lineBreaks = 0;
    for (const r of records) {
      if (r.length !== 9) reasons['column-count']++;
      else if (r[0] === '') reasons['missing-case']++;
      else if (!DANISH_TIME.test(r[6]!) || (BAD_TIMESTAMPS as readonly string[]).includes(r[6]!)) reasons['bad-timestamp']++;
      else {
        const key = r.join('\u0000');
        if (seen.has(key)) duplicates++;
        seen.add(key);
        if (r.some((f) => f !== f.trimEnd())) trailing++;
        if (r[2]!.includes('\n')) lineBreaks++;
      }
    }
    expect(reasons).toEqual(report.badRowsByReason);
    expect(report.badRows).toBe(reasons['missing-case'] + reasons['bad-timestamp'] + reasons['column-count']);
    expect(duplicates).toBe(report.duplicates);
    expect(report.rows - report.duplicates - report.badRows).toBe(report.events);
    expect(report.duplicates / report.events).toBeGreaterThan(0.002);
    expect(report.duplicates / report.events).toBeLessThan(0.01);
    expect(report.badRows / report.events).toBeGreaterThan(0.001);
    expect(report.badRows / report.events).toBeLessThan(0.006);
    expect(trailing).toBeGreaterThanOrEqual(report.trailingWhitespaceRows);
    expect(lineBreaks).toBeGreaterThan(0);
    expect(report.quotedDelimiterCases).toBeGreaterThan(0);
    expect(report.shuffledCases).toBeGreaterThan(0);
  });

  it('writes the same events as the clean extract of the same seed, only dirtier', async () => {
    const clean = await generateToMemory({ process: 'dagpenge', cases: 500, seed: 4 });
    const dirty = await generateToMemory({ process: 'dagpenge', cases: 500, seed: 4, dirty: true });
    expect(dirty.report.events).toBe(clean.report.events);
    expect(dirty.report.openCases).toBe(clean.report.openCases);
    const ids = (text: string, d: string): string[] =>
      [
        ...new Set(
          parseCsvRecords(text, d)
            .slice(1)
            .map((r) => r[0]!),
        ),
      ]
        .filter(Boolean)
        .sort();
    expect(ids(dirty.text, ';')).toEqual(ids(clean.text, ','));
  });

  it('swaps rows within some cases so that they are out of time order (duplicates aside)', async () => {
    const { report, text } = await generateToMemory({ process: 'dagpenge', cases: 1000, seed: 2, dirty: true });
    const stamp = (t: string): string => `${t.slice(6, 10)}${t.slice(3, 5)}${t.slice(0, 2)}${t.slice(11)}`;
    const outOfOrder = new Set<string>();
    let previous: string[] = [];
    const seen = new Set<string>();
    for (const r of parseCsvRecords(text, ';').slice(1)) {
      const bad = r.length !== 9 || r[0] === '' || (BAD_TIMESTAMPS as readonly string[]).includes(r[6]!);
      if (bad || seen.has(r.join(';'))) continue;
      seen.add(r.join(';'));
      if (previous[0] === r[0] && stamp(r[6]!) < stamp(previous[6]!)) outOfOrder.add(r[0]!);
      previous = r;
    }
    expect(report.shuffledCases).toBeGreaterThan(10);
    expect(outOfOrder.size).toBe(report.shuffledCases);
  });
});
