import { describe, expect, it } from 'vitest';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { precomputeModel } from '../precompute/precompute-model';
import { createStepVariantsCollector } from '../precompute/step-variants';
import { fixtureApp } from '../testing/http-fixture';
import { computeFindings } from './compute-findings';
import { emptySources } from './finding-sources';
import { writeFindings } from './precompute-findings';
import { writeStepFindings } from './write-step-findings';

const DAY = 86_400_000;

/** 60 cases in two jobcenters and two months: A → B → C, where Syd waits 20 days before C and Nord 2; every fifth case repeats B. */
function slowSydLog(): EventLog {
  const b = new EventLogBuilder();
  for (let c = 0; c < 60; c++) {
    const jobcenter = c % 2 === 0 ? 'Jobcenter Syd' : 'Jobcenter Nord';
    const steps: [string, number][] = [
      ['A', 0],
      ['B', 1 + (c % 3)],
      ...(c % 5 === 0 ? ([['B', 4]] as [string, number][]) : []),
      ['C', jobcenter === 'Jobcenter Syd' ? 20 + (c % 4) : 2 + (c % 4)],
    ];
    let t = Date.UTC(2025, 0, 6) + c * DAY;
    for (const [activity, days] of steps) {
      t += days * DAY;
      b.add({ caseId: `c${c}`, activity, timestamp: t, caseAttributes: { jobcenter } });
    }
  }
  return b.build();
}

function seeded() {
  const { store } = fixtureApp({ seed: false });
  const step = store.sqlite.prepare(
    `INSERT INTO steps (log, version, process, jobcenter, period, variant_key, step_index, from_activity, to_activity, cases, sum_seconds, violated_rules, skipped_activities)
     VALUES ('l', 1, 'p', ?, '2024-03', ?, ?, ?, ?, 5, 0, ?, ?)`,
  );
  const path = (jobcenter: string, key: string, activities: string[], rules: (string | null)[] = [], skipped: (string | null)[] = []) => {
    const nodes = ['▶ start', ...activities, '■ end'];
    for (let i = 0; i + 1 < nodes.length; i++) step.run(jobcenter, key, i, nodes[i], nodes[i + 1], rules[i] ?? null, skipped[i] ?? null);
  };
  path('Nord', 'abc', ['A', 'B', 'C'], [null, null, '[{"rule":"R1","da":"r","en":"r"}]']);
  path('Nord', 'ac', ['A', 'C'], [], [null, '["B"]']);
  path('Syd', 'abc', ['A', 'B', 'C']);
  const finding = store.sqlite.prepare(
    `INSERT INTO findings (log, version, process, jobcenter, finding_id, kind, rank, status, first_version, activity, from_activity, to_activity, rule, cases, value_dkk, evidence, summary_en, summary_da)
     VALUES ('l', 1, 'p', ?, ?, ?, 1, ?, 1, ?, ?, ?, ?, 5, ?, '{}', ?, ?)`,
  );
  finding.run('Nord', 'F1', 'bottleneck', 'new', null, 'A', 'B', null, 900, 'wait A to B', 'vent A til B');
  finding.run('Nord', 'F2', 'rule-violation', 'open', null, null, null, 'R1', 500, 'R1 broken', 'R1 brudt');
  finding.run('Nord', 'F3', 'model-deviation', 'new', 'B', null, null, null, 100, 'B skipped', 'B sprunget over');
  finding.run('Nord', 'F4', 'bottleneck', 'resolved', null, 'A', 'C', null, 2000, 'gone', 'væk');
  finding.run('', 'F5', 'bottleneck', 'new', null, 'A', 'B', null, 5000, 'all jobcentres', 'alle jobcentre');
  return store;
}

describe('writeStepFindings', () => {
  it('lists the jobcenter findings that concern each variant on its step 0, most valuable first', () => {
    const store = seeded();
    expect(writeStepFindings(store.sqlite, 'l', 1)).toBe(2);
    const rows = store.sqlite
      .prepare('SELECT jobcenter, variant_key AS v, findings FROM steps WHERE findings IS NOT NULL ORDER BY jobcenter, variant_key')
      .all() as { jobcenter: string; v: string; findings: string }[];
    expect(rows.map((r) => [r.jobcenter, r.v, (JSON.parse(r.findings) as { id: string }[]).map((f) => f.id)])).toEqual([
      ['Nord', 'abc', ['F1', 'F2', 'F3']],
      ['Nord', 'ac', ['F3']],
    ]);
    expect(JSON.parse(rows[1]!.findings)).toEqual([{ id: 'F3', kind: 'model-deviation', da: 'B sprunget over', en: 'B skipped' }]);
    expect(store.sqlite.prepare('SELECT count(*) FROM steps WHERE findings IS NOT NULL AND step_index <> 0').pluck().get()).toBe(0);
  });

  it('uses the whole process scope when the process has one jobcenter', () => {
    const store = seeded();
    store.sqlite.prepare("DELETE FROM steps WHERE jobcenter = 'Syd'").run();
    writeStepFindings(store.sqlite, 'l', 1);
    const first = store.sqlite.prepare("SELECT findings FROM steps WHERE variant_key = 'abc' AND step_index = 0").pluck().get() as string;
    expect((JSON.parse(first) as { id: string }[]).map((f) => f.id)).toEqual(['F5']);
  });

  it('lists the same findings on the same rows from the step rows collected at precompute as from the tables', () => {
    const { store } = fixtureApp({ seed: false });
    const log = slowSydLog();
    const ctx = { sqlite: store.sqlite, log: 'l', version: 1 };
    const collected = createStepVariantsCollector();
    precomputeModel(log, { ...ctx, process: 'dagpenge', minGroupSize: 5, stepVariants: collected });
    const spec = { log: 'l', process: 'dagpenge', minGroupSize: 5, endActivities: ['C'] };
    writeFindings(ctx, computeFindings(log, spec, new Map([['dagpenge', emptySources()]])), collected);
    const listed = (table: string) =>
      store.sqlite.prepare(`SELECT id, findings FROM ${table} WHERE findings IS NOT NULL ORDER BY id`).all() as {
        id: number;
        findings: string;
      }[];
    const fromMemory = { steps: listed('steps'), viewer: listed('viewer_steps') };
    expect(fromMemory.steps.length).toBeGreaterThan(0);
    expect(fromMemory.viewer.length).toBeGreaterThan(0);
    store.sqlite.exec('UPDATE steps SET findings = NULL; UPDATE viewer_steps SET findings = NULL');
    writeStepFindings(store.sqlite, 'l', 1);
    expect({ steps: listed('steps'), viewer: listed('viewer_steps') }).toEqual(fromMemory);
    store.close();
  });
});
