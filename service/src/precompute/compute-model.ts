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
import type { EndActivities } from './end-activities';
import { groupVariants } from './group-variants';
import type { ModelRows } from './model-writer';
import { variantRow } from './variant-row';
import { createEdgeSums, variantSequences } from './write-edges';
import { writeActivities } from './write-activities';
import { prepareViewerModel, viewerRows, type ViewerBuildSummary } from './viewer/viewer-rows';

/** What the model of a log is computed from besides its events (the `PrecomputeContext` without the database). */
export interface ModelSpec {
  log: string;
  /** The process of every case (`--process`); null = from the `process` case attribute, else the log name. */
  process: string | null;
  /** Minimum group size k of the viewer-grade model (default 5). */
  minGroupSize?: number | undefined;
  /** End activities given for the load (`endActivities` of the mapping file); they override the process's. */
  endActivities?: readonly string[] | undefined;
}

/** What computing the model found besides its rows: recorded on the load and in `viewer_builds`. */
export interface ComputedModel {
  /** Per process, the end activities used and where they come from. */
  endActivities: EndActivities[];
  viewer: ViewerBuildSummary;
}

/** What the case rows are computed from: the variants, the case statistics and each case's grain cell. */
export type CaseInputs = ReturnType<typeof caseInputs>;

/** What the case rows are computed from (`CaseInputs`). */
export function caseInputs(log: EventLog, spec: ModelSpec) {
  const variants = discoverVariants(log);
  const stats = caseStatistics(log, { variants });
  const { groups, groupOfCase, closed, endActivities } = groupCases(log, stats, spec.process, spec.log, spec.endActivities);
  return { log, k: spec.minGroupSize ?? 5, variants, stats, groups, groupOfCase, closed, endActivities };
}

/** The exact model's inputs, computed once for the exact and the viewer-grade rows (`cases`: those of `caseInputs`, when computed). */
export function modelInputs(log: EventLog, spec: ModelSpec, cases: ReturnType<typeof caseInputs> = caseInputs(log, spec)) {
  const { variants, groupOfCase } = cases;
  const pairs = groupVariants(log, variants, groupOfCase);
  const seqs = variantSequences(log, variants);
  const instances = pairActivityInstances(log);
  return { ...cases, pairs, seqs, instances };
}

/** The exact step rows (`forEachStepRow` of the core, grouped by exact cell), one at a time: read each at once. */
export function forEachStep(inputs: ReturnType<typeof modelInputs>, emit: (row: GroupedStepRow) => void): void {
  const { groupOfCase } = inputs;
  forEachStepRow(inputs.log, { variants: inputs.variants, groupOf: (c) => String(groupOfCase[c]) }, emit);
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

/**
 * Computes and writes the case rows of a log (the first rows of its model) into `out`, and
 * returns what they were computed from: give it to `computeModelRows` as `written` for the rest.
 */
export function writeCaseRows(log: EventLog, spec: ModelSpec, out: Pick<ModelRows, 'add'>): CaseInputs {
  const cases = caseInputs(log, spec);
  const { stats, groups, groupOfCase, closed } = cases;
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
  return cases;
}

/**
 * Computes every row of the model tables of a log, in the order they are written: cases,
 * variants, steps (summed into edges and the viewer's step sums as they come, so that no step
 * row is kept), edges, activities, periods and jobcenters into `exact`, then the viewer-grade
 * tables into `viewer` (`viewerRows`). Pure computation: the same function runs in the loading
 * thread (writing to SQLite) and in the model worker (encoding batches for it). With `written`
 * (the `writeCaseRows` of the same log and spec), the case rows are taken as written already.
 *
 * @example
 * const computed = computeModelRows(log, { log: 'dagpenge', process: null }, exactWriter, viewerWriter);
 */
export function computeModelRows(log: EventLog, spec: ModelSpec, exact: ModelRows, viewer: ModelRows, written?: CaseInputs): ComputedModel {
  const out = exact;
  // The case rows first, from what they need only, so that the first rows are written early.
  const cases = written ?? writeCaseRows(log, spec, out);
  const { variants, stats, groups, groupOfCase, closed } = cases;
  const inputs = modelInputs(log, spec, cases);
  const { pairs, seqs } = inputs;
  const rankOf = new Map(variants.variants.map((v, i) => [v.key, i + 1]));
  const V = variants.variants.length;
  const finishedAt = finishedByGroupAndVariant(variants, groupOfCase, closed, groups.length);
  const finishedOf = (group: number, variant: number): number => (finishedAt[group * V + variant] === 0 ? 0 : 1);

  for (let p = 0; p < pairs.count; p++) {
    const g = groups[pairs.group[p]!]!;
    const v = variants.variants[pairs.variant[p]!]!;
    const finished = finishedOf(pairs.group[p]!, pairs.variant[p]!);
    out.add('variants', variantRow(g, v, pairs.cases[p]!, pairs.sumMs[p]!, pairs.variant[p]! + 1, finished));
  }
  const viewerInput = prepareViewerModel(inputs);
  const edges = createEdgeSums();
  const firstStep = (r: GroupedStepRow): [number, number] => {
    const rank = rankOf.get(r.variantKey)!;
    return [rank, finishedOf(Number(r.group), rank - 1)];
  };
  forEachStep(inputs, (r) => {
    out.addStepRow(groups[Number(r.group)]!, r, firstStep);
    edges.add(r);
    viewerInput.stepSums.add(r);
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
  return { endActivities: inputs.endActivities, viewer: viewerRows(viewerInput, viewer) };
}
