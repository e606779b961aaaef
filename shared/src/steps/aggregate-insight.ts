import { readActivityNames, readRuleNames, type RuleName } from './insight-names';
import type { StepRow } from './types';

/** The insight of one map element (activity or edge), summed over step rows. */
export interface InsightCounts {
  /** Cases of the element's rows (an activity: the cases arriving at it). */
  cases: number;
  violationCases: number;
  logMoveCases: number;
  modelMoveCases: number;
  /** The rules violated there, by rule id. */
  rules: RuleName[];
  /** The model activities skipped there (edges only). */
  skipped: string[];
}

/** What `aggregateStepInsight` sums from step rows. */
export interface AggregatedInsight {
  /** Per activity: from the rows arriving at it (`to`). */
  activities: Map<string, InsightCounts>;
  /** Per edge, keyed `from + '\u0000' + to`. */
  edges: Map<string, InsightCounts>;
  /** True when any row carries rule-violation columns / deviation columns. */
  hasRules: boolean;
  hasDeviations: boolean;
}

/** The key of an edge in `AggregatedInsight.edges`. */
export function insightEdgeKey(from: string, to: string): string {
  return `${from}\u0000${to}`;
}

interface Acc {
  counts: InsightCounts;
  rules: Map<string, RuleName>;
  skipped: Set<string>;
}

/**
 * Sums the insight columns of step rows (see `StepInsight`) per activity and per edge, for any
 * subset of rows (as a slicer leaves them): an edge gets its rows' counts, an activity the
 * counts of the rows arriving at it; the rule and activity names are the union over the rows.
 *
 * @example aggregateStepInsight(rows).activities.get('Samtale')?.violationCases
 */
export function aggregateStepInsight(rows: readonly StepRow[]): AggregatedInsight {
  const activities = new Map<string, Acc>();
  const edges = new Map<string, Acc>();
  let hasRules = false;
  let hasDeviations = false;
  const accOf = (map: Map<string, Acc>, key: string): Acc => {
    let acc = map.get(key);
    if (!acc) {
      const counts = { cases: 0, violationCases: 0, logMoveCases: 0, modelMoveCases: 0, rules: [], skipped: [] };
      map.set(key, (acc = { counts, rules: new Map(), skipped: new Set() }));
    }
    return acc;
  };
  for (const row of rows) {
    if (row.violationCases !== undefined) hasRules = true;
    if (row.logMoveCases !== undefined || row.modelMoveCases !== undefined) hasDeviations = true;
    const rules = row.violatedRules ? readRuleNames(row.violatedRules) : [];
    const skipped = row.skippedActivities ? readActivityNames(row.skippedActivities) : [];
    for (const acc of [accOf(edges, insightEdgeKey(row.from, row.to)), accOf(activities, row.to)]) {
      const c = acc.counts;
      c.cases += row.cases;
      c.violationCases += row.violationCases ?? 0;
      c.logMoveCases += row.logMoveCases ?? 0;
      c.modelMoveCases += row.modelMoveCases ?? 0;
      for (const r of rules) acc.rules.set(r.rule, r);
      for (const s of skipped) acc.skipped.add(s);
    }
  }
  const finish = (map: Map<string, Acc>) =>
    new Map(
      [...map].map(([key, acc]) => {
        acc.counts.rules = [...acc.rules.values()].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
        acc.counts.skipped = [...acc.skipped].sort();
        return [key, acc.counts] as const;
      }),
    );
  return { activities: finish(activities), edges: finish(edges), hasRules, hasDeviations };
}
