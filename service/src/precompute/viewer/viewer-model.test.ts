import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS, OTHER_VARIANTS_KEY } from '@sagsflow/shared';
import { openDatabase, type SagsflowDatabase } from '../../db/client';
import { generateLog } from '../../generate/index';
import { ingestFiles } from '../../ingest/index';
import { tempDir } from '../../testing/ingest-fixtures';
import { decideViewerCells, OTHER_JOBCENTERS, quarterOf } from './viewer-cells';

const VIEWER_TABLES = ['viewer_steps', 'viewer_variants', 'viewer_activities', 'viewer_edges', 'viewer_periods', 'viewer_jobcenters'];

describe('decideViewerCells', () => {
  const g = (jobcenter: string, period: string) => ({ process: 'p', jobcenter, period });
  it('keeps a variant of k cases in its own cell and pools its leftovers of the quarter', () => {
    // variant 0: A Jan 6 (stays), A Feb 3 + A Mar 2 (quarter); variant 1: A Jan 1 + B Jan 4 (other jobcenters, quarter).
    const groups = [g('A', '2024-01'), g('A', '2024-02'), g('A', '2024-03'), g('B', '2024-01')];
    const out = decideViewerCells(groups, [0, 1, 2, 0, 3], [0, 0, 0, 1, 1], [6, 3, 2, 1, 4], 5);
    expect(out.cells).toEqual([g('A', '2024-01'), g('A', '2024-Q1'), g(OTHER_JOBCENTERS, '2024-Q1')]);
    expect([...out.cellOfPair]).toEqual([0, 1, 1, 2, 2]);
    expect([...out.keptPair]).toEqual([1, 1, 1, 1, 1]);
    expect([out.mergedCases, out.otherVariantCases, out.suppressedCases]).toEqual([10, 0, 0]);
  });
  it('sends what no stage gathers to k into "other variants", pooled upward too, and leaves out the rest', () => {
    // three variants of 2 cases each in A Jan: other variants of A Jan = 6; one case of variant 3 in B Jan is left out.
    const groups = [g('A', '2024-01'), g('B', '2024-01')];
    const out = decideViewerCells(groups, [0, 0, 0, 1], [0, 1, 2, 3], [2, 2, 2, 1], 5);
    expect(out.cells).toEqual([g('A', '2024-01')]);
    expect([...out.cellOfPair]).toEqual([0, 0, 0, -1]);
    expect([...out.keptPair]).toEqual([0, 0, 0, 0]);
    expect([out.mergedCases, out.otherVariantCases, out.suppressedCases]).toEqual([0, 6, 1]);
  });
  it('quarterOf maps months to quarters', () => {
    expect(['2024-01', '2024-03', '2024-04', '2024-12'].map(quarterOf)).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q4']);
  });
});

