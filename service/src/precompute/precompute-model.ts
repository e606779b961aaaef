import type Database from 'better-sqlite3';
import {
  caseStatistics,
  discoverVariants,
  forEachStepRow,
  pairActivityInstances,
  type EventLog,
  type GroupedStepRow,
  type Variants,
} from '@sagsflow/shared';
import { caseAttributesJson, groupCases } from './case-groups';
import { groupVariants } from './group-variants';
import type { EndActivities } from './end-activities';
import { withoutIndexes } from '../db/batch-insert';
import { setLoadEndActivities } from '../db/model-queries';
import { createModelWriter, MODEL_TABLES, type ModelSummary, type StepRowListener } from './model-writer';
import type { StepVariantsCollector, StepVariantsTable } from './step-variants';
import { createEdgeSums, variantSequences } from './write-edges';
import { writeActivities } from './write-activities';
import { prepareViewerModel, writeViewerModel, type ViewerBuildSummary } from './viewer/build-viewer-model';
import { VIEWER_TABLE_BUILDERS } from './viewer/registry';

/** Every table `writeModel` writes in bulk: the exact model and the viewer-grade model's tables. */
const BULK_TABLES: readonly string[] = [...MODEL_TABLES, ...VIEWER_TABLE_BUILDERS.flatMap((b) => b.tables)];

/** Where precompute writes and what it needs to know besides the event log. */
export interface PrecomputeContext {
  sqlite: Database.Database;
  log: string;
  version: number;
  /** The process of every case (`--process`); null = from the `process` case attribute, else the log name. */
  process: string | null;
  /** Minimum group size k of the viewer-grade model (default 5). */
  minGroupSize?: number;
  /** End activities given for the load (`endActivities` of the mapping file); they override the process's. */
  endActivities?: readonly string[] | undefined;
  /** Hears of every exact and viewer step row written (the findings of a fresh load are listed from it). */
  stepVariants?: StepVariantsCollector | undefined;
}

/**
 * Computes the model tables of one (log, version) from its event log with the mining core and
 * writes them in the caller's transaction: steps, cases, variants, activities, edges,
 * jobcenters and periods, at the grain (process, jobcenter, period, ...). Counts and sums only,
 * so every subset of rows adds up to what the core gives on the matching subset of cases. Then
 * the viewer-grade model of the same cases (`viewer/`), where every row holds at least k cases.
 * The secondary indexes of both are dropped while the rows are written and built once after.
 *
 * @example
 * const summary = precomputeModel(builder.build(), { sqlite, log: 'dagpenge', version: 3, process: null });
 */
export function precomputeModel(log: EventLog, ctx: PrecomputeContext): ModelSummary {
  return withoutIndexes(ctx.sqlite, BULK_TABLES, () => writeModel(log, ctx));
}

/**
 * Builds only the viewer-grade model of a log whose exact tables are already written (test
 * fixtures that seed the exact rows by hand); `precomputeModel` builds both.
 */
export function precomputeViewerModel(log: EventLog, ctx: PrecomputeContext): ViewerBuildSummary {
  const inputs = modelInputs(log, ctx);
  const viewer = prepareViewerModel(inputs);
  forEachStep(inputs, (r) => viewer.stepSums.add(r));
  return writeViewerModel(ctx.sqlite, ctx, viewer);
}

/** The exact step rows (`forEachStepRow` of the core, grouped by exact cell), one at a time: read each at once. */
function forEachStep(inputs: ReturnType<typeof modelInputs>, emit: (row: GroupedStepRow) => void): void {
  const { groupOfCase } = inputs;
  forEachStepRow(inputs.log, { variants: inputs.variants, groupOf: (c) => String(groupOfCase[c]) }, emit);
}

/**
 * Keeps the end activities used (per process, with their source) on the load that created this
 * version, so that a user can see and correct them (`endActivities` in the mapping file).
 */
function recordEndActivities(ctx: PrecomputeContext, used: readonly EndActivities[]): void {
  const sources = [...new Set(used.map((e) => e.source))].sort().join(',');
  setLoadEndActivities(ctx.sqlite, ctx.log, ctx.version, JSON.stringify(used), sources || null);
}

/**
 * Per (grain cell, variant), at `cell * variants + variant`: 1 when its cases are finished (they
 * all end with the same activity), 0 when not, -1 when the cell has no case of the variant.
 */
function finishedByGroupAndVariant(variants: Variants, groupOfCase: Int32Array, closed: Uint8Array, groups: number): Int8Array {
  const V = variants.variants.length;
  const out = new Int8Array(groups * V).fill(-1);
  for (let c = 0; c < groupOfCase.length; c++) {
    const at = groupOfCase[c]! * V + variants.variantOfCase[c]!;
    if (out[at] === -1) out[at] = closed[c]!;
  }
  return out;
}

