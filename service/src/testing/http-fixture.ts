import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import {
  activities,
  caseCompliance,
  cases,
  compliance,
  edges,
  findingCases,
  findings,
  jobcenters,
  loads,
  logs,
  periods,
  quarantine,
  ruleCatalogues,
  rules,
  steps,
  variants,
} from '../db/schema';
import { seedConformanceFixture } from './conformance-fixture';
import { createToken } from '../tokens';
import { createApp } from '../app';
import { EventLogBuilder } from '@sagsflow/shared';
import { STEP_END, STEP_START } from '@sagsflow/shared/steps/types';
import { precomputeViewerModel } from '../precompute/index';

/** One group of identical cases in the fixture. */
export interface FixtureGroup {
  jobcenter: string;
  period: string;
  variantKey: string;
  activities: string[];
  cases: number;
  /** Seconds between consecutive events of every case. */
  gapSeconds: number;
}

/** Nord: 10 cases A→B and 2 cases A→C (a group below k = 5); Syd: 3 cases A→B and 7 A→B→C. */
export const FIXTURE_GROUPS: FixtureGroup[] = [
  { jobcenter: 'Nord', period: '2024-01', variantKey: 'aaaaaaaaaaaaaaa1', activities: ['A', 'B'], cases: 10, gapSeconds: 3600 },
  { jobcenter: 'Nord', period: '2024-01', variantKey: 'aaaaaaaaaaaaaaa2', activities: ['A', 'C'], cases: 2, gapSeconds: 60 },
  { jobcenter: 'Syd', period: '2024-02', variantKey: 'aaaaaaaaaaaaaaa1', activities: ['A', 'B'], cases: 3, gapSeconds: 7200 },
  { jobcenter: 'Syd', period: '2024-02', variantKey: 'aaaaaaaaaaaaaaa3', activities: ['A', 'B', 'C'], cases: 7, gapSeconds: 600 },
];

const grain = (g: FixtureGroup) => ({ log: 'demo', version: 1, process: 'akademiker', jobcenter: g.jobcenter, period: g.period });
const monthGrain = (g: FixtureGroup) => ({ log: 'demo', version: 1, process: 'akademiker', jobcenter: g.jobcenter, month: g.period });

/** The catalogue text stored with the fixture's compliance rows (valid YAML, so readers can parse it back). */
const DEMO_CATALOGUE = [
  'catalogue: demo-rules',
  'process: akademiker',
  'rules:',
  '  - id: R-B',
  '    title: {da: "B skal ske", en: "B must occur"}',
  '    source: test',
  '    basis: illustrative',
  '    kind: mustOccur',
  '    a: B',
].join('\n');