describe('viewer-grade model of generated pilot logs', () => {
  const t = tempDir();
  let store: SagsflowDatabase;
  beforeAll(async () => {
    const a = t.path('dagpenge.csv');
    await generateLog({ process: 'dagpenge', cases: 400, seed: 13, out: a });
    store = openDatabase(':memory:');
    await ingestFiles(store, { files: [a], log: 'pilot' });
  }, 60_000);
  afterAll(() => {
    store.close();
    t.remove();
  });
  const all = (sql: string) => store.sqlite.prepare(sql).all() as Record<string, number | string>[];

  it('the exact tables have small rows (the attack surface) and no viewer table has a row under k = 5', () => {
    expect(all('SELECT * FROM steps WHERE cases < 5').length).toBeGreaterThan(0);
    for (const table of VIEWER_TABLES) {
      expect(all(`SELECT count(*) AS n FROM ${table}`)[0]!['n'], table).toBeGreaterThan(0);
      expect(all(`SELECT * FROM ${table} WHERE cases < 5`), table).toEqual([]);
    }
  });
  it('the load builds the indexes of the model and viewer tables again after writing them in bulk', () => {
    const indexes = all(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('steps_scope_idx', 'viewer_steps_scope_idx')`);
    expect(indexes.map((r) => r['name']).sort()).toEqual(['steps_scope_idx', 'viewer_steps_scope_idx']);
    const plan = all(`EXPLAIN QUERY PLAN SELECT * FROM viewer_steps WHERE log = 'pilot' AND jobcenter = 'x' AND period = 'y'`);
    expect(plan.map((r) => r['detail']).join(' ')).toContain('viewer_steps_scope_idx');
  });
  it('every other count of a viewer row is 0 or at least k, histogram buckets included', () => {
    const counts: Record<string, string[]> = {
      viewer_steps: [...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS],
      viewer_edges: ['transitions', ...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS],
      viewer_activities: ['events', 'repeats', 'self_loops', 'instances'],
      viewer_periods: ['events', 'open_cases'],
    };
    for (const [table, columns] of Object.entries(counts)) {
      for (const c of columns) expect(all(`SELECT ${c} FROM ${table} WHERE ${c} > 0 AND ${c} < 5`), `${table}.${c}`).toEqual([]);
    }
  });
  it("fine histograms: seconds only in buckets of at least k cases, and each step row's buckets hold all its cases", () => {
    expect(all(`SELECT count(*) AS n FROM steps WHERE ${FINE_COUNT_COLUMNS.map((d) => `${d} = 1`).join(' OR ')}`)[0]!['n']).toBeGreaterThan(
      0,
    );
    for (const table of ['viewer_steps', 'viewer_edges']) {
      FINE_COUNT_COLUMNS.forEach((d, i) => {
        expect(all(`SELECT ${d} FROM ${table} WHERE ${d} = 0 AND ${FINE_SECONDS_COLUMNS[i]} <> 0`), `${table}.${d}`).toEqual([]);
      });
    }
    const total = FINE_COUNT_COLUMNS.join(' + ');
    expect(all(`SELECT * FROM viewer_steps WHERE ${total} <> cases`)).toEqual([]);
    expect(all(`SELECT count(*) AS n FROM viewer_steps WHERE ${FINE_SECONDS_COLUMNS.join(' + ')} > 0`)[0]!['n']).toBeGreaterThan(0);
  });
  it('variant numbers count only the variants a viewer sees (1..N, "other variants" last) and finished is 0 or 1', () => {
    const ranks = all(
      'SELECT variant_key, max(variant_rank) AS r, min(variant_rank) AS m FROM viewer_variants GROUP BY variant_key ORDER BY r',
    );
    expect(ranks.every((x) => x['r'] === x['m'])).toBe(true);
    expect(ranks.map((x) => x['r'])).toEqual(ranks.map((_, i) => i + 1));
    expect(ranks.at(-1)!['variant_key']).toBe(OTHER_VARIANTS_KEY);
    expect(
      all(
        'SELECT * FROM viewer_steps s WHERE variant_rank <> (SELECT max(variant_rank) FROM viewer_variants v WHERE v.variant_key = s.variant_key)',
      ),
    ).toEqual([]);
    expect(all('SELECT * FROM viewer_variants WHERE finished NOT IN (0, 1)')).toEqual([]);
  });
  it('the viewer tables add up: step-0 cases = variants = periods = jobcenters = all cases less the left-out ones', () => {
    const one = (sql: string) => Number(all(sql)[0]!['n']);
    const build = all('SELECT * FROM viewer_builds')[0]!;
    const shown = Number(build['cases']) - Number(build['suppressed_cases']);
    expect(one('SELECT sum(cases) AS n FROM viewer_steps WHERE step_index = 0')).toBe(shown);
    expect(one('SELECT sum(cases) AS n FROM viewer_variants')).toBe(shown);
    expect(one('SELECT sum(cases) AS n FROM viewer_periods')).toBe(shown);
    expect(one('SELECT sum(cases) AS n FROM viewer_jobcenters')).toBe(shown);
    expect(one('SELECT count(*) AS n FROM cases')).toBe(Number(build['cases']));
    expect(one("SELECT sum(cases) AS n FROM viewer_variants WHERE variant_key = 'other'")).toBeGreaterThan(0);
    expect(one('SELECT abs(sum(sum_seconds) - (SELECT sum(sum_seconds) FROM viewer_periods)) < 1 AS n FROM viewer_steps')).toBe(1);
    expect(OTHER_VARIANTS_KEY).toBe('other');
  });
  it('a variant of at least k cases in its own (jobcenter, month) keeps its exact sums there', () => {
    const exact = all(
      'SELECT jobcenter, period, variant_key, cases, sum_seconds FROM variants WHERE cases >= 5 ORDER BY cases DESC LIMIT 1',
    )[0];
    const merged = all(
      "SELECT sum(cases) AS n FROM viewer_variants WHERE period NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' OR variant_key = 'other'",
    )[0]!;
    expect(Number(merged['n'])).toBeGreaterThan(0);
    if (!exact) return;
    const row = all(
      `SELECT cases, sum_seconds FROM viewer_variants WHERE jobcenter = '${exact['jobcenter']}' AND period = '${exact['period']}' AND variant_key = '${exact['variant_key']}'`,
    )[0]!;
    expect(row['cases']).toBe(exact['cases']);
    expect(Number(row['sum_seconds'])).toBeCloseTo(Number(exact['sum_seconds']), 6);
  });
  it('deleting the version removes the viewer rows too', async () => {
    const { deleteLog } = await import('../../db/versions');
    deleteLog(store.sqlite, 'pilot');
    for (const table of [...VIEWER_TABLES, 'viewer_builds']) expect(all(`SELECT count(*) AS n FROM ${table}`)[0]!['n']).toBe(0);
  });
});
