import type { AlignmentMove } from '../conformance/align-trace';
import type { EventLog } from '../event-log/types';
import type { RuleOutcome } from '../rules/types';
import { discoverVariants, type Variants } from '../variants/discover-variants';

/**
 * The insight columns of one step row (see `steps/types.ts`): where the row's cases broke a
 * rule and where their alignment left the model. Step k of a case arrives at its k-th event
 * (0-based; step n arrives at END), so a mark on an event sits on the step that arrives at it.
 * - `violationCases`: cases of the row with at least one rule violation whose event
 *   (`RuleOutcome.violationEvent`) is the event this step arrives at; `violatedRules` names
 *   those rules (ids, sorted).
 * - `logMoveCases`: cases whose alignment has a log move on the event this step arrives at
 *   (the `to` activity was done where the model does not allow it).
 * - `modelMoveCases`: cases whose alignment has a model move (a required activity skipped)
 *   before the event this step arrives at and after the previous aligned event, i.e. during
 *   this step; a skip after the last event sits on the END step. `skippedActivities` names them.
 * A case counts once per step and kind however many marks it has there.
 */
export interface StepInsight {
  violationCases: number;
  violatedRules: string[];
  logMoveCases: number;
  modelMoveCases: number;
  skippedActivities: string[];
  /** Per violated rule: the cases of the row that violated it at this step. */
  casesByRule: Map<string, number>;
  /** Per skipped activity: the cases of the row that skipped it during this step. */
  casesBySkipped: Map<string, number>;
}

/** A step's insight with the group and variant of its step row (rows with nothing to say are left out). */
export interface GroupedStepInsight extends StepInsight {
  group: string;
  variantKey: string;
  stepIndex: number;
}

/** A case's alignment over the events that were aligned (`kept[j]` = position in the case of the j-th aligned event). */
export interface CaseAlignment {
  moves: readonly AlignmentMove[];
  kept: ArrayLike<number>;
}

/** Options of `discoverStepInsight`. */
export interface StepInsightOptions {
  /** The group of a case, as given to `discoverSteps`; '' for all without it. */
  groupOf?: (caseIndex: number) => string;
  variants?: Variants;
  /** Rule outcomes whose violations are marked (only violated cases count). */
  outcomes?: readonly RuleOutcome[];
  /** A case's alignment, or null when it was not aligned (open, over budget). */
  alignmentOf?: (caseIndex: number) => CaseAlignment | null;
}

interface Cell {
  insight: GroupedStepInsight;
  /** The last case counted per name, so that a case counts once per name. */
  lastCase: Map<string, number>;
}

function countName(cell: Cell, byName: Map<string, number>, name: string, c: number, prefix: string): void {
  const key = prefix + name;
  if (cell.lastCase.get(key) === c) return;
  cell.lastCase.set(key, c);
  byName.set(name, (byName.get(name) ?? 0) + 1);
}

/**
 * The insight columns of the step table of a log (see `StepInsight`), at the grain of
 * `discoverSteps` with the same `groupOf`: one entry per (group, variant, step) that has a
 * violation or a deviation, ordered by group, variant key and step.
 *
 * @example discoverStepInsight(log, { groupOf, outcomes: evaluateRules(log, catalogue).outcomes })
 */
export function discoverStepInsight(log: EventLog, options: StepInsightOptions = {}): GroupedStepInsight[] {
  const { variants, variantOfCase } = options.variants ?? discoverVariants(log);
  const cells = new Map<string, Cell>();
  const cellOf = (c: number, step: number): Cell => {
    const group = options.groupOf ? options.groupOf(c) : '';
    const variantKey = variants[variantOfCase[c]!]!.key;
    const key = `${group}\u0000${variantKey}\u0000${step}`;
    let cell = cells.get(key);
    if (!cell) {
      const insight: GroupedStepInsight = {
        group,
        variantKey,
        stepIndex: step,
        violationCases: 0,
        violatedRules: [],
        logMoveCases: 0,
        modelMoveCases: 0,
        skippedActivities: [],
        casesByRule: new Map(),
        casesBySkipped: new Map(),
      };
      cells.set(key, (cell = { insight, lastCase: new Map() }));
    }
    return cell;
  };
  const outcomes = options.outcomes ?? [];
  const caseCount = log.caseIds.length;
  for (let c = 0; c < caseCount; c++) {
    const offset = log.caseOffsets[c]!;
    const counted = new Set<number>();
    for (const o of outcomes) {
      const at = o.violationEvent[c]!;
      if (at < 0) continue;
      const step = at - offset;
      const cell = cellOf(c, step);
      countName(cell, cell.insight.casesByRule, o.rule.id, c, 'r');
      if (!counted.has(step)) {
        counted.add(step);
        cell.insight.violationCases++;
      }
    }
    const alignment = options.alignmentOf?.(c);
    if (alignment)
      markDeviations(alignment, log.caseOffsets[c + 1]! - offset, (step, kind, activity) => {
        const cell = cellOf(c, step);
        if (kind === 'model') countName(cell, cell.insight.casesBySkipped, activity, c, 'm');
        return cell;
      });
  }
  const out: GroupedStepInsight[] = [];
  for (const cell of cells.values()) {
    cell.insight.violatedRules = [...cell.insight.casesByRule.keys()].sort();
    cell.insight.skippedActivities = [...cell.insight.casesBySkipped.keys()].sort();
    out.push(cell.insight);
  }
  return out.sort((a, b) => compare(a.group, b.group) || compare(a.variantKey, b.variantKey) || a.stepIndex - b.stepIndex);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Counts a case's log and model moves on the steps they sit on, each kind once per step. */
function markDeviations(
  alignment: CaseAlignment,
  events: number,
  cellAt: (step: number, kind: 'log' | 'model', activity: string) => Cell,
): void {
  const { moves, kept } = alignment;
  const seen = new Set<string>();
  let j = 0;
  for (const move of moves) {
    if (move.kind === 'sync') {
      j++;
      continue;
    }
    const step = move.kind === 'log' ? kept[j]! : j < kept.length ? kept[j]! : events;
    if (move.kind === 'log') j++;
    const cell = cellAt(step, move.kind, move.activity);
    const key = `${move.kind}${step}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (move.kind === 'log') cell.insight.logMoveCases++;
    else cell.insight.modelMoveCases++;
  }
}
