import { expect } from 'vitest';
import { readEvents } from '../readers/read-events';

/**
 * Reads the CSV/XES `file` on one thread, then with the two-part reader (`parallelMinBytes: 1`),
 * and returns both outcomes for comparison: events as `case|activity|time|resource|lifecycle`,
 * rejections as `line:reason:column:raw`, and the report's counts. Checks how the second part
 * was read: by the worker (`'worker'`), on this thread (`'sequential'`), or read again (`'reread'`).
 */
export async function readBothWays(file: string, expected: 'worker' | 'sequential' | 'reread' = 'worker', keepDuplicates?: boolean) {
  const hows: string[] = [];
  const run = async (parallel: boolean) => {
    const events: string[] = [];
    const rejections: string[] = [];
    const report = await readEvents(file, {
      parallel,
      keepDuplicates,
      parallelMinBytes: 1,
      onSecondPart: (how, why) => hows.push(why ? `${how}: ${why}` : how),
      sink: {
        event: (c, a, t, r, l) => events.push(`${c}|${a}|${t}|${r}|${l}`),
        reject: (x) => rejections.push(`${x.line}:${x.reason}:${x.column}:${x.raw}`),
      },
    });
    return {
      events,
      rejections,
      rows: report.rows,
      byReason: report.quarantinedByReason,
      encoding: report.encoding,
      identical: report.identical,
      policy: report.duplicatePolicy,
    };
  };
  const result = { sequential: await run(false), parallel: await run(true) };
  if (expected === 'reread') expect(hows).toEqual([expect.stringMatching(/^reread: /)]);
  else expect(hows).toEqual(expected === 'worker' ? ['worker'] : []);
  return result;
}
