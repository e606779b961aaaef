import { describe, expect, it } from 'vitest';
import { aggregateSteps, discoverSteps, fineQuantile, quantileSorted, STEP_END } from '@sagsflow/shared';
import { tinyLog } from '@sagsflow/shared/testing/tiny-log';
import { OPERATION_KIND, SegmentAccumulator } from '../src/converter/segment-accumulator';
import { buildViewModel } from '../src/model/build-view-model';
import { prepareSteps } from '../src/model/prepare';
import { createFormatter } from '../src/format/formatter';
import { groupCountLabel } from '../src/format/group-count';
import { createLocalizer } from '../src/i18n';
import type { ViewContext, ViewState } from '../src/model/build-view-model';
import { FINE_ORDER, stepsDataView } from './builders';

const state = (over: Partial<ViewState> = {}): ViewState => ({
  mode: 'frequency',
  metric: 'mean',
  autoSimplify: false,
  activitiesPercent: 100,
  pathsPercent: 100,
  selected: new Set(),
  comparing: null,
  insight: 'none',
  ...over,
});
const context = (locale: string): ViewContext => {
  const formatter = createFormatter(locale);
  return {
    formatter,
    t: createLocalizer().t,
    groupCount: (n) => groupCountLabel(n, 1, formatter),
    bottleneckCount: 1,
    minimumGroupSize: 1,
    maxRows: 50,
  };
};

const convert = (dataView: Parameters<SegmentAccumulator['add']>[0]) => new SegmentAccumulator().add(dataView, OPERATION_KIND.create);
const log = tinyLog('c1: a@0 b@10 c@70; c2: a@0 b@30 c@40; c3: a@0 b@5 c@200; c4: a@0 c@3000');
const first = discoverSteps(log)[0]!.variantKey;
const rows = discoverSteps(log).map((r) => ({ ...r, variantRank: r.variantKey === first ? 1 : 2, finished: r.variantKey === first }));

describe('converter: fine histogram, variant number and finished', () => {
  it('reads d00..d74 and s00..s74 by name in any order, with variant_rank and finished', () => {
    const reversed = [...FINE_ORDER].reverse();
    const result = convert(stepsDataView(rows, { fineOrder: reversed }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    expect(result.input.hasFineHistograms).toBe(true);
    const end = result.input.rows.find((r) => r.to === STEP_END)!;
    expect(Array.from(end.fine!.counts)).toEqual(Array.from(rows.find((r) => r.to === STEP_END)!.fine!.counts));
    expect(Array.from(end.fine!.seconds)).toEqual(Array.from(rows.find((r) => r.to === STEP_END)!.fine!.seconds));
    expect(result.input.rows.map((r) => r.finished)).toEqual(rows.map((r) => r.finished));
  });

  it('gives the exact variant median and the throughput percentiles of the bound rows', () => {
    const result = convert(stepsDataView(rows, { fineOrder: FINE_ORDER }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    const all = aggregateSteps(result.input.rows);
    expect(all.variants[0]!.medianSeconds).toBe(70 * 60);
    const durations = [70, 40, 200, 3000].map((m) => m * 60).sort((a, b) => a - b);
    expect(fineQuantile(all.caseDurations!, 0.5)).toBe(quantileSorted(durations, 0.5));
    expect(fineQuantile(all.caseDurations!, 0.9)).toBeCloseTo(quantileSorted(durations, 0.9), 6);
    expect(all.finishedCases).toBe(3);
  });

  it('marks medians and p90 as estimates with "≈", means not', () => {
    const result = convert(stepsDataView(rows, { fineOrder: FINE_ORDER }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    const prepared = prepareSteps(result.input.rows, null, true);
    const median = buildViewModel(prepared, state({ mode: 'performance', metric: 'median' }), context('en-US'));
    const ab = median.edges.find((e) => e.from === 'a' && e.to === 'b')!;
    expect(ab.valueLabel.startsWith('≈ ')).toBe(true);
    const mean = buildViewModel(prepared, state({ mode: 'performance', metric: 'mean' }), context('en-US'));
    expect(mean.edges.find((e) => e.from === 'a' && e.to === 'b')!.valueLabel.startsWith('≈')).toBe(false);
  });

  it('names a variant by its stored rank, the same whichever rows are bound', () => {
    const ranked = discoverSteps(log).map((r) => ({ ...r, variantRank: r.variantKey === discoverSteps(log)[0]!.variantKey ? 1 : 7 }));
    const onlySecond = ranked.filter((r) => r.variantRank === 7);
    const result = convert(stepsDataView(onlySecond, { fineOrder: FINE_ORDER }));
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    const model = buildViewModel(prepareSteps(result.input.rows, null, true), state({}), context('en-US'));
    expect(model.variants[0]!.label).toBe('Variant 7');
  });
});
