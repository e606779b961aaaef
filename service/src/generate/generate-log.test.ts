import { describe, expect, it } from 'vitest';
import { danishHolidays, daysFromCivil } from './calendar';
import { EXTRACT_COLUMNS, generateLog } from './generate-log';
import { DEADLINE_RULES, PROCESS_END_ACTIVITIES, PROCESS_KEYS, PROCESSES } from './processes/index';
import { generateToMemory, parseCsvRecords } from '../testing/generate-to-memory';

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const CPR = /^(\d{2})(\d{2})(\d{2})-(\d{4})$/;

function parseClean(text: string): string[][] {
  const [header, ...rows] = parseCsvRecords(text, ',');
  expect(header).toEqual([...EXTRACT_COLUMNS]);
  return rows;
}

describe('generateLog (clean)', () => {
  it('writes the same bytes for the same options and other bytes for another seed', async () => {
    const a = await generateToMemory({ process: 'dagpenge', cases: 300, seed: 7 });
    const b = await generateToMemory({ process: 'dagpenge', cases: 300, seed: 7 });
    const c = await generateToMemory({ process: 'dagpenge', cases: 300, seed: 8 });
    expect(a.sha256).toBe(b.sha256);
    expect(c.sha256).not.toBe(a.sha256);
    expect(a.report.bytes).toBe(a.bytes.length);
    const d1 = await generateToMemory({ process: 'rekruttering', cases: 300, seed: 'abc', dirty: true });
    const d2 = await generateToMemory({ process: 'rekruttering', cases: 300, seed: 'abc', dirty: true });
    expect(d1.sha256).toBe(d2.sha256);
  });

  it.each(PROCESS_KEYS)('%s: rows, events, cases and open cases match the report', async (process) => {
    const { report, text } = await generateToMemory({ process, cases: 1500, seed: 'x' });
    const rows = parseClean(text);
    expect(rows.length).toBe(report.rows);
    expect(report.rows).toBe(report.events);
    expect(report.duplicates + report.badRows).toBe(0);
    const byCase = new Map<string, string[][]>();
    for (const r of rows) byCase.set(r[0]!, [...(byCase.get(r[0]!) ?? []), r]);
    expect(byCase.size).toBe(1500);
    const ends = PROCESS_END_ACTIVITIES[process];
    const open = [...byCase.values()].filter((c) => !ends.includes(c[c.length - 1]![5]!)).length;
    expect(open).toBe(report.openCases);
    expect(open).toBeGreaterThan(0);
    const idPattern = new RegExp(`^${PROCESSES[process].idPrefix}-20(24|25|26)-\\d{6}$`);
    const odd = rows.filter((r) => r.length !== 9 || !idPattern.test(r[0]!) || r[3] !== PROCESSES[process].label);
    expect(odd).toEqual([]);
  });

  it('writes CPR numbers DDMMYY-SSSS of people aged 18-66 at the case start, with a century digit that fits', async () => {
    const { text } = await generateToMemory({ process: 'akademiker', cases: 800, seed: 3 });
    const firstRows = new Map<string, string[]>();
    for (const r of parseClean(text)) if (!firstRows.has(r[0]!)) firstRows.set(r[0]!, r);
    for (const r of firstRows.values()) {
      const m = CPR.exec(r[1]!);
      expect(m, r[1]).not.toBeNull();
      const [dd, mm, yy, serial] = [Number(m![1]), Number(m![2]), Number(m![3]), m![4]!];
      const start = TIME.exec(r[6]!)!;
      const startYear = Number(start[1]);
      const seventh = Number(serial[0]);
      const century = seventh <= 3 || ((seventh === 4 || seventh === 9) && yy >= 37) ? 1900 : 2000;
      const birth = new Date(Date.UTC(century + yy, mm - 1, dd));
      expect(birth.getUTCDate()).toBe(dd);
      const age = (Date.UTC(startYear, Number(start[2]) - 1, Number(start[3])) - birth.getTime()) / (365.2425 * 86400000);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThan(67);
    }
  });

  it('writes companies with an empty CPR for rekruttering', async () => {
    const { text } = await generateToMemory({ process: 'rekruttering', cases: 50, seed: 3 });
    const rows = parseClean(text);
    expect(rows.every((r) => r[1] === '' && /(ApS|A\/S|I\/S)$/.test(r[2]!))).toBe(true);
  });

  it('puts every event on a working day between 08:00 and 15:30, in time order within a case, in the window', async () => {
    const { text } = await generateToMemory({ process: 'dagpenge', cases: 3000, seed: 11 });
    const holidays = new Set([2024, 2025, 2026].flatMap((y) => danishHolidays(y).map((h) => h.dayNumber)));
    let previous: [string, string] = ['', ''];
    const wrong: string[] = [];
    const rows = parseClean(text);
    for (const r of rows) {
      const t = r[6]!;
      const m = TIME.exec(t);
      if (!m) {
        wrong.push(`unparseable ${t}`);
        continue;
      }
      const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
      const weekday = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
      if (weekday === 0 || weekday === 6) wrong.push(`weekend ${t}`);
      if (holidays.has(daysFromCivil(y, mo, d))) wrong.push(`holiday ${t}`);
      const seconds = h * 3600 + mi * 60 + s;
      if (seconds < 8 * 3600 || seconds > 15.5 * 3600) wrong.push(`outside hours ${t}`);
      if (t < '2024-07-01' || t > '2026-06-30 23:59:59') wrong.push(`outside window ${t}`);
      if (previous[0] === r[0] && t <= previous[1]) wrong.push(`not after the previous event ${r[0]} ${t}`);
      previous = [r[0]!, t];
    }
    expect(rows.length).toBeGreaterThan(20000);
    expect(wrong).toEqual([]);
  });

  it('starts fewer cases in July than in January (seasonality)', async () => {
    const { text } = await generateToMemory({ process: 'rekruttering', cases: 6000, seed: 5 });
    const starts = new Map<string, number>();
    const seen = new Set<string>();
    for (const r of parseClean(text)) {
      if (seen.has(r[0]!)) continue;
      seen.add(r[0]!);
      const month = r[6]!.slice(5, 7);
      starts.set(month, (starts.get(month) ?? 0) + 1);
    }
    expect(starts.get('07')! * 2).toBeLessThan(starts.get('01')!);
  });

  it('writes Frist = date of Tilmeldt som jobsøgende + 14 days and tallies missed deadlines as the file shows', async () => {
    const { report, text } = await generateToMemory({ process: 'akademiker', cases: 1500, seed: 9 });
    const day = (t: string): number => daysFromCivil(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10)));
    const rule = DEADLINE_RULES.find((r) => r.id === 'DP-CV-14')!;
    const tilmelding = new Map<string, number>();
    const done = new Set<string>();
    let cases = 0;
    let missed = 0;
    let wrongFrist = 0;
    for (const r of parseClean(text)) {
      const [id, activity, time, frist] = [r[0]!, r[5]!, r[6]!, r[8]!];
      if (activity === rule.from && !tilmelding.has(id)) tilmelding.set(id, day(time));
      if (day(frist) !== tilmelding.get(id)! + 14) wrongFrist++;
      if (activity === rule.to && !done.has(id)) {
        done.add(id);
        cases++;
        if (day(time) > tilmelding.get(id)! + 14) missed++;
      }
    }
    expect(wrongFrist).toBe(0);
    expect(report.deadlines.find((d) => d.id === rule.id)).toEqual({ id: rule.id, cases, missed });
    expect(missed / cases).toBeGreaterThan(0.01);
    expect(missed / cases).toBeLessThan(0.4);
  });

  it('rejects an unknown process and a negative case count with a MisuseError', async () => {
    const out = '/dev/null';
    await expect(generateLog({ process: 'x' as 'dagpenge', cases: 1, seed: 1, out })).rejects.toThrow(/unknown process "x"/);
    await expect(generateLog({ process: 'dagpenge', cases: -1, seed: 1, out })).rejects.toThrow(/non-negative integer, got -1/);
  });

  it('rejects with a one-line message naming the file when it cannot be written', async () => {
    const out = '/nonexistent-dir/x.csv';
    const error = (await generateLog({ process: 'dagpenge', cases: 5, seed: 1, out }).then(
      () => null,
      (e: unknown) => e,
    )) as Error;
    // What a user reads: the file and the reason, no internal function name.
    expect(error.message).toMatch(/^cannot write \/nonexistent-dir\/x\.csv: ENOENT: no such file or directory/);
  });

  it('reports progress in increasing case counts, ending with cases/cases', async () => {
    const calls: number[] = [];
    await generateToMemory({ process: 'dagpenge', cases: 2000, seed: 1, onProgress: (done, total) => calls.push(done / total) });
    expect(calls.length).toBeGreaterThan(3);
    expect(calls.every((v, i) => i === 0 || v >= calls[i - 1]!)).toBe(true);
    expect(calls[calls.length - 1]).toBe(1);
  });

  it('writes only the header for 0 cases', async () => {
    const { report, text } = await generateToMemory({ process: 'akademiker', cases: 0, seed: 1 });
    expect(text).toBe(`${EXTRACT_COLUMNS.join(',')}\n`);
    expect([report.cases, report.events, report.rows, report.openCases]).toEqual([0, 0, 0, 0]);
  });
});
