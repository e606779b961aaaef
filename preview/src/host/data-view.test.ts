import { describe, expect, test } from 'vitest';
import { pickMapping, runQuery, toDataView } from './data-view';
import { SelectionIdBuilder } from './selection';
import { stepFields } from './step-fields';
import type { Capabilities, Row } from './types';

/** The shape of the visual's capabilities: categorical steps, table events. */
const CAPS: Capabilities = {
  dataViewMappings: [
    {
      conditions: [{ variantKey: { max: 1 }, cases: { max: 1 }, histogram: { max: 25 }, caseId: { max: 0 } }],
      categorical: {
        categories: {
          select: [
            { bind: { to: 'variantKey' } },
            { bind: { to: 'stepIndex' } },
            { bind: { to: 'fromActivity' } },
            { bind: { to: 'toActivity' } },
          ],
        },
        values: { select: [{ bind: { to: 'cases' } }, { bind: { to: 'sumSeconds' } }, { for: { in: 'histogram' } }] },
      },
    },
    {
      conditions: [{ variantKey: { max: 0 }, caseId: { max: 1 } }],
      table: { rows: { select: [{ bind: { to: 'caseId' } }, { bind: { to: 'activity' } }, { bind: { to: 'timestamp' } }] } },
    },
  ],
};

function step(jobcenter: string, variant: string, index: number, from: string, to: string, cases: number, seconds: number): Row {
  const row: Row = {
    jobcenter,
    variant_key: variant,
    step_index: index,
    from_activity: from,
    to_activity: to,
    cases,
    sum_seconds: seconds,
  };
  for (let i = 0; i < 25; i++) row[`h${String(i).padStart(2, '0')}`] = i === 10 ? cases : 0;
  return row;
}

const ROWS: Row[] = [
  step('Nord', 'v1', 1, 'A', 'B', 6, 600),
  step('Syd', 'v1', 1, 'A', 'B', 8, 800),
  step('Syd', 'v2', 1, 'A', 'C', 5, 50),
];

describe('runQuery and toDataView', () => {
  test('stepFields binds every step role of the capabilities to its step-table column', () => {
    const fields = stepFields(CAPS);
    expect(fields.map((f) => `${f.role}:${f.column}`).slice(0, 6)).toEqual([
      'variantKey:variant_key',
      'stepIndex:step_index',
      'fromActivity:from_activity',
      'toActivity:to_activity',
      'cases:cases',
      'sumSeconds:sum_seconds',
    ]);
    expect(fields.filter((f) => f.role === 'histogram')).toHaveLength(25);
    expect(pickMapping(CAPS, fields)?.categorical).toBeDefined();
  });

  test('rows of two jobcenters fold into one row per variant step with summed cases, seconds and buckets', () => {
    const q = runQuery(CAPS, stepFields(CAPS), ROWS)!;
    expect(q.rows).toHaveLength(2);
    const view = toDataView(q, 0, 2, false, {});
    const cases = view.categorical!.values.find((v) => v.source.roles['cases'])!;
    expect(cases.values).toEqual([14, 5]);
    expect(view.categorical!.values.find((v) => v.source.roles['sumSeconds'])!.values).toEqual([1400, 50]);
    expect(view.categorical!.values.find((v) => v.source.queryName === 'Sum(Steps.h10)')!.values).toEqual([14, 5]);
    expect(view.categorical!.categories.map((c) => c.values[1])).toEqual(['v2', 1, 'A', 'C']);
    expect(view.metadata.segment).toBeUndefined();
  });

  test('a window that leaves rows behind carries metadata.segment', () => {
    const q = runQuery(CAPS, stepFields(CAPS), ROWS)!;
    const view = toDataView(q, 0, 1, true, {});
    expect(view.categorical!.categories[0]!.values).toEqual(['v1']);
    expect(view.metadata.segment).toEqual({});
  });

  test('a cross-highlight of variant v2 gives highlights equal to the values on its rows and null elsewhere', () => {
    const view = toDataView(runQuery(CAPS, stepFields(CAPS), ROWS)!, 0, 2, false, {}, new Set(['v2']));
    expect(view.categorical!.values.find((v) => v.source.roles['cases'])!.highlights).toEqual([null, 5]);
  });

  test('withCategory of a row gives a selection id that pins its variant key', () => {
    const view = toDataView(runQuery(CAPS, stepFields(CAPS), ROWS)!, 0, 2, false, {});
    const id = new SelectionIdBuilder().withCategory(view.categorical!.categories[0]!, 1).createSelectionId();
    expect(id.fields['Steps.variant_key']).toBe('v2');
    expect(id.equals(new SelectionIdBuilder().withCategory(view.categorical!.categories[2]!, 1).createSelectionId())).toBe(true);
  });
});
