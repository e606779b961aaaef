import { describe, expect, it } from 'vitest';
import { EventLogBuilder, discoverDfg, type EventLog } from '@sagsflow/shared';
import { DFG_WORKER_MIN_EVENTS, discoverDfgInWorker } from './summary-dfg';
import { summarizeLog, summarizeLogWith } from './summary-report';

/** A log of `cases` cases of 3 to 8 events over 7 activities, with repeated and skipped steps (seeded). */
function syntheticLog(cases: number): EventLog {
  const builder = new EventLogBuilder();
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (let c = 0; c < cases; c++) {
    let t = Date.UTC(2024, 0, 1) + next(1000) * 86_400_000;
    const events = 3 + next(6);
    for (let e = 0; e < events; e++) {
      t += next(5) === 0 ? 0 : next(10 * 86_400_000);
      builder.addEvent(`case-${c}`, `step ${e === 0 ? 0 : 1 + next(6)}`, t);
    }
  }
  return builder.build();
}

describe('discoverDfgInWorker', () => {
  it('gives discoverDfg(log) for a log large enough for the worker', async () => {
    const log = syntheticLog(30_000);
    expect(log.activity.length).toBeGreaterThanOrEqual(DFG_WORKER_MIN_EVENTS);
    const failures: string[] = [];
    const dfg = await discoverDfgInWorker(log, (why) => failures.push(why));
    expect(failures).toEqual([]);
    expect(dfg).toEqual(discoverDfg(log));
    expect(dfg.activities).toBe(log.activities);
  });

  it('gives discoverDfg(log) for a small log (on this thread)', async () => {
    const log = syntheticLog(50);
    expect(await discoverDfgInWorker(log)).toEqual(discoverDfg(log));
  });
});

describe('summarizeLogWith', () => {
  it('writes the same summary as summarizeLog', async () => {
    const log = syntheticLog(500);
    const rows = { read: log.activity.length, accepted: log.activity.length, quarantined: 0, duplicates: 0 };
    const context = { endActivities: ['step 3'], duplicatePolicy: 'drop', identical: 0 };
    const expected = summarizeLog(log, rows, context);
    expect(expected.finished.cases).toBeGreaterThan(0);
    expect(await summarizeLogWith(Promise.resolve(discoverDfg(log)), log, rows, context)).toEqual(expected);
    expect(await summarizeLogWith(discoverDfgInWorker(log), log, rows, {})).toEqual(summarizeLog(log, rows));
  });
});