/** Writes the fixture groups as model rows (steps, variants, cases, edges, ...) of log `demo`. */
export function seedFixture(store: SagsflowDatabase, groups: FixtureGroup[] = FIXTURE_GROUPS): void {
  const { db } = store;
  const t0 = Date.UTC(2024, 0, 1);
  store.sqlite.transaction(() => {
    db.insert(logs)
      .values({ name: 'demo', process: 'akademiker', currentVersion: 1, createdAt: new Date(t0), updatedAt: new Date(t0) })
      .run();
    const load = db
      .insert(loads)
      .values({
        log: 'demo',
        version: 1,
        process: 'akademiker',
        files: '["demo.csv"]',
        contentHash: 'h',
        startedAt: new Date(t0),
        finishedAt: new Date(t0),
        rowsRead: 60,
        rowsAccepted: 57,
        rowsQuarantined: 3,
        quarantinedByReason: '{"bad-timestamp":3}',
        cases: 22,
        events: 57,
        status: 'stored',
      })
      .returning()
      .get();
    for (let i = 0; i < 3; i++) {
      db.insert(quarantine)
        .values({
          loadId: load.id,
          log: 'demo',
          version: 1,
          file: 'demo.csv',
          line: 10 + i,
          column: 'tid',
          reason: 'bad-timestamp',
          message: 'bad',
          raw: 'x;y',
        })
        .run();
    }
    let caseNo = 0;
    const byJobcenter = new Map<string, { cases: number; events: number }>();
    for (const g of groups) {
      const path = [STEP_START, ...g.activities, STEP_END];
      for (let s = 0; s + 1 < path.length; s++) {
        const inner = s > 0 && s + 1 < path.length - 1;
        const seconds = inner ? g.gapSeconds * g.cases : 0;
        db.insert(steps)
          .values({
            ...grain(g),
            variantKey: g.variantKey,
            stepIndex: s,
            fromActivity: path[s]!,
            toActivity: path[s + 1]!,
            cases: g.cases,
            sumSeconds: seconds,
          })
          .run();
        db.insert(edges)
          .values({
            ...grain(g),
            fromActivity: path[s]!,
            toActivity: path[s + 1]!,
            transitions: g.cases,
            cases: g.cases,
            sumSeconds: seconds,
          })
          .run();
      }
      const duration = g.gapSeconds * (g.activities.length - 1);
      db.insert(variants)
        .values({
          ...grain(g),
          variantKey: g.variantKey,
          activities: g.activities.join(' → '),
          activitiesJson: JSON.stringify(g.activities),
          length: g.activities.length,
          cases: g.cases,
          sumSeconds: duration * g.cases,
        })
        .run();
      for (const a of g.activities) {
        db.insert(activities)
          .values({ ...grain(g), activity: a, events: g.cases, cases: g.cases, repeats: 0, selfLoops: 0 })
          .run();
      }
      for (let c = 0; c < g.cases; c++) {
        const start = t0 + caseNo++ * 86_400_000;
        db.insert(cases)
          .values({
            ...grain(g),
            caseId: `p_${g.jobcenter}_${caseNo}`,
            start: new Date(start),
            end: new Date(start + duration * 1000),
            durationSeconds: duration,
            events: g.activities.length,
            variantKey: g.variantKey,
            open: false,
          })
          .run();
        db.insert(caseCompliance)
          .values({
            ...monthGrain(g),
            caseId: `p_${g.jobcenter}_${caseNo}`,
            rule: 'R-B',
            status: g.activities.includes('B') ? 'fulfilled' : 'pending',
            daysLate: null,
          })
          .run();
      }
      db.insert(compliance)
        .values({
          ...monthGrain(g),
          rule: 'R-B',
          status: g.activities.includes('B') ? 'fulfilled' : 'pending',
          cases: g.cases,
          sumDaysLate: 0,
        })
        .run();
      db.insert(periods)
        .values({ ...grain(g), cases: g.cases, events: g.cases * g.activities.length, openCases: 0, sumSeconds: duration * g.cases })
        .run();
      const j = byJobcenter.get(g.jobcenter) ?? { cases: 0, events: 0 };
      j.cases += g.cases;
      j.events += g.cases * g.activities.length;
      byJobcenter.set(g.jobcenter, j);
    }
    db.insert(ruleCatalogues)
      .values({ log: 'demo', version: 1, catalogue: 'demo-rules', process: 'akademiker', asOf: '2024-03-01', text: DEMO_CATALOGUE })
      .run();
    db.insert(rules)
      .values({
        log: 'demo',
        version: 1,
        catalogue: 'demo-rules',
        rule: 'R-B',
        titleDa: 'B skal ske',
        titleEn: 'B must occur',
        source: 'test',
        basis: 'illustrative',
        kind: 'mustOccur',
      })
      .run();
    for (const [jobcenter, j] of byJobcenter) {
      db.insert(jobcenters)
        .values({ log: 'demo', version: 1, process: 'akademiker', jobcenter, ...j })
        .run();
    }
    seedConformanceFixture(store, groups);
    for (const scope of ['', 'Nord', 'Syd']) {
      const where = { log: 'demo', version: 1, process: 'akademiker', jobcenter: scope, findingId: `F${scope || 'all'}` };
      db.insert(findings)
        .values({
          ...where,
          kind: 'bottleneck',
          rank: 1,
          status: 'new',
          firstVersion: 1,
          fromActivity: 'A',
          toActivity: 'B',
          cases: 10,
          valueDkk: 100_000,
          evidence: '{}',
          summaryEn: 'Cases wait.',
          summaryDa: 'Sager venter.',
        })
        .run();
      db.insert(findingCases)
        .values({ ...where, caseId: 'p_Nord_1' })
        .run();
    }
    precomputeViewerModel(fixtureLog(groups), { sqlite: store.sqlite, log: 'demo', version: 1, process: 'akademiker', minGroupSize: 5 });
  })();
}

/** The fixture groups as an event log (cases start on the 10th of their period, Copenhagen time), for the viewer-grade model. */
function fixtureLog(groups: FixtureGroup[]) {
  const b = new EventLogBuilder();
  let caseNo = 0;
  for (const g of groups) {
    const start = Date.parse(`${g.period}-10T09:00:00+01:00`);
    for (let c = 0; c < g.cases; c++) {
      const id = `c${caseNo++}`;
      g.activities.forEach((a, i) => b.addEvent(id, a, start + c * 60_000 + i * g.gapSeconds * 1000));
      b.setCaseAttribute('jobcenter', g.jobcenter);
    }
  }
  return b.build();
}

/** Tokens of every kind for tests, keyed by a short label. */
export interface FixtureTokens {
  viewer: string;
  analyst: string;
  admin: string;
  expired: string;
  revoked: string;
  nordViewer: string;
  nordAnalyst: string;
}

/** An app over an in-memory store with the fixture and the tokens of `FixtureTokens`. */
export function fixtureApp(options: { minGroupSize?: number; pageSize?: number; seed?: boolean } = {}) {
  const store = openDatabase(':memory:');
  if (options.seed !== false) seedFixture(store);
  const past = new Date(Date.now() - 10 * 86_400_000);
  const revoked = createToken(store.db, { role: 'admin' });
  store.sqlite.prepare('UPDATE tokens SET revoked_at = ? WHERE id = ?').run(Date.now(), revoked.id);
  const tokens: FixtureTokens = {
    viewer: createToken(store.db, { role: 'viewer' }).token,
    analyst: createToken(store.db, { role: 'analyst' }).token,
    admin: createToken(store.db, { role: 'admin' }).token,
    expired: createToken(store.db, { role: 'admin', expiresDays: 1, now: past }).token,
    revoked: revoked.token,
    nordViewer: createToken(store.db, { role: 'viewer', jobcenters: ['Nord'] }).token,
    nordAnalyst: createToken(store.db, { role: 'analyst', jobcenters: ['Nord'] }).token,
  };
  const uploadDir = mkdtempSync(join(tmpdir(), 'sagsflow-up-'));
  const app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath: store.path,
    uploadDir,
    minGroupSize: options.minGroupSize,
    pageSize: options.pageSize,
    log: () => {},
    preview: false,
    powerbi: { distDir: uploadDir },
  });
  const get = (path: string, token?: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string> | undefined) },
    });
  return { store, app, tokens, get, uploadDir };
}
