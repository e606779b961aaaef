import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  aggregateSteps,
  applyMinimumGroupSize,
  BUCKET_COLUMNS,
  FINE_COUNT_COLUMNS,
  FINE_SECONDS_COLUMNS,
  fineQuantile,
  histogramQuantile,
  type AggregatedSteps,
  type ProcessMapEdge,
  type StepRow,
} from '@sagsflow/shared';
import type { SqlFragment } from '../../db/sql/fragment';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { effectiveJobcenters, readAnalysisFilters } from './filters';
import { filterConditions } from '../../db/sql/filter-conditions';
import { whereSql } from '../../db/sql/fragment';
import { shownCount } from './group-count';
import { pagingParams } from './paging';
import { readsViewerGrade } from '../auth/principal';
import { servedSqlName } from '../model/read-scope';
import { viewerBuildScope } from '../../db/sql/scope';

const STEP_COLUMNS = new Set(['log', 'jobcenter', 'period', 'process', 'variant_key']);
const CASE_COLUMNS = STEP_COLUMNS;
const ACTIVITY_COLUMNS = new Set(['log', 'jobcenter', 'period', 'process', 'activity']);

/** The minimum group size for a log: the stricter of the server's and the one stored with the log; 404 for no such log. */
function requireLog(ctx: AppContext, name: string): number {
  const row = ctx.sqlite.prepare('SELECT min_group_size AS k FROM logs WHERE name = ?').get(name) as { k: number | null } | undefined;
  if (!row) throw new HTTPException(404, { message: `no log named '${name}'` });
  return Math.max(ctx.minGroupSize, row.k ?? 1);
}

/**
 * The table a request reads for a model table and its conditions: the viewer-grade form for a
 * viewer token (only logs built with k at least the server's), with the analysis filters.
 */
function modelSource(
  ctx: AppContext,
  c: Context<AppEnv>,
  sqlName: string,
  columns: ReadonlySet<string>,
  log: string,
): { table: string; where: SqlFragment } {
  const principal = c.get('principal');
  const filters = readAnalysisFilters(c);
  const jobcenters = effectiveJobcenters(filters, principal);
  const parts = filterConditions(filters, jobcenters, columns, log, servedSqlName(ctx, 'steps', principal));
  if (readsViewerGrade(principal)) parts.push(viewerBuildScope(ctx.minGroupSize));
  return { table: servedSqlName(ctx, sqlName, principal), where: whereSql(parts) };
}

/** The map and variants of the filtered step rows, cached until the data changes. */
function aggregated(ctx: AppContext, c: Context<AppEnv>, log: string): AggregatedSteps {
  const { table, where } = modelSource(ctx, c, 'steps', STEP_COLUMNS, log);
  return ctx.cache.get(
    JSON.stringify([table, where]),
    () => aggregateSteps(stepRows(ctx, table, where)),
    (a) => 512 * (a.map.edges.length + a.map.nodes.length) + 256 * a.variants.length,
  );
}

function stepRows(ctx: AppContext, table: string, where: SqlFragment): StepRow[] {
  const sums = [...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS].map((h) => `sum("${h}") AS "${h}"`).join(', ');
  const sql =
    `SELECT variant_key, step_index, from_activity, to_activity, sum(cases) AS cases, sum(sum_seconds) AS sum_seconds, ${sums},` +
    ` max(variant_rank) AS variant_rank, min(finished) AS finished` +
    ` FROM "${table}"${where.sql} GROUP BY variant_key, step_index, from_activity, to_activity ORDER BY variant_key, step_index`;
  const rows = ctx.sqlite.prepare(sql).all(...where.params) as Record<string, number | string>[];
  return rows.map((r) => ({
    variantKey: r['variant_key'] as string,
    stepIndex: r['step_index'] as number,
    from: r['from_activity'] as string,
    to: r['to_activity'] as string,
    cases: r['cases'] as number,
    sumSeconds: r['sum_seconds'] as number,
    histogram: BUCKET_COLUMNS.map((h) => r[h] as number),
    fine: { counts: FINE_COUNT_COLUMNS.map((d) => r[d] as number), seconds: FINE_SECONDS_COLUMNS.map((s) => r[s] as number) },
    variantRank: r['variant_rank'] as number,
    finished: r['finished'] === 1,
  }));
}

/** An edge's median seconds: from the fine histogram (rows since migration 0008), else the coarse one. */
function median(edge: ProcessMapEdge): number | null {
  const q = edge.fine ? fineQuantile(edge.fine, 0.5) : edge.histogram ? histogramQuantile(edge.histogram, 0.5) : Number.NaN;
  return Number.isNaN(q) ? null : q;
}

/**
 * The analysis routes of a log: process map, variants (rebuilt from the step rows with the
 * mining core's `aggregateSteps`, so they agree with the visual), cases and activities.
 * Counts below the minimum group size read "<k"; rare variants merge into "other variants".
 */
