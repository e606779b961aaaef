import { describe, expect, it } from 'vitest';
import { STEP_END, STEP_START } from '@sagsflow/shared';
import { createFormatter } from '../src/format/formatter';
import { groupCountLabel } from '../src/format/group-count';
import { createLocalizer } from '../src/i18n';
import { buildViewModel, type ViewContext, type ViewState } from '../src/model/build-view-model';
import { mineEvents } from '../src/model/mine-events';
import { prepareSteps } from '../src/model/prepare';
import { DAY, SMALL_STEPS, V1, V2 } from './fixtures';
import { step } from './builders';

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
const context = (locale: string, k = 1): ViewContext => {
  const formatter = createFormatter(locale);
  return {
    formatter,
    t: createLocalizer().t,
    groupCount: (n) => groupCountLabel(n, k, formatter),
    bottleneckCount: 1,
    minimumGroupSize: k,
    maxRows: 50,
  };
};
const labels = (items: readonly { id: string; valueLabel: string }[]) => Object.fromEntries(items.map((i) => [i.id, i.valueLabel]));

describe('buildViewModel: frequency view', () => {
  const model = buildViewModel(prepareSteps(SMALL_STEPS, null, true), state(), context('en-US'));

  it('labels nodes with their events and START/END with their cases', () => {
    expect(labels(model.nodes)).toEqual({ [STEP_START]: '3', A: '3', B: '2', C: '3', [STEP_END]: '3' });
  });

  it('labels edges with their transitions', () => {
    expect(labels(model.edges)).toEqual({
      [`${STEP_START}→A`]: '3',
      'A→B': '2',
      'B→C': '2',
      'A→C': '1',
      [`C→${STEP_END}`]: '3',
    });
  });

  it('marks no bottleneck in the frequency view (volume is not waiting) and says why in the legend', () => {
    expect(model.edges.filter((e) => e.bottleneck)).toEqual([]);
    expect(model.bottleneckLegend).toBeNull();
  });

  it("marks in the performance view the longest median waits among edges of 5 % of the cases (the findings' definition)", () => {
    const tenfold = SMALL_STEPS.map((r) => ({
      ...r,
      cases: r.cases * 10,
      sumSeconds: r.sumSeconds * 10,
      histogram: r.histogram.map((h) => h * 10),
    }));
    const performance = buildViewModel(
      prepareSteps(tenfold, null, true),
      state({ mode: 'performance', metric: 'median' }),
      context('en-US'),
    );
    expect(performance.edges.filter((e) => e.bottleneck).map((e) => e.id)).toEqual(['A→C']);
    expect(performance.bottleneckLegend).toEqual({ count: 1, minCases: 2, marked: 1, found: 1 });
  });

  it('lists variants with cases, share and mean duration', () => {
    expect(model.variants.map((v) => [v.key, v.casesLabel, v.shareLabel, v.meanDurationLabel])).toEqual([
      [V1, '2', '66.7%', '2.5 days'],
      [V2, '1', '33.3%', '4 days'],
    ]);
    expect(model.variants[0]!.activities).toEqual(['A', 'B', 'C']);
    expect(model.variants[0]!.tooltip).toContainEqual({ label: 'Path', value: 'A → B → C' });
  });
});

describe('buildViewModel: performance view', () => {
  const prepared = prepareSteps(SMALL_STEPS, null, true);
  it('shows the mean and total per edge in the locale, START/END edges blank', () => {
    const mean = buildViewModel(prepared, state({ mode: 'performance', metric: 'mean' }), context('da-DK'));
    expect(labels(mean.edges)).toMatchObject({ 'A→B': '1,5 dage', 'B→C': '1 dag', 'A→C': '4 dage', [`${STEP_START}→A`]: '' });
    const total = buildViewModel(prepared, state({ mode: 'performance', metric: 'total' }), context('en-US'));
    expect(labels(total.edges)).toMatchObject({ 'A→B': '3 days', 'A→C': '4 days' });
  });

  it('estimates the median from the histogram (both B→C transitions in [1 d, 2 d))', () => {
    const median = buildViewModel(prepared, state({ mode: 'performance', metric: 'median' }), context('en-US'));
    const label = labels(median.edges)['B→C']!;
    expect(label).toMatch(/^≈ 1(\.\d)? days?$/);
  });

  it('shows an activity’s time before it (its incoming transitions)', () => {
    const total = buildViewModel(prepared, state({ mode: 'performance', metric: 'total' }), context('en-US'));
    expect(labels(total.nodes)).toMatchObject({ B: '3 days', C: '6 days', [STEP_START]: '3' });
  });
});