function modelInputs(log: EventLog, ctx: PrecomputeContext) {
  const variants = discoverVariants(log);
  const stats = caseStatistics(log, { variants });
  const { groups, groupOfCase, closed, endActivities } = groupCases(log, stats, ctx.process, ctx.log, ctx.endActivities);
  const pairs = groupVariants(log, variants, groupOfCase);
  const seqs = variantSequences(log, variants);
  const instances = pairActivityInstances(log);
  return { log, k: ctx.minGroupSize ?? 5, variants, stats, groups, groupOfCase, closed, endActivities, pairs, seqs, instances };
}

function writeModel(log: EventLog, ctx: PrecomputeContext): ModelSummary {
  const inputs = modelInputs(log, ctx);
  const { variants, stats, groups, groupOfCase, closed, pairs, seqs } = inputs;
  recordEndActivities(ctx, inputs.endActivities);
  const rankOf = new Map(variants.variants.map((v, i) => [v.key, i + 1]));
  const V = variants.variants.length;
  const finishedAt = finishedByGroupAndVariant(variants, groupOfCase, closed, groups.length);
  const finishedOf = (group: number, variant: number): number => (finishedAt[group * V + variant] === 0 ? 0 : 1);
  const out = createModelWriter(ctx.sqlite, ctx.log, ctx.version, '', listenerOf(ctx, 'steps'));

  const attributes = caseAttributesJson(log);
  for (let c = 0; c < stats.length; c++) {
    const s = stats[c]!;
    const g = groups[groupOfCase[c]!]!;
    out.add('cases', [
      g.process,
      g.jobcenter,
      g.period,
      s.caseId,
      s.start,
      s.end,
      s.durationMs / 1000,
      s.events,
      s.variantKey,
      closed[c] ? 0 : 1,
      attributes(c),
    ]);
  }

  for (let p = 0; p < pairs.count; p++) {
    const g = groups[pairs.group[p]!]!;
    const v = variants.variants[pairs.variant[p]!]!;
    const names = v.activities;
    const finished = finishedOf(pairs.group[p]!, pairs.variant[p]!);
    out.add('variants', [
      g.process,
      g.jobcenter,
      g.period,
      v.key,
      names.join(' → '),
      JSON.stringify(names),
      names.length,
      pairs.cases[p]!,
      pairs.sumMs[p]! / 1000,
      pairs.variant[p]! + 1,
      finished,
    ]);
  }
  // The exact step rows are written, summed into edges and into the viewer's step sums as they
  // come, so that no row is kept (see `forEachStepRow`).
  const viewer = prepareViewerModel(inputs);
  const edges = createEdgeSums();
  const firstStep = (r: GroupedStepRow): [number, number] => {
    const rank = rankOf.get(r.variantKey)!;
    return [rank, finishedOf(Number(r.group), rank - 1)];
  };
  forEachStep(inputs, (r) => {
    out.addStepRow(groups[Number(r.group)]!, r, firstStep);
    edges.add(r);
    viewer.stepSums.add(r);
  });
  edges.write(out, groups);
  writeActivities(out, log, groups, groupOfCase, pairs, seqs, inputs.instances);

  const perGroup = groups.map(() => ({ cases: 0, events: 0, open: 0, sum: 0 }));
  for (let c = 0; c < stats.length; c++) {
    const x = perGroup[groupOfCase[c]!]!;
    x.cases++;
    x.events += stats[c]!.events;
    x.open += closed[c] ? 0 : 1;
    x.sum += stats[c]!.durationMs / 1000;
  }
  const perJobcenter = new Map<string, { process: string; jobcenter: string; cases: number; events: number }>();
  groups.forEach((g, i) => {
    const x = perGroup[i]!;
    out.add('periods', [g.process, g.jobcenter, g.period, x.cases, x.events, x.open, x.sum]);
    const key = `${g.process}\u0000${g.jobcenter}`;
    const j = perJobcenter.get(key) ?? { process: g.process, jobcenter: g.jobcenter, cases: 0, events: 0 };
    j.cases += x.cases;
    j.events += x.events;
    perJobcenter.set(key, j);
  });
  for (const j of perJobcenter.values()) out.add('jobcenters', [j.process, j.jobcenter, j.cases, j.events]);
  const summary = out.finish();
  writeViewerModel(ctx.sqlite, ctx, viewer, listenerOf(ctx, 'viewer_steps'));
  return summary;
}

function listenerOf(ctx: PrecomputeContext, table: StepVariantsTable): StepRowListener | undefined {
  const collector = ctx.stepVariants;
  return collector && ((cell, row, id) => collector.add(table, cell, row, id));
}
