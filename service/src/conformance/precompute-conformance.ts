import type Database from 'better-sqlite3';
import {
  caseStatistics,
  compareLabels,
  createAligner,
  discoverVariants,
  keepCompleteEvents,
  replayLog,
  type EventLog,
  type TraceAlignment,
} from '@sagsflow/shared';
import { withoutIndexes } from '../db/batch-insert';
import {
  CONFORMANCE_TABLES,
  conformanceActivitiesInserter,
  conformanceCasesInserter,
  conformanceVariantsInserter,
  insertConformanceModel,
} from '../db/conformance-rows';
import { groupCases } from '../precompute/case-groups';
import { writeStepInsight } from '../precompute/write-step-insight';
import { alignmentOfFullCase } from './full-case-alignment';
import type { LoadedModel } from './load-model';
import { usedActivities } from './used-activities';

/** Where the conformance tables are written and what they need besides the event log. */
export interface ConformanceContext {
  sqlite: Database.Database;
  log: string;
  version: number;
  /** The process of every case (`--process`); null = from the `process` case attribute, else the log name. */
  process: string | null;
  model: LoadedModel;
  /** End activities given for the load (the mapping file's); else the process's, else inferred (see `groupCases`). */
  endActivities?: readonly string[] | undefined;
  /** Search states per variant (default: the core's). */
  budget?: number;
}

/** Rows written per conformance table, and the variants over the search budget. */
export interface ConformanceSummary {
  variants: number;
  activities: number;
  cases: number;
  variantsOverBudget: number;
  /** Step rows (exact, viewer-grade) whose deviation columns were set. */
  stepInsight?: { steps: number; viewerSteps: number };
}

/**
 * Aligns and replays the closed cases of a log version on its model (once per variant)
 * and writes the conformance tables in the caller's transaction, at the grain (process,
 * jobcenter, month of case start). Open cases (still running: their last activity is no
 * end activity of their process, as the model tables count them) are left out: their
 * remaining steps are no deviation.
 * Complete events only (`keepCompleteEvents`), as the model's tasks are complete steps.
 */
export function precomputeConformance(full: EventLog, ctx: ConformanceContext): ConformanceSummary {
  return withoutIndexes(ctx.sqlite, CONFORMANCE_TABLES, () => writeConformance(full, ctx));
}

