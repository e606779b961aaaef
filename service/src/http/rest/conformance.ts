import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { readsViewerGrade } from '../auth/principal';
import { servedSqlName } from '../model/read-scope';
import { viewerBuildScope } from '../../db/sql/scope';
import { requireRole } from '../auth/middleware';
import { effectiveJobcenters, readAnalysisFilters } from './filters';
import { filterConditions } from '../../db/sql/filter-conditions';
import { whereSql } from '../../db/sql/fragment';
import { shownCount } from './group-count';
import { pagingParams } from './paging';
import { storedGroupSize } from '../../db/log-queries';
import {
  conformanceActivityMoves,
  conformanceCasePage,
  conformanceTotals,
  conformanceTotalsPerJobcenter,
  countConformanceCases,
  currentConformanceModel,
  type ConformanceSums,
} from '../../db/conformance-queries';

const GRAIN_COLUMNS = new Set(['log', 'jobcenter', 'period', 'process', 'variant_key']);
const ACTIVITY_COLUMNS = new Set(['log', 'jobcenter', 'period', 'process', 'activity']);

/** Fitness figures of summed rows; null below the minimum group size or without aligned cases. */
function figures(s: ConformanceSums, k: number) {
  const shown = s.cases >= k;
  const aligned = shown && s.aligned > 0;
  return {
    cases: shownCount(s.cases, k),
    alignments: {
      logFitness: aligned ? (s.maxCost === 0 ? 1 : 1 - s.cost / s.maxCost) : null,
      averageTraceFitness: aligned ? s.fitness / s.aligned : null,
      fittingTracesPct: aligned ? (100 * s.fitting) / s.aligned : null,
    },
    tokenReplay: {
      logFitness: shown && s.consumed > 0 ? 0.5 * (1 - s.missing / s.consumed) + 0.5 * (1 - s.remaining / s.produced) : null,
      fittingTracesPct: shown ? (100 * s.tokenFitting) / s.cases : null,
    },
    casesOverBudget: shownCount(s.cases - s.aligned, k),
  };
}

function requireModel(ctx: AppContext, log: string) {
  const row = storedGroupSize(ctx.sqlite, log);
  if (!row) throw new HTTPException(404, { message: `no log named '${log}'` });
  const model = currentConformanceModel(ctx.db, log);
  if (!model)
    throw new HTTPException(404, {
      message: `log '${log}' has no model attached: load it with ingest --model FILE.bpmn or --process NAME`,
    });
  return { k: Math.max(ctx.minGroupSize, row.k ?? 1), model };
}

/**
 * Conformance of a log to its attached BPMN model: fitness overall and per jobcenter, and
 * per activity the log moves (done where the model does not allow it) and model moves
 * (required but skipped). Counts below the minimum group size read "<k" and their fitness
 * is null. Case-level rows (`/conformance/cases`) for analysts and admins only. A viewer
 * token reads the viewer-grade tables (`viewer_conformance_*`: the variants it sees as
 * themselves, in rows of at least k cases).
 */
export function conformanceRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  const audit = (c: Context<AppEnv>, what: string) =>
    ctx.audit.record({
      tokenId: c.get('principal').tokenId,
      action: 'read',
      target: `api/logs/${c.req.param('name')}/${what}`,
      detail: new URL(c.req.url).search || null,
    });

  r.get('/:name/conformance', (c) => {
    const principal = c.get('principal');
    const log = c.req.param('name');
    const { k, model } = requireModel(ctx, log);
    const filters = readAnalysisFilters(c);
    const jobcenters = effectiveJobcenters(filters, principal);
    const viewerScope = readsViewerGrade(principal) ? [viewerBuildScope(ctx.minGroupSize)] : [];
    const stepsTable = servedSqlName(ctx, 'steps', principal);
    const variantsTable = servedSqlName(ctx, 'conformance_variants', principal);
    const activitiesTable = servedSqlName(ctx, 'conformance_activities', principal);
    const where = whereSql([...filterConditions(filters, jobcenters, GRAIN_COLUMNS, log, stepsTable), ...viewerScope]);
    const total = conformanceTotals(ctx.sqlite, variantsTable, where);
    const perJobcenter = conformanceTotalsPerJobcenter(ctx.sqlite, variantsTable, where);
    const activityWhere = whereSql([...filterConditions(filters, jobcenters, ACTIVITY_COLUMNS, log, stepsTable), ...viewerScope]);
    const activities = conformanceActivityMoves(ctx.sqlite, activitiesTable, activityWhere);
    audit(c, 'conformance');
    return c.json({
      log,
      minGroupSize: k,
      model: {
        file: model.model,
        tasks: model.tasks,
        places: model.places,
        transitions: model.transitions,
        shortestRun: model.shortestRun,
        modelTasksNotInLog: JSON.parse(model.modelTasksNotInLog) as string[],
        logActivitiesNotInModel: JSON.parse(model.logActivitiesNotInModel) as string[],
      },
      ...figures({ ...total, cases: total.cases ?? 0, aligned: total.aligned ?? 0 }, k),
      jobcenters: perJobcenter.map((j) => ({ jobcenter: j.jobcenter, ...figures(j, k) })),
      activities: activities.map((a) => ({
        activity: a.activity,
        logMoves: shownCount(a.logMoves, k),
        modelMoves: shownCount(a.modelMoves, k),
        logMoveCases: shownCount(a.logMoveCases, k),
        modelMoveCases: shownCount(a.modelMoveCases, k),
      })),
    });
  });

  r.get('/:name/conformance/cases', requireRole('analyst'), (c) => {
    const log = c.req.param('name');
    requireModel(ctx, log);
    const filters = readAnalysisFilters(c);
    const { limit, offset } = pagingParams(c);
    const jobcenters = effectiveJobcenters(filters, c.get('principal'));
    const where = filterConditions(filters, jobcenters, GRAIN_COLUMNS, log);
    const total = countConformanceCases(ctx.db, where);
    const rows = conformanceCasePage(ctx.db, where, limit, offset);
    audit(c, 'conformance/cases');
    return c.json({
      log,
      total,
      limit,
      offset,
      cases: rows.map((row) => ({
        caseId: row.caseId,
        process: row.process,
        jobcenter: row.jobcenter,
        period: row.period,
        variantKey: row.variantKey,
        fitness: row.fitness,
        overBudget: row.fitness === null,
        cost: row.cost,
        logMoves: row.logMoves,
        modelMoves: row.modelMoves,
        tokenFitness: row.tokenFitness,
        deviations: row.deviations === null ? null : JSON.parse(row.deviations),
      })),
    });
  });
  return r;
}