export function analysisRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  const audit = (c: Context<AppEnv>, what: string) =>
    ctx.audit.record({
      tokenId: c.get('principal').tokenId,
      action: 'read',
      target: `api/logs/${c.req.param('name')}/${what}`,
      detail: new URL(c.req.url).search || null,
    });

  r.get('/:name/map', (c) => {
    const log = c.req.param('name');
    const k = requireLog(ctx, log);
    const { map, cases } = aggregated(ctx, c, log);
    audit(c, 'map');
    return c.json({
      log,
      minGroupSize: k,
      cases: shownCount(cases, k),
      nodes: map.nodes.map((n) => ({ activity: n.activity, count: shownCount(n.count, k), cases: shownCount(n.cases, k) })),
      edges: map.edges.map((e) => ({
        from: e.from,
        to: e.to,
        count: shownCount(e.count, k),
        cases: shownCount(e.cases, k),
        meanSeconds: e.cases >= k && e.count > 0 ? e.sumSeconds / e.count : null,
        medianSeconds: e.cases < k ? null : e.sumSeconds === 0 ? 0 : median(e),
      })),
    });
  });

  r.get('/:name/variants', (c) => {
    const log = c.req.param('name');
    const k = requireLog(ctx, log);
    const { variants, cases } = aggregated(ctx, c, log);
    const byKey = new Map(variants.map((v) => [v.variantKey, v]));
    const rareSeconds = variants.filter((v) => v.cases < k).reduce((s, v) => s + v.sumSeconds, 0);
    audit(c, 'variants');
    return c.json({
      log,
      minGroupSize: k,
      cases: shownCount(cases, k),
      variants: applyMinimumGroupSize(variants, k).map((g) => {
        const sumSeconds = g.isOther ? rareSeconds : (byKey.get(g.key)?.sumSeconds ?? 0);
        return {
          key: g.key,
          activities: g.activities,
          cases: shownCount(g.cases, k),
          share: g.share,
          variants: g.variants,
          isOther: g.isOther,
          meanSeconds: g.cases >= k ? sumSeconds / g.cases : null,
          medianSeconds: g.isOther ? null : (byKey.get(g.key)?.medianSeconds ?? null),
          p90Seconds: g.isOther ? null : finiteOrNull(byKey.get(g.key)?.p90Seconds),
          number: g.isOther ? null : (byKey.get(g.key)?.rank ?? null),
          finished: g.isOther ? null : (byKey.get(g.key)?.finished ?? null),
        };
      }),
    });
  });

  r.get('/:name/activities', (c) => {
    const log = c.req.param('name');
    const k = requireLog(ctx, log);
    const { table, where } = modelSource(ctx, c, 'activities', ACTIVITY_COLUMNS, log);
    const rows = ctx.cache.get(
      JSON.stringify([table, where]),
      () =>
        ctx.sqlite
          .prepare(
            'SELECT activity, sum(events) AS events, sum(cases) AS cases, sum(repeats) AS repeats, sum(self_loops) AS self_loops,' +
              ' sum(instances) AS instances, sum(sum_processing_seconds) AS processing, sum(sum_waiting_seconds) AS waiting' +
              ` FROM "${table}"${where.sql} GROUP BY activity ORDER BY sum(events) DESC, activity`,
          )
          .all(...where.params) as {
          activity: string;
          events: number;
          cases: number;
          repeats: number;
          self_loops: number;
          instances: number;
          processing: number;
          waiting: number;
        }[],
      (r) => 200 * r.length,
    );
    audit(c, 'activities');
    return c.json({
      log,
      minGroupSize: k,
      activities: rows.map((a) => ({
        activity: a.activity,
        events: shownCount(a.events, k),
        cases: shownCount(a.cases, k),
        repeats: shownCount(a.repeats, k),
        selfLoops: shownCount(a.self_loops, k),
        meanProcessingSeconds: a.cases >= k && a.instances > 0 ? a.processing / a.instances : null,
        meanWaitingSeconds: a.cases >= k && a.instances > 0 ? a.waiting / a.instances : null,
      })),
    });
  });

  r.get('/:name/cases', requireRole('analyst'), (c) => {
    const log = c.req.param('name');
    requireLog(ctx, log);
    const filters = readAnalysisFilters(c);
    const { limit, offset } = pagingParams(c);
    const jobcenters = effectiveJobcenters(filters, c.get('principal'));
    const where = whereSql(filterConditions(filters, jobcenters, CASE_COLUMNS, log));
    const total = (ctx.sqlite.prepare(`SELECT count(*) AS n FROM cases${where.sql}`).get(...where.params) as { n: number }).n;
    const rows = ctx.sqlite
      .prepare(
        'SELECT case_id, process, jobcenter, period, start, "end", duration_seconds, events, variant_key, open' +
          ` FROM cases${where.sql} ORDER BY start, id LIMIT ? OFFSET ?`,
      )
      .all(...where.params, limit, offset) as Record<string, unknown>[];
    audit(c, 'cases');
    return c.json({
      log,
      total,
      limit,
      offset,
      cases: rows.map((r) => ({
        caseId: r['case_id'],
        process: r['process'],
        jobcenter: r['jobcenter'],
        period: r['period'],
        start: new Date(r['start'] as number).toISOString(),
        end: new Date(r['end'] as number).toISOString(),
        durationSeconds: r['duration_seconds'],
        events: r['events'],
        variantKey: r['variant_key'],
        open: r['open'] === 1,
      })),
    });
  });
  return r;
}

function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}
