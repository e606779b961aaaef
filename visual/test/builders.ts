import type powerbi from 'powerbi-visuals-api';
import { createCategoricalDataViewBuilder } from 'powerbi-visuals-utils-testutils/lib/dataViewBuilder/dataViewBuilder';
import { BUCKET_COUNT, FINE_BUCKET_COUNT, type StepRow } from '@sagsflow/shared';

/**
 * Thin builders of the visual's two data view shapes. The categorical (steps) one uses
 * powerbi-visuals-utils-testutils' `createCategoricalDataViewBuilder`, which runs fine under
 * vitest in node; testutils has no table builder, so the events data view is built by hand.
 */

const category = (role: string, column: string, values: powerbi.PrimitiveValue[]) => ({
  source: { displayName: column, queryName: `Steps.${column}`, roles: { [role]: true }, type: { text: true } },
  values,
  identityFrom: { fields: [`Steps.${column}`] },
});

const measure = (role: string, column: string, values: powerbi.PrimitiveValue[], highlights?: (powerbi.PrimitiveValue | null)[]) => ({
  source: {
    displayName: `Sum of ${column}`,
    queryName: `Sum(Steps.${column})`,
    roles: { [role]: true },
    isMeasure: true,
    type: { numeric: true },
  },
  values,
  ...(highlights ? { highlights } : {}),
});

/** Options of `stepsDataView`. */
export interface StepsDataViewOptions {
  /** Leave roles out (to test missing bindings). */
  omit?: readonly string[];
  /** Highlighted cases per row. */
  highlights?: (powerbi.PrimitiveValue | null)[];
  /** Histogram columns in this bucket order (default 0..24). */
  bucketOrder?: readonly number[];
  /** Mark the data view as one segment of more (`metadata.segment`). */
  more?: boolean;
  /** Also bind the insight roles (violation and deviation counts, rule and skipped names, findings). */
  insight?: boolean;
  /** Also bind variant_rank, finished and the fine histogram d00..d74, s00..s74 (in this order of buckets). */
  fineOrder?: readonly number[];
}

/** A categorical data view of step rows, bound like the landing page says. */
export function stepsDataView(rows: readonly StepRow[], options: StepsDataViewOptions = {}): powerbi.DataView {
  const omit = new Set(options.omit ?? []);
  const pick = <T>(f: (r: StepRow) => T) => rows.map(f) as unknown as powerbi.PrimitiveValue[];
  let builder = createCategoricalDataViewBuilder();
  const categories = [
    category(
      'variantKey',
      'variant_key',
      pick((r) => r.variantKey),
    ),
    category(
      'stepIndex',
      'step_index',
      pick((r) => r.stepIndex),
    ),
    category(
      'fromActivity',
      'from_activity',
      pick((r) => r.from),
    ),
    category(
      'toActivity',
      'to_activity',
      pick((r) => r.to),
    ),
    ...(options.fineOrder
      ? [
          category(
            'variantRank',
            'variant_rank',
            pick((r) => r.variantRank ?? 0),
          ),
          category(
            'finished',
            'finished',
            pick((r) => (r.finished === false ? 0 : 1)),
          ),
        ]
      : []),
    ...(options.insight
      ? [
          category(
            'violatedRules',
            'violated_rules',
            pick((r) => r.violatedRules ?? null),
          ),
          category(
            'skippedActivities',
            'skipped_activities',
            pick((r) => r.skippedActivities ?? null),
          ),
          category(
            'findings',
            'findings',
            pick((r) => r.findings ?? null),
          ),
        ]
      : []),
  ].filter((c) => !omit.has(Object.keys(c.source.roles)[0]!));
  for (const c of categories) builder = builder.withCategory(c as never);
  const order = options.bucketOrder ?? Array.from({ length: BUCKET_COUNT }, (_, i) => i);
  const columns = [
    measure(
      'cases',
      'cases',
      pick((r) => r.cases),
      options.highlights,
    ),
    measure(
      'sumSeconds',
      'sum_seconds',
      pick((r) => r.sumSeconds),
    ),
    ...order.map((b) =>
      measure(
        'histogram',
        `h${String(b).padStart(2, '0')}`,
        pick((r) => r.histogram[b] ?? 0),
      ),
    ),
    ...(options.fineOrder ?? []).flatMap((b) => [
      measure(
        'durations',
        `d${String(b).padStart(2, '0')}`,
        pick((r) => r.fine?.counts[b] ?? 0),
      ),
      measure(
        'durations',
        `s${String(b).padStart(2, '0')}`,
        pick((r) => r.fine?.seconds[b] ?? 0),
      ),
    ]),
    ...(options.insight
      ? (['violationCases', 'logMoveCases', 'modelMoveCases'] as const).map((role) =>
          measure(
            role,
            role.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
            pick((r) => r[role] ?? 0),
          ),
        )
      : []),
  ].filter((c) => !omit.has(Object.keys(c.source.roles)[0]!));
  const dataView = builder.withValues({ columns: columns as never }).build();
  if (options.more) dataView.metadata.segment = {};
  return dataView;
}

/** One event row of `eventsDataView`. */
export type EventCells = [caseId: powerbi.PrimitiveValue, activity: powerbi.PrimitiveValue, timestamp: powerbi.PrimitiveValue];

/** A table data view of events (case, activity, timestamp), as the events mapping gives it. */
export function eventsDataView(rows: readonly EventCells[], more = false): powerbi.DataView {
  const columns: powerbi.DataViewMetadataColumn[] = [
    { displayName: 'Case', queryName: 'Log.case', roles: { caseId: true }, index: 0 },
    { displayName: 'Activity', queryName: 'Log.activity', roles: { activity: true }, index: 1 },
    { displayName: 'Timestamp', queryName: 'Log.time', roles: { timestamp: true }, index: 2, type: { dateTime: true } as never },
  ];
  const identity = rows.map(() => ({}) as powerbi.visuals.CustomVisualOpaqueIdentity);
  return {
    metadata: { columns, ...(more ? { segment: {} } : {}) },
    table: { columns, rows: rows.map((r) => [...r]), identity },
  };
}

/** Every fine bucket, in order (for `fineOrder`). */
export const FINE_ORDER: readonly number[] = Array.from({ length: FINE_BUCKET_COUNT }, (_, i) => i);

/** A step row with a histogram holding `durations` (bucket index → count). */
export function step(
  variantKey: string,
  stepIndex: number,
  from: string,
  to: string,
  cases: number,
  sumSeconds = 0,
  buckets: Record<number, number> = { 0: cases },
): StepRow {
  const histogram = new Array<number>(BUCKET_COUNT).fill(0);
  for (const [b, n] of Object.entries(buckets)) histogram[Number(b)] = n;
  return { variantKey, stepIndex, from, to, cases, sumSeconds, histogram };
}
