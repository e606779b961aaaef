import { describe, expect, it } from 'vitest';
import { EventLogBuilder, STEP_END, STEP_START } from '@sagsflow/shared';
import { fixtureApp } from '../testing/http-fixture';
import { precomputeModel } from './precompute-model';
import { createStepVariantsCollector, type StepVariants } from './step-variants';

const DAY = 86_400_000;

/** Plain values of collected step variants, to compare with `toEqual`. */
const plain = (variants: StepVariants) =>
  Object.fromEntries(
    [...variants].map(([key, v]) => [
      key,
      { process: v.process, jobcenter: v.jobcenter, ids: v.ids, activities: [...v.activities].sort(), pairs: [...v.pairs].sort() },
    ]),
  );

describe('createStepVariantsCollector', () => {
  it('gathers per (process, jobcenter, variant) the step-0 ids of every run and the steps, per table', () => {
    const c = createStepVariantsCollector();
    const run = (table: 'steps' | 'viewer_steps', jobcenter: string, key: string, activities: string[], firstId: number) => {
      const nodes = [STEP_START, ...activities, STEP_END];
      for (let i = 0; i + 1 < nodes.length; i++) {
        c.add(table, { process: 'p', jobcenter }, { variantKey: key, stepIndex: i, from: nodes[i]!, to: nodes[i + 1]! }, firstId + i);
      }
    };
    run('steps', 'Nord', 'ab', ['A', 'B'], 1);
    run('steps', 'Nord', 'ab', ['A', 'B'], 4);
    run('steps', 'Syd', 'ab', ['A', 'B'], 7);
    run('viewer_steps', 'andre jobcentre', 'a', ['A'], 1);
    const ab = { activities: ['A', 'B', STEP_END].sort(), pairs: [`${STEP_START}\u0000A`, 'A\u0000B', `B\u0000${STEP_END}`].sort() };
    expect(plain(c.tables.steps)).toEqual({
      'p\u0000Nord\u0000ab': { process: 'p', jobcenter: 'Nord', ids: [1, 4], ...ab },
      'p\u0000Syd\u0000ab': { process: 'p', jobcenter: 'Syd', ids: [7], ...ab },
    });
    expect(plain(c.tables.viewer_steps)).toEqual({
      'p\u0000andre jobcentre\u0000a': {
        process: 'p',
        jobcenter: 'andre jobcentre',
        ids: [1],
        activities: ['A', STEP_END].sort(),
        pairs: [`${STEP_START}\u0000A`, `A\u0000${STEP_END}`].sort(),
      },
    });
    expect([...c.tables.steps.values()].every((v) => v.rules.size === 0)).toBe(true);
  });

  it('collects from precomputeModel exactly the step rows it wrote, with their ids, in both step tables', () => {
    const b = new EventLogBuilder();
    for (let c = 0; c < 24; c++) {
      const jobcenter = c % 3 === 0 ? 'Syd' : 'Nord';
      const activities = c % 4 === 0 ? ['A', 'C'] : ['A', 'B', 'C'];
      activities.forEach((activity, i) =>
        b.add({ caseId: `c${c}`, activity, timestamp: Date.UTC(2025, c % 2, 3) + c * DAY + i * DAY, caseAttributes: { jobcenter } }),
      );
    }
    const { store } = fixtureApp({ seed: false });
    const collected = createStepVariantsCollector();
    precomputeModel(b.build(), { sqlite: store.sqlite, log: 'l', version: 1, process: 'p', minGroupSize: 2, stepVariants: collected });
    for (const table of ['steps', 'viewer_steps'] as const) {
      const rows = store.sqlite
        .prepare(
          `SELECT id, process, jobcenter, variant_key AS v, step_index AS i, from_activity AS f, to_activity AS t FROM ${table} ORDER BY id`,
        )
        .all() as { id: number; process: string; jobcenter: string; v: string; i: number; f: string; t: string }[];
      expect(rows.length).toBeGreaterThan(0);
      const fromTable: StepVariants = new Map();
      for (const r of rows) {
        const key = `${r.process}\u0000${r.jobcenter}\u0000${r.v}`;
        let e = fromTable.get(key);
        if (!e)
          fromTable.set(
            key,
            (e = { process: r.process, jobcenter: r.jobcenter, ids: [], activities: new Set(), pairs: new Set(), rules: new Set() }),
          );
        if (r.i === 0) e.ids.push(r.id);
        e.activities.add(r.t);
        e.pairs.add(`${r.f}\u0000${r.t}`);
      }
      expect(plain(collected.tables[table]), table).toEqual(plain(fromTable));
    }
    expect([...collected.tables.steps.values()].map((v) => v.jobcenter).sort()).toEqual(['Nord', 'Nord', 'Syd', 'Syd']);
    store.close();
  });
});