describe('buildViewModel: selection, sliders, privacy, highlights', () => {
  const prepared = prepareSteps(SMALL_STEPS, null, true);

  it('filters the map to the selected variants but keeps every variant row', () => {
    const model = buildViewModel(prepared, state({ selected: new Set([V2]) }), context('en-US'));
    expect(labels(model.nodes)).toEqual({ [STEP_START]: '1', A: '1', C: '1', [STEP_END]: '1' });
    expect(model.variants.map((v) => [v.key, v.selected])).toEqual([
      [V1, false],
      [V2, true],
    ]);
  });

  it('drops the least frequent activity at a low activities slider', () => {
    const model = buildViewModel(prepared, state({ activitiesPercent: 60 }), context('en-US'));
    expect(model.nodes.map((n) => n.id).sort()).toEqual(['A', 'C', STEP_END, STEP_START].sort());
  });

  it('shows counts under k as "<k" and merges variants under k into other variants', () => {
    const model = buildViewModel(prepared, state(), context('en-US', 2));
    expect(labels(model.edges)['A→C']).toBe('<2');
    expect(model.variants.map((v) => [v.key, v.casesLabel, v.selectable])).toEqual([
      [V1, '2', true],
      ['other', '<2', false],
    ]);
  });

  it('formats large counts in Danish', () => {
    const rows = [step(V1, 0, STEP_START, 'A', 1234), step(V1, 1, 'A', STEP_END, 1234)];
    const model = buildViewModel(prepareSteps(rows, null, false), state(), context('da-DK', 5));
    expect(labels(model.nodes)['A']).toBe('1.234');
    expect(model.variants[0]!.casesLabel).toBe('1.234');
  });

  it('matches highlights onto nodes and edges (V1 highlighted)', () => {
    const highlighted = prepareSteps(SMALL_STEPS, [2, 2, 2, 2, 0, 0, 0], true);
    const model = buildViewModel(highlighted, state(), context('en-US'));
    const byId = Object.fromEntries(model.edges.map((e) => [e.id, e.highlight]));
    expect(byId['A→B']).toBe(1);
    expect(byId['A→C']).toBe(0);
    expect(model.nodes.find((n) => n.id === 'A')!.highlight).toBeCloseTo(2 / 3);
  });

  it('falls back to the frequency view without durations', () => {
    const model = buildViewModel(prepareSteps(SMALL_STEPS, null, false), state({ mode: 'performance' }), context('en-US'));
    expect(model.mode).toBe('frequency');
    expect(model.edges.some((e) => e.bottleneck)).toBe(false);
  });
});

describe('mineEvents', () => {
  it('turns a plain event table into the same step rows the service would store', () => {
    const t = (d: number) => Date.UTC(2024, 0, 1) + d * DAY * 1000;
    const mined = mineEvents({
      caseIds: ['c1', 'c1', 'c1', 'c2', 'c2', 'c2', 'c3', 'c3'],
      activities: ['A', 'B', 'C', 'A', 'B', 'C', 'A', 'C'],
      timestamps: [t(0), t(1), t(2), t(0), t(2), t(3), t(0), t(4)],
      resources: [null, null, null, null, null, null, null, null],
    });
    const model = buildViewModel(prepareSteps(mined.rows, null, true), state({ mode: 'performance', metric: 'total' }), context('en-US'));
    expect(labels(model.edges)).toMatchObject({ 'A→B': '3 days', 'B→C': '2 days', 'A→C': '4 days' });
    expect(mined.variantOfCase.get('c1')).toBe(mined.variantOfCase.get('c2'));
    expect(mined.variantOfCase.get('c3')).not.toBe(mined.variantOfCase.get('c1'));
  });
});
