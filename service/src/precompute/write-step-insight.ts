import type Database from 'better-sqlite3';
import {
  caseStatistics,
  discoverStepInsight,
  discoverVariants,
  formatActivityNames,
  formatRuleNames,
  type EventLog,
  type GroupedStepInsight,
  type RuleName,
  type StepInsightOptions,
} from '@sagsflow/shared';
import {
  resetStepInsight,
  setStepInsight,
  stepKeys,
  viewerStepVariants,
  type InsightKind,
  type StepTable,
} from '../db/step-insight-queries';
import { viewerBuildOf } from '../db/model-queries';
import { groupCases, type Grain } from './case-groups';
import { MERGE_STAGES } from './viewer/viewer-cells';

/** Where the insight columns are written: the load's transaction, log, version and `--process`. */
export interface StepInsightContext {
  sqlite: Database.Database;
  log: string;
  version: number;
  process: string | null;
  /** End activities given for the load; they decide finished cases as in the model tables. */
  endActivities?: readonly string[] | undefined;
}

/** What `writeStepInsight` marks: rule outcomes, or alignments, with the rule names for the text column. */
export type StepInsightInput =
  | { kind: 'rules'; outcomes: NonNullable<StepInsightOptions['outcomes']>; names: ReadonlyMap<string, RuleName> }
  | { kind: 'deviations'; alignmentOf: NonNullable<StepInsightOptions['alignmentOf']> };

/** Step rows given insight columns, in the exact and in the viewer-grade table. */
export interface StepInsightSummary {
  steps: number;
  viewerSteps: number;
}

interface Counts {
  cases: number;
  byName: Map<string, number>;
}

/**
 * Writes one kind of insight columns of a log version's step rows (see `StepInsight` in the core):
 * first resets them, then sets the rows with something to say, in `steps` at the exact grain of
 * the model tables, and in `viewer_steps` summed into the viewer row that holds the same cases
 * (the first cell up `MERGE_STAGES` where the viewer model shows the variant, i.e. the cell
 * `decideViewerCells` placed it in). A viewer row shows a count only when it is at least k and
 * leaves fewer than k cases unmarked or none (else 0, or all of the row's cases), and names only
 * the rules and activities that at least k of its cases share. "Other variants" rows show none.
 *
 * @example writeStepInsight(log, ctx, { kind: 'rules', outcomes, names })
 */
export function writeStepInsight(log: EventLog, ctx: StepInsightContext, input: StepInsightInput): StepInsightSummary {
  const variants = discoverVariants(log);
  const stats = caseStatistics(log, { variants });
  const { groups, groupOfCase } = groupCases(log, stats, ctx.process, ctx.log, ctx.endActivities);
  const rows = discoverStepInsight(log, {
    variants,
    groupOf: (c) => String(groupOfCase[c]!),
    ...(input.kind === 'rules' ? { outcomes: input.outcomes } : { alignmentOf: input.alignmentOf }),
  });
  const exact = new Map<string, { grain: Grain; variantKey: string; stepIndex: number; counts: Counts[] }>();
  for (const r of rows) {
    const grain = groups[Number(r.group)]!;
    exact.set(rowKey(grain, r.variantKey, r.stepIndex), {
      grain,
      variantKey: r.variantKey,
      stepIndex: r.stepIndex,
      counts: countsOf(r, input.kind),
    });
  }
  const steps = updateTable(ctx, 'steps', input, (key) => exact.get(key)?.counts, null);
  const k = viewerBuildOf(ctx.sqlite, ctx.log, ctx.version)?.k;
  if (k === undefined) return { steps, viewerSteps: 0 };
  const shown = new Set(viewerStepVariants(ctx.sqlite, ctx).map((r) => r.join('\u0000')));
  const viewer = new Map<string, Counts[]>();
  for (const e of exact.values()) {
    const cell = MERGE_STAGES.map((stage) => stage(e.grain)).find((g) => shown.has(`${cellKey(g)}\u0000${e.variantKey}`));
    if (!cell) continue;
    const key = rowKey(cell, e.variantKey, e.stepIndex);
    const sum = viewer.get(key);
    if (!sum)
      viewer.set(
        key,
        e.counts.map((c) => ({ cases: c.cases, byName: new Map(c.byName) })),
      );
    else e.counts.forEach((c, i) => addCounts(sum[i]!, c));
  }
  const viewerSteps = updateTable(ctx, 'viewer_steps', input, (key) => viewer.get(key), k);
  return { steps, viewerSteps };
}

function cellKey(g: Grain): string {
  return `${g.process}\u0000${g.jobcenter}\u0000${g.period}`;
}

function rowKey(g: Grain, variantKey: string, stepIndex: number): string {
  return `${cellKey(g)}\u0000${variantKey}\u0000${stepIndex}`;
}

/** The counts of a row in the order of the kind's columns; names only on the counts they belong to. */
function countsOf(r: GroupedStepInsight, kind: InsightKind): Counts[] {
  if (kind === 'rules') return [{ cases: r.violationCases, byName: r.casesByRule }];
  return [
    { cases: r.logMoveCases, byName: new Map() },
    { cases: r.modelMoveCases, byName: r.casesBySkipped },
  ];
}

function addCounts(into: Counts, add: Counts): void {
  into.cases += add.cases;
  for (const [name, n] of add.byName) into.byName.set(name, (into.byName.get(name) ?? 0) + n);
}

/** A count as a viewer row shows it: 0 under k, all of the row's cases when fewer than k are left unmarked. */
export function shownCount(count: number, rowCases: number, k: number): number {
  if (count < k) return 0;
  return rowCases - count < k ? rowCases : count;
}

function updateTable(
  ctx: StepInsightContext,
  table: StepTable,
  input: StepInsightInput,
  countsAt: (key: string) => Counts[] | undefined,
  k: number | null,
): number {
  resetStepInsight(ctx.sqlite, table, input.kind, ctx);
  const updates: { id: number; values: (string | number | null)[] }[] = [];
  for (const row of stepKeys(ctx.sqlite, table, ctx)) {
    const counts = countsAt(rowKey(row, row.variantKey, row.stepIndex));
    if (!counts) continue;
    const values = counts.map((c) => shownOf(c, row.cases, k));
    if (values.every((v) => v.cases === 0)) continue;
    updates.push({ id: row.id, values: columnValues(input, values) });
  }
  setStepInsight(ctx.sqlite, table, input.kind, updates);
  return updates.length;
}

function shownOf(c: Counts, rowCases: number, k: number | null): { cases: number; names: string[] } {
  const cases = k === null ? c.cases : shownCount(c.cases, rowCases, k);
  const names = cases === 0 ? [] : [...c.byName].filter(([, n]) => k === null || n >= k).map(([name]) => name);
  return { cases, names };
}

function columnValues(input: StepInsightInput, values: { cases: number; names: string[] }[]): (string | number | null)[] {
  if (input.kind === 'rules') {
    const [v] = values;
    return [v!.cases, formatRuleNames(v!.names.map((rule) => input.names.get(rule) ?? { rule, da: rule, en: rule }))];
  }
  const [log, model] = values;
  return [log!.cases, model!.cases, formatActivityNames(model!.names)];
}
