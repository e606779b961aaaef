import { describe, expect, it } from 'vitest';
import { STEP_START } from '@sagsflow/shared';
import { OPERATION_KIND, SegmentAccumulator } from '../src/converter/segment-accumulator';
import { eventsDataView, step, stepsDataView, type EventCells } from './builders';
import { DAY, SMALL_STEPS, V1, V2 } from './fixtures';

const convert = (dataView: Parameters<SegmentAccumulator['add']>[0]) => new SegmentAccumulator().add(dataView, OPERATION_KIND.create);

describe('readDataView + SegmentAccumulator (steps)', () => {
  it('reads every step row with its cases, seconds and histogram', () => {
    const result = convert(stepsDataView(SMALL_STEPS));
    expect(result.messages).toEqual([]);
    expect(result.input.kind).toBe('steps');
    if (result.input.kind !== 'steps') return;
    expect(result.input.rows).toEqual(SMALL_STEPS);
    expect(result.input.hasDurations).toBe(true);
    expect(result.input.highlightCases).toBeNull();
    expect(result.input.sources.index).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('maps histogram columns by their hNN name, whatever order they are bound in', () => {
    const reversed = Array.from({ length: 25 }, (_, i) => 24 - i);
    const result = convert(stepsDataView(SMALL_STEPS, { bucketOrder: reversed }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    expect(result.input.rows[1]!.histogram[11]).toBe(1);
    expect(result.input.rows[1]!.histogram[12]).toBe(1);
    expect(result.input.rows[5]!.histogram[13]).toBe(1);
  });

  it('reads highlights of the cases column per row', () => {
    const result = convert(stepsDataView(SMALL_STEPS, { highlights: [1, 1, 1, 1, null, null, null] }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    expect(result.input.highlightCases).toEqual([1, 1, 1, 1, 0, 0, 0]);
  });

  it('numbers steps without a step index: START first', () => {
    const rows = [step(V1, 5, 'A', 'B', 2), step(V1, 9, STEP_START, 'A', 2)];
    const result = convert(stepsDataView(rows, { omit: ['stepIndex'] }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    expect(result.input.rows.map((r) => [r.from, r.stepIndex])).toEqual([
      ['A', 1],
      [STEP_START, 0],
    ]);
  });

  it('collects rows across incremental fetchMoreData segments (Segment updates)', () => {
    const acc = new SegmentAccumulator();
    const parts = [SMALL_STEPS.slice(0, 3), SMALL_STEPS.slice(3, 5), SMALL_STEPS.slice(5)];
    acc.add(stepsDataView(parts[0]!, { more: true }), OPERATION_KIND.create);
    const middle = acc.add(stepsDataView(parts[1]!, { more: true }), OPERATION_KIND.segment);
    expect(middle.moreData).toBe(true);
    const last = acc.add(stepsDataView(parts[2]!), OPERATION_KIND.segment);
    expect(last.moreData).toBe(false);
    if (last.input.kind !== 'steps') throw new Error('expected steps');
    expect(last.input.rows).toEqual(SMALL_STEPS);
    expect(last.input.sources.index).toEqual([0, 1, 2, 0, 1, 0, 1]);
    expect(last.input.sources.ownerOf).toEqual([0, 0, 0, 1, 1, 2, 2]);
  });

  it('replaces rather than doubles when aggregated segments repeat the rows so far (Append updates)', () => {
    const acc = new SegmentAccumulator();
    acc.add(stepsDataView(SMALL_STEPS.slice(0, 3), { more: true }), OPERATION_KIND.create);
    acc.add(stepsDataView(SMALL_STEPS.slice(0, 5), { more: true }), OPERATION_KIND.append);
    const last = acc.add(stepsDataView(SMALL_STEPS), OPERATION_KIND.append);
    if (last.input.kind !== 'steps') throw new Error('expected steps');
    expect(last.input.rows).toEqual(SMALL_STEPS);
  });

  it('reads only the new rows of a repeating Append data view', () => {
    const acc = new SegmentAccumulator();
    acc.add(stepsDataView(SMALL_STEPS.slice(0, 3), { more: true }), OPERATION_KIND.create);
    const cumulative = stepsDataView(SMALL_STEPS);
    cumulative.categorical!.values![0]!.values[1] = 999;
    const last = acc.add(cumulative, OPERATION_KIND.append);
    if (last.input.kind !== 'steps') throw new Error('expected steps');
    expect(last.input.rows.map((r) => r.cases)).toEqual([2, 2, 2, 2, 1, 1, 1]);
    expect(last.input.sources.index).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('starts over on a Create update', () => {
    const acc = new SegmentAccumulator();
    acc.add(stepsDataView(SMALL_STEPS), OPERATION_KIND.create);
    const again = acc.add(stepsDataView(SMALL_STEPS.slice(4)), OPERATION_KIND.create);
    if (again.input.kind !== 'steps') throw new Error('expected steps');
    expect(again.input.rows.map((r) => r.variantKey)).toEqual([V2, V2, V2]);
  });
});

describe('readDataView: bad data views give an empty input and a message, never an exception', () => {
  it('shows the landing page without a data view or without bound fields', () => {
    expect(convert(undefined).input).toEqual({ kind: 'empty', landing: true });
    expect(convert({ metadata: { columns: [] } }).input).toEqual({ kind: 'empty', landing: true });
  });

  it('asks for the missing step fields when Cases is not bound', () => {
    const result = convert(stepsDataView(SMALL_STEPS, { omit: ['cases'] }));
    expect(result.input).toEqual({ kind: 'empty', landing: false });
    expect(result.messages).toEqual(['Message_MissingSteps']);
  });

  it('skips unreadable rows and says so', () => {
    const rows = [...SMALL_STEPS];
    const dataView = stepsDataView(rows);
    dataView.categorical!.categories![0]!.values[1] = null as unknown as string;
    dataView.categorical!.values![0]!.values[2] = 'many';
    const result = convert(dataView);
    expect(result.skippedRows).toBe(2);
    expect(result.messages).toEqual(['Message_BadRows']);
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    expect(result.input.rows).toHaveLength(5);
  });

  it('survives a malformed categorical (values not arrays)', () => {
    const dataView = stepsDataView(SMALL_STEPS);
    (dataView.categorical!.categories![0] as { values: unknown }).values = 42;
    const result = convert(dataView);
    expect(result.input.kind).toBe('empty');
    expect(result.messages.length).toBe(1);
  });

  it('says there are no rows when the filters leave none', () => {
    const result = convert(stepsDataView([]));
    expect(result.input).toEqual({ kind: 'empty', landing: false });
    expect(result.messages).toEqual(['Message_NoRows']);
  });
});

describe('readDataView (events)', () => {
  it('reads case, activity and timestamp from Date, number and ISO string cells', () => {
    const t0 = Date.UTC(2024, 0, 2, 8);
    const result = convert(
      eventsDataView([
        ['c1', 'A', new Date(t0)],
        ['c1', 'B', t0 + DAY * 1000],
        ['c2', 'A', '2024-01-02T08:00:00.000Z'],
        ['', 'A', t0],
        ['c3', 'A', 'not a time'],
      ]),
    );
    expect(result.skippedRows).toBe(2);
    if (result.input.kind !== 'events') throw new Error('expected events');
    expect(result.input.events.caseIds).toEqual(['c1', 'c1', 'c2']);
    expect(result.input.events.activities).toEqual(['A', 'B', 'A']);
    expect(result.input.events.timestamps).toEqual([t0, t0 + DAY * 1000, t0]);
  });

  it('collects events across segments, incremental or repeating', () => {
    const rows: EventCells[] = [
      ['c1', 'A', 1],
      ['c1', 'B', 2],
      ['c2', 'A', 3],
      ['c2', 'C', 4],
    ];
    const incremental = new SegmentAccumulator();
    incremental.add(eventsDataView(rows.slice(0, 2), true), OPERATION_KIND.create);
    const a = incremental.add(eventsDataView(rows.slice(2)), OPERATION_KIND.segment);
    const repeating = new SegmentAccumulator();
    repeating.add(eventsDataView(rows.slice(0, 2), true), OPERATION_KIND.create);
    const b = repeating.add(eventsDataView(rows), OPERATION_KIND.append);
    for (const result of [a, b]) {
      if (result.input.kind !== 'events') throw new Error('expected events');
      expect(result.input.events.caseIds).toEqual(['c1', 'c1', 'c2', 'c2']);
      expect(result.input.events.timestamps).toEqual([1, 2, 3, 4]);
      expect(result.moreData).toBe(false);
    }
  });

  it('asks for case, activity and timestamp when one is missing', () => {
    const dataView = eventsDataView([['c1', 'A', 0]]);
    dataView.table!.columns = dataView.table!.columns.slice(0, 2);
    expect(convert(dataView).messages).toEqual(['Message_MissingEvents']);
  });
});
