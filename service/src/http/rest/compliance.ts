import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { readsViewerGrade } from '../auth/principal';
import { servedSqlName } from '../model/read-scope';
import { viewerBuildScope } from '../../db/sql/scope';
import { effectiveJobcenters, readAnalysisFilters } from './filters';
import { filterConditions } from '../../db/sql/filter-conditions';
import { whereSql } from '../../db/sql/fragment';
import { complianceCells, complianceSliceConditions, currentRuleCatalogue, currentRules } from '../../db/compliance-queries';
import { shownCount } from './group-count';
import { storedGroupSize } from '../../db/log-queries';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const GRAIN_COLUMNS = new Set(['log', 'jobcenter', 'process']);

interface Totals {
  fulfilled: number;
  violated: number;
  pending: number;
  notApplicable: number;
  /** Viewer-grade rows only: statuses of fewer than k cases in a cell, merged. */
  other: number;
  late: number;
}

/** Values of a repeatable, comma-separable query parameter. */
function listParam(c: Context, key: string): string[] {
  return (c.req.queries(key) ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

function emptyTotals(): Totals {
  return { fulfilled: 0, violated: 0, pending: 0, notApplicable: 0, other: 0, late: 0 };
}

/**
 * The counts, rate and mean days late of a slice as a person may see them (minimum group size
 * k); `other` (cases whose status was merged in the viewer-grade rows) only for viewer tokens.
 */
function shown(t: Totals, k: number, viewer: boolean) {
  const decided = t.fulfilled + t.violated;
  return {
    fulfilled: shownCount(t.fulfilled, k),
    violated: shownCount(t.violated, k),
    pending: shownCount(t.pending, k),
    notApplicable: shownCount(t.notApplicable, k),
    ...(viewer ? { other: shownCount(t.other, k) } : {}),
    complianceRate: decided >= k ? t.fulfilled / decided : null,
    meanDaysLate: t.violated >= k && t.late > 0 ? t.late / t.violated : null,
  };
}

/**
 * `GET /api/logs/:name/compliance`: per rule of the catalogue attached to the log's current
 * version, its counts per status, compliance rate and mean days late, overall and per
 * jobcenter (with whether the jobcenter meets the rule's `share`). Filters: `jobcenter`,
 * `process`, `month` (or `period`, `from`, `to`: the month of the anchor) and `rule`; a
 * jobcenter-limited token sees its jobcenters only. Counts below the minimum group size read
 * "<k", and rates and means of such groups are null. A viewer token reads `viewer_compliance`
 * (months are the periods of the viewer cells; statuses under k merged into `other`), so every
 * answer is a sum of rows of at least k cases.
 */
export function complianceRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:name/compliance', (c) => {
    const principal = c.get('principal');
    const viewer = readsViewerGrade(principal);
    const table = servedSqlName(ctx, 'compliance', principal);
    const log = c.req.param('name');
    const row = storedGroupSize(ctx.sqlite, log);
    if (!row) throw new HTTPException(404, { message: `no log named '${log}'` });
    const k = Math.max(ctx.minGroupSize, row.k ?? 1);
    const filters = readAnalysisFilters(c);
    const months = [...filters.period, ...listParam(c, 'month')];
    const bad = months.find((m) => !MONTH.test(m));
    if (bad !== undefined) throw new HTTPException(400, { message: `query: month: must be YYYY-MM, got '${bad}'` });
    const ruleIds = listParam(c, 'rule');
    const jobcenters = effectiveJobcenters(filters, c.get('principal'));
    const parts = filterConditions(filters, jobcenters, GRAIN_COLUMNS, log);
    parts.push(...complianceSliceConditions({ months, from: filters.from, to: filters.to, rules: ruleIds }));
    if (viewer) parts.push(viewerBuildScope(ctx.minGroupSize));
    const where = whereSql(parts);
    const cells = ctx.cache.get(
      JSON.stringify([table, where]),
      () => complianceCells(ctx.sqlite, table, where),
      (rows) => 120 * rows.length,
    );
    const catalogue = currentRuleCatalogue(ctx.db, log);
    const rules = currentRules(ctx.db, log);
    ctx.audit.record({
      tokenId: c.get('principal').tokenId,
      action: 'read',
      target: `api/logs/${log}/compliance`,
      detail: new URL(c.req.url).search || null,
    });
    const wanted = ruleIds.length > 0 ? rules.filter((rr) => ruleIds.includes(rr.rule)) : rules;
    return c.json({
      log,
      minGroupSize: k,
      catalogue: catalogue ?? null,
      rules: wanted.map((rule) => {
        const total = emptyTotals();
        const perJobcenter = new Map<string, Totals>();
        for (const cell of cells) {
          if (cell.rule !== rule.rule) continue;
          const j = perJobcenter.get(cell.jobcenter) ?? emptyTotals();
          perJobcenter.set(cell.jobcenter, j);
          for (const t of [total, j]) {
            t[cell.status as keyof Omit<Totals, 'late'>] += cell.cases;
            t.late += cell.late;
          }
        }
        return {
          rule: rule.rule,
          title: { da: rule.titleDa, en: rule.titleEn },
          source: rule.source,
          basis: rule.basis,
          kind: rule.kind,
          share: rule.share,
          ...shown(total, k, viewer),
          jobcenters: [...perJobcenter.entries()].map(([jobcenter, t]) => {
            const s = shown(t, k, viewer);
            return {
              jobcenter,
              ...s,
              meetsShare: rule.share === null || s.complianceRate === null ? null : s.complianceRate >= rule.share,
            };
          }),
        };
      }),
    });
  });
  return r;
}
