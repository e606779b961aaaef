import { describe, expect, it } from 'vitest';
import { formatActivityNames, formatRuleNames, STEP_END, STEP_START, type StepRow } from '@sagsflow/shared';
import { OPERATION_KIND, SegmentAccumulator } from '../src/converter/segment-accumulator';
import { createFormatter } from '../src/format/formatter';
import { groupCountLabel } from '../src/format/group-count';
import { createLocalizer } from '../src/i18n';
import { buildViewModel, type ViewContext, type ViewState } from '../src/model/build-view-model';
import { prepareSteps } from '../src/model/prepare';
import { step, stepsDataView } from './builders';

const R1 = { rule: 'R1', da: 'Samtale inden 1 måned', en: 'Interview within 1 month' };
const R2 = { rule: 'R2', da: 'CV inden 2 uger', en: 'CV within 2 weeks' };
const FINDING = '[{"id":"F1","kind":"bottleneck","da":"Ventetid A til B","en":"Wait from A to B"}]';

/** v1: 4 cases A → B (1 broke R1 at B, 1 did B off the model); v2: 2 cases A → C (1 broke R1 and R2 at C, both skipped B before C). */
const ROWS: StepRow[] = [
  { ...step('v1', 0, STEP_START, 'A', 4), findings: FINDING },
  { ...step('v1', 1, 'A', 'B', 4), violationCases: 1, violatedRules: formatRuleNames([R1])!, logMoveCases: 1 },
  step('v1', 2, 'B', STEP_END, 4),
  step('v2', 0, STEP_START, 'A', 2),
  {
    ...step('v2', 1, 'A', 'C', 2),
    violationCases: 1,
    violatedRules: formatRuleNames([R1, R2])!,
    modelMoveCases: 2,
    skippedActivities: formatActivityNames(['B'])!,
  },
  step('v2', 2, 'C', STEP_END, 2),
];
const filled = ROWS.map((r) => ({ violationCases: 0, logMoveCases: 0, modelMoveCases: 0, ...r }));

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
const formatter = createFormatter('en-US');
const context: ViewContext = {
  formatter,
  t: createLocalizer().t,
  groupCount: (n) => groupCountLabel(n, 1, formatter),
  bottleneckCount: 1,
  minimumGroupSize: 1,
  maxRows: 50,
};
const build = (over: Partial<ViewState>) => buildViewModel(prepareSteps(filled, null, false), state(over), context);
const insightOf = (items: readonly { id: string; insight: number | null }[]) => Object.fromEntries(items.map((i) => [i.id, i.insight]));

describe('readDataView: insight roles', () => {
  it('reads the counts and the names of every row', () => {
    const result = new SegmentAccumulator().add(stepsDataView(filled, { insight: true }), OPERATION_KIND.create);
    if (result.input.kind !== 'steps') throw new Error('expected steps');
    expect(result.input.rows).toEqual(filled);
  });
});

describe('buildViewModel: insight overlay', () => {
  it('rules: colours each activity by its share of cases that broke a rule there, scaled to the largest (C: 1 of 2)', () => {
    const model = build({ insight: 'rules' });
    expect(insightOf(model.nodes)).toEqual({ [STEP_START]: null, A: 0, B: 0.5, C: 1, [STEP_END]: null });
    expect(insightOf(model.edges)['A→B']).toBe(0.5);
    expect(insightOf(model.edges)['A→C']).toBe(1);
    expect(model.insightLegend).toEqual({ overlay: 'rules', maxShare: 0.5 });
  });

  it('deviations: activities by their off-model cases, edges by the cases that skipped a model step on them', () => {
    const model = build({ insight: 'deviations' });
    expect(insightOf(model.nodes)).toMatchObject({ A: 0, B: 0.25, C: 0 });
    expect(insightOf(model.edges)).toMatchObject({ 'A→B': 0, 'A→C': 1 });
    expect(model.insightLegend).toEqual({ overlay: 'deviations', maxShare: 1 });
  });

  it('off: no colouring and no legend, but the tooltips still name the rules and the skipped activities', () => {
    const model = build({});
    expect(model.insightLegend).toBeNull();
    expect(model.insightAvailable).toEqual({ rules: true, deviations: true });
    expect(model.nodes.every((n) => n.insight === null)).toBe(true);
    const c = model.nodes.find((n) => n.id === 'C')!.tooltip;
    expect(c).toContainEqual({ label: 'Rule violations', value: '1' });
    expect(c).toContainEqual({ label: 'Rules broken', value: 'R1 Interview within 1 month' });
    expect(c).toContainEqual({ label: 'Rules broken', value: 'R2 CV within 2 weeks' });
    const edge = model.edges.find((e) => e.id === 'A→C')!.tooltip;
    expect(edge).toContainEqual({ label: 'Skipped model step', value: '2' });
    expect(edge).toContainEqual({ label: 'Skipped', value: 'B' });
  });

  it('names the rules in Danish when the report is Danish', () => {
    const danish = { ...context, t: ((key) => (key === 'Insight_Language' ? 'da' : context.t(key))) as ViewContext['t'] };
    const model = buildViewModel(prepareSteps(filled, null, false), state(), danish);
    expect(model.nodes.find((n) => n.id === 'B')!.tooltip).toContainEqual({ label: 'Rules broken', value: 'R1 Samtale inden 1 måned' });
  });

  it('lists the findings of a variant under it, and none under a variant without', () => {
    const model = build({});
    expect(model.variants.map((v) => [v.key, v.findings.map((f) => f.text)])).toEqual([
      ['v1', ['Wait from A to B']],
      ['v2', []],
    ]);
  });

  it('rows without insight columns offer no overlay, even when asked', () => {
    const model = buildViewModel(
      prepareSteps(
        ROWS.map((r) => step(r.variantKey, r.stepIndex, r.from, r.to, r.cases)),
        null,
        false,
      ),
      state({ insight: 'rules' }),
      context,
    );
    expect(model.insightAvailable).toEqual({ rules: false, deviations: false });
    expect(model.insightLegend).toBeNull();
    expect(model.nodes.every((n) => n.insight === null)).toBe(true);
  });
});