function writeConformance(full: EventLog, ctx: ConformanceContext): ConformanceSummary {
  const log = keepCompleteEvents(full);
  const variants = discoverVariants(log);
  const stats = caseStatistics(log, { variants });
  const { groups, groupOfCase, closed } = groupCases(log, stats, ctx.process, ctx.log, ctx.endActivities);
  const aligner = createAligner(ctx.model.net, ctx.budget === undefined ? {} : { budget: ctx.budget });
  const traces = variants.variants.map((v) => ({ activities: v.activities, cases: v.cases }));
  const alignments: TraceAlignment[] = variants.variants.map((v) => aligner.align(v.activities));
  const replays = replayLog(ctx.model.net, traces).traces;
  const labels = compareLabels(ctx.model.net, usedActivities(log));
  insertConformanceModel(ctx.sqlite, {
    log: ctx.log,
    version: ctx.version,
    model: ctx.model.file.split(/[\\/]/).pop()!,
    tasks: ctx.model.tasks,
    places: ctx.model.net.places.length,
    transitions: ctx.model.net.transitions.length,
    shortestRun: aligner.shortestRun,
    modelTasksNotInLog: JSON.stringify(labels.modelTasksNotInLog),
    logActivitiesNotInModel: JSON.stringify(labels.logActivitiesNotInModel),
  });

  const caseRows = conformanceCasesInserter(ctx.sqlite, ctx);
  const fitnessOf = variants.variants.map((v) => aligner.traceFitness(v.activities));
  const deviationsJson = alignments.map((a) => (a.status === 'aligned' ? JSON.stringify(a.moves.filter((m) => m.kind !== 'sync')) : null));
  const moveCounts = alignments.map((a): [number, number] =>
    a.status === 'aligned' ? [a.moves.filter((m) => m.kind === 'log').length, a.moves.filter((m) => m.kind === 'model').length] : [0, 0],
  );
  // Per (group, variant): sums in the order of the conformance_variants columns after variant_key.
  const perVariant = new Map<number, number[]>();
  const V = variants.variants.length;
  for (let c = 0; c < stats.length; c++) {
    if (!closed[c]) continue;
    const v = variants.variantOfCase[c]!;
    const g = groupOfCase[c]!;
    const grain = groups[g]!;
    const a = alignments[v]!;
    const r = replays[v]!;
    const length = variants.variants[v]!.activities.length;
    const key = g * V + v;
    let sums = perVariant.get(key);
    if (!sums) perVariant.set(key, (sums = new Array<number>(11).fill(0)));
    sums[0]!++;
    sums[6]! += r.produced;
    sums[7]! += r.consumed;
    sums[8]! += r.missing;
    sums[9]! += r.remaining;
    if (r.fits) sums[10]!++;
    if (a.status !== 'aligned') {
      caseRows.add([
        grain.process,
        grain.jobcenter,
        grain.period,
        stats[c]!.caseId,
        variants.variants[v]!.key,
        null,
        null,
        null,
        null,
        r.fitness,
        null,
      ]);
      continue;
    }
    const fitness = fitnessOf[v]!;
    const [logMoves, modelMoves] = moveCounts[v]!;
    sums[1]!++;
    sums[2]! += fitness;
    if (a.cost === 0) sums[3]!++;
    sums[4]! += a.cost;
    sums[5]! += length + aligner.shortestRun;
    caseRows.add([
      grain.process,
      grain.jobcenter,
      grain.period,
      stats[c]!.caseId,
      variants.variants[v]!.key,
      fitness,
      a.cost,
      logMoves,
      modelMoves,
      r.fitness,
      deviationsJson[v]!,
    ]);
  }
  caseRows.flush();

  const variantRows = conformanceVariantsInserter(ctx.sqlite, 'exact', ctx);
  let overBudget = 0;
  for (const [key, s] of perVariant) {
    const g = groups[Math.floor(key / V)]!;
    const v = variants.variants[key % V]!;
    variantRows.add(g, v.key, s[0]!, s.slice(1));
  }
  for (const a of alignments) if (a.status !== 'aligned') overBudget++;
  variantRows.flush();

  const perActivity = new Map<string, { group: number; activity: string; sums: [number, number, number, number] }>();
  for (const [key, s] of perVariant) {
    const group = Math.floor(key / V);
    const a = alignments[key % V]!;
    const aligned = s[1]!;
    if (a.status !== 'aligned' || aligned === 0) continue;
    const seen = new Set<string>();
    for (const m of a.moves) {
      if (m.kind === 'sync') continue;
      const id = `${group}\u0000${m.activity}`;
      let row = perActivity.get(id);
      if (!row) perActivity.set(id, (row = { group, activity: m.activity, sums: [0, 0, 0, 0] }));
      row.sums[m.kind === 'log' ? 0 : 1]! += aligned;
      if (!seen.has(`${m.kind}\u0000${m.activity}`)) {
        seen.add(`${m.kind}\u0000${m.activity}`);
        row.sums[m.kind === 'log' ? 2 : 3]! += aligned;
      }
    }
  }
  const activityRows = conformanceActivitiesInserter(ctx.sqlite, 'exact', ctx);
  for (const row of perActivity.values()) {
    const g = groups[row.group]!;
    activityRows.add([g.process, g.jobcenter, g.period, row.activity, ...row.sums]);
  }
  activityRows.flush();
  const alignmentOf = alignmentOfFullCase(full, log, (c) => (closed[c] ? alignments[variants.variantOfCase[c]!]! : null));
  const stepInsight = writeStepInsight(full, ctx, { kind: 'deviations', alignmentOf });
  return {
    variants: variantRows.written,
    activities: activityRows.written,
    cases: caseRows.written,
    variantsOverBudget: overBudget,
    stepInsight,
  };
}
