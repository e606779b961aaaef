import { describe, expect, it } from 'vitest';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { findingsForSteps } from '../db/findings-queries';
import { precomputeModel } from '../precompute/precompute-model';
import { createStepVariantsCollector, type StepFindingsAhead } from '../precompute/step-variants';
import { fixtureApp } from '../testing/http-fixture';
import { computeFindings, type ScopeFindings } from './compute-findings';
import { emptySources } from './finding-sources';
import { writeFindings } from './precompute-findings';
import { createStepFindingsAhead, listedFindings } from './step-findings-ahead';

const DAY = 86_400_000;

/** 90 cases in `jobcenters` over three months: A → B → C, where the first jobcenter waits 20 days before C; every fifth case repeats B, every seventh skips it. */
function waitingLog(jobcenters: readonly string[]): EventLog {
  const b = new EventLogBuilder();
  for (let c = 0; c < 90; c++) {
    const jobcenter = jobcenters[c % jobcenters.length]!;
    const steps: [string, number][] = [
      ['A', 0],
      ...(c % 7 === 3 ? [] : ([['B', 1 + (c % 3)]] as [string, number][])),
      ...(c % 5 === 0 ? ([['B', 4]] as [string, number][]) : []),
      ['C', jobcenter === jobcenters[0] ? 20 + (c % 4) : 2 + (c % 4)],
    ];
    let t = Date.UTC(2025, 0, 6) + c * DAY;
    for (const [activity, days] of steps) {
      t += days * DAY;
      b.add({ caseId: `c${c}`, activity, timestamp: t, caseAttributes: { jobcenter } });
    }
  }
  return b.build();
}

const SPEC = { log: 'l', process: 'dagpenge', minGroupSize: 5, endActivities: ['C'] };

/** The findings of the log, as the findings worker computes them for a fresh load. */
function scopesOf(log: EventLog): ScopeFindings[] {
  return computeFindings(log, SPEC, new Map([['dagpenge', emptySources()]]));
}

/** A fresh load's precompute and findings, with `ahead` given the collector; every step row's findings by id, and the rows written ahead. */
function load(log: EventLog, ahead?: (collected: ReturnType<typeof createStepVariantsCollector>) => StepFindingsAhead) {
  const { store } = fixtureApp({ seed: false });
  const ctx = { sqlite: store.sqlite, log: 'l', version: 1 };
  const collected = createStepVariantsCollector();
  precomputeModel(log, { ...ctx, process: 'dagpenge', minGroupSize: 5, stepVariants: collected, stepFindings: ahead?.(collected) });
  writeFindings(ctx, scopesOf(log), collected);
  const rows = (table: string) =>
    store.sqlite.prepare(`SELECT id, step_index, findings FROM ${table} ORDER BY id`).raw().all() as [number, number, string | null][];
  const out = {
    steps: rows('steps'),
    viewer: rows('viewer_steps'),
    ahead: { steps: collected.listed.steps.size, viewer: collected.listed.viewer_steps.size },
    stored: findingsForSteps(store.sqlite, 'l', 1),
  };
  store.close();
  return out;
}

describe('createStepFindingsAhead', () => {
  const log = waitingLog(['Jobcenter Syd', 'Jobcenter Nord', 'Jobcenter Øst']);
  const updated = load(log);

  it('writes the findings with the rows once they are known: the same texts on the same rows as the update after', () => {
    expect(updated.steps.some((r) => r[2] !== null)).toBe(true);
    expect(updated.viewer.some((r) => r[2] !== null)).toBe(true);
    const scopes = scopesOf(log);
    const known = load(log, (collected) => createStepFindingsAhead(collected, () => scopes));
    expect(known.ahead.steps).toBeGreaterThan(0);
    expect(known.ahead.viewer).toBeGreaterThan(0);
    expect(known.steps).toEqual(updated.steps);
    expect(known.viewer).toEqual(updated.viewer);
  });

  it('writes only the rows after the findings are ready ahead, and the same rows in all', () => {
    const scopes = scopesOf(log);
    let asked = 0;
    const late = load(log, (collected) => createStepFindingsAhead(collected, () => (++asked > 40 ? scopes : undefined)));
    expect(asked).toBeGreaterThan(40);
    expect(late.ahead.steps + late.ahead.viewer).toBeGreaterThan(0);
    expect({ steps: late.steps, viewer: late.viewer }).toEqual({ steps: updated.steps, viewer: updated.viewer });
  });

  it('sets again a row written ahead with another text than its own', () => {
    const wrong = load(log, () => (table, process, jobcenter) => (jobcenter === 'Jobcenter Nord' ? '[]' : null));
    expect(wrong.ahead.steps).toBeGreaterThan(0);
    expect({ steps: wrong.steps, viewer: wrong.viewer }).toEqual({ steps: updated.steps, viewer: updated.viewer });
  });

  it('leaves a process of one jobcenter to the update (its rows list the whole process’s findings)', () => {
    const single = waitingLog(['Jobcenter Syd']);
    const scopes = scopesOf(single);
    const known = load(single, (collected) => createStepFindingsAhead(collected, () => scopes));
    expect(known.ahead).toEqual({ steps: 0, viewer: 0 });
    expect(known.steps.some((r) => r[2] !== null)).toBe(true);
    expect(known.steps).toEqual(load(single).steps);
  });

  it('lists the computed findings as the stored ones read back: same rows, same order, same texts', () => {
    expect(updated.stored.length).toBeGreaterThan(3);
    expect(listedFindings(scopesOf(log))).toEqual(updated.stored);
  });
});
