import { describe, expect, it } from 'vitest';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { computeFindings, type FindingsSpec } from './compute-findings';
import { emptySources, type FindingSources } from './finding-sources';
import { startFindingsWorker } from './findings-job';
import { waitForGo } from './findings-worker-protocol';

const DAY = 86_400_000;

/** 60 cases in two jobcenters: A → B → C, where Syd waits 20 days before C and Nord 2; every fifth case repeats B. */
function testLog(): EventLog {
  const b = new EventLogBuilder();
  const t0 = Date.UTC(2025, 0, 6);
  for (let c = 0; c < 60; c++) {
    const jobcenter = c % 2 === 0 ? 'Jobcenter Syd' : 'Jobcenter Nord';
    const start = t0 + c * DAY;
    const steps: [string, number][] = [
      ['A', 0],
      ['B', 1 + (c % 3)],
      ...(c % 5 === 0 ? ([['B', 4]] as [string, number][]) : []),
      ['C', jobcenter === 'Jobcenter Syd' ? 20 + (c % 4) : 2 + (c % 4)],
    ];
    let t = start;
    for (const [activity, days] of steps) {
      t += days * DAY;
      b.add({ caseId: `c${c}`, activity, timestamp: t, resource: `r${c % 4}`, caseAttributes: { jobcenter } });
    }
  }
  return b.build();
}

const spec: FindingsSpec = { log: 'test', process: 'dagpenge', minGroupSize: 5, endActivities: ['C'] };

describe('startFindingsWorker', () => {
  it('answers what computeFindings computes in this thread, with the compliance sources it was given', () => {
    const log = testLog();
    const sources: FindingSources = new Map([
      [
        'dagpenge',
        {
          ...emptySources(),
          rules: [
            {
              rule: 'R1',
              jobcenter: 'Jobcenter Syd',
              checked: 30,
              violated: 12,
              titles: { da: 'Frist', en: 'Deadline' },
              caseIds: ['c0', 'c2'],
            },
          ],
          verdicts: new Map(Array.from({ length: 60 }, (_, c) => [`c${c}`, c % 2 === 0 && c < 24 ? 1 : 0] as [string, 0 | 1])),
        },
      ],
    ]);
    const here = computeFindings(log, spec, sources);
    expect(here.map((s) => s.jobcenter)).toEqual(['', 'Jobcenter Nord', 'Jobcenter Syd']);
    expect(here.flatMap((s) => s.findings).length).toBeGreaterThan(0);
    expect(startFindingsWorker(log, spec, sources).join()).toEqual(here);
  }, 60_000);

  it('a paused worker answers the same once started, and start() twice is harmless', () => {
    const log = testLog();
    const here = computeFindings(log, spec, new Map());
    const job = startFindingsWorker(log, spec, new Map(), true);
    expect(job.ready()).toBe(false);
    job.start();
    job.start();
    expect(job.join()).toEqual(here);
  }, 60_000);

  it('is ready once it has answered, and join then returns at once', async () => {
    const log = testLog();
    const job = startFindingsWorker(log, spec, new Map());
    const started = Date.now();
    while (!job.ready()) {
      if (Date.now() - started > 50_000) throw new Error('no answer');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(job.join()).toEqual(computeFindings(log, spec, new Map()));
  }, 60_000);

  it('waitForGo returns at once without a flag or with it set', () => {
    const go = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(go), 0, 1);
    expect(() => {
      waitForGo({});
      waitForGo({ go });
    }).not.toThrow();
  });

  it("throws the worker's error in the waiting thread", () => {
    const broken = { ...testLog(), caseOffsets: undefined } as unknown as EventLog;
    expect(() => startFindingsWorker(broken, spec, new Map()).join()).toThrow(/undefined/);
  }, 60_000);
});
