import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../rules/evaluate-rules';
import { testCatalogue, testLog, testRule } from '../testing/rule-logs';
import { discoverVariants } from '../variants/discover-variants';
import { aggregateStepInsight } from './aggregate-insight';
import { formatActivityNames, formatRuleNames, readActivityNames, readRuleNames } from './insight-names';
import { discoverStepInsight, type CaseAlignment } from './step-insight';
import { STEP_END, STEP_START, type StepRow } from './types';

const log = testLog({
  c1: [
    { activity: 'A', at: '2024-01-01 09:00' },
    { activity: 'B', at: '2024-01-20 09:00' },
    { activity: 'C', at: '2024-01-21 09:00' },
  ],
  c2: [
    { activity: 'A', at: '2024-01-01 09:00' },
    { activity: 'B', at: '2024-01-05 09:00' },
    { activity: 'C', at: '2024-01-06 09:00' },
  ],
  c3: [
    { activity: 'A', at: '2024-01-01 09:00' },
    { activity: 'C', at: '2024-01-02 09:00' },
  ],
});
const within = testRule({ id: 'W', kind: 'within', a: ['A'], b: ['B'], limit: { days: 14 } });
const never = testRule({ id: 'N', kind: 'mustNotOccur', a: ['C'] });
const outcomes = evaluateRules(log, testCatalogue(within, never)).outcomes;
const { variants } = discoverVariants(log);
const nameOf = new Map(variants.map((v) => [v.key, v.activities.join('')]));

function table(rows: ReturnType<typeof discoverStepInsight>) {
  return rows.map((r) => [
    nameOf.get(r.variantKey),
    r.stepIndex,
    r.violationCases,
    r.violatedRules,
    r.logMoveCases,
    r.modelMoveCases,
    r.skippedActivities,
  ]);
}

describe('RuleOutcome.violationEvent', () => {
  it('marks the late B, the anchor A without any B, and the forbidden C', () => {
    expect([...outcomes[0]!.violationEvent]).toEqual([1, -1, 6]);
    expect([...outcomes[1]!.violationEvent]).toEqual([2, 5, 7]);
  });
});

describe('discoverStepInsight', () => {
  it('counts violating cases on the step that arrives at the violation event', () => {
    expect(table(discoverStepInsight(log, { outcomes }))).toEqual([
      ['ABC', 1, 1, ['W'], 0, 0, []],
      ['ABC', 2, 2, ['N'], 0, 0, []],
      ['AC', 0, 1, ['W'], 0, 0, []],
      ['AC', 1, 1, ['N'], 0, 0, []],
    ]);
  });

  it('puts log moves on the step into the event and model moves on the step they fall in (END after the last event)', () => {
    const alignments: (CaseAlignment | null)[] = [
      {
        moves: [
          { kind: 'sync', activity: 'A' },
          { kind: 'log', activity: 'B' },
          { kind: 'sync', activity: 'C' },
        ],
        kept: [0, 1, 2],
      },
      null,
      {
        moves: [
          { kind: 'sync', activity: 'A' },
          { kind: 'model', activity: 'B' },
          { kind: 'model', activity: 'X' },
          { kind: 'sync', activity: 'C' },
          { kind: 'model', activity: 'D' },
        ],
        kept: [0, 1],
      },
    ];
    expect(table(discoverStepInsight(log, { alignmentOf: (c) => alignments[c]! }))).toEqual([
      ['ABC', 1, 0, [], 1, 0, []],
      ['AC', 1, 0, [], 0, 1, ['B', 'X']],
      ['AC', 2, 0, [], 0, 1, ['D']],
    ]);
  });

  it('maps aligned positions through kept (events left out of the alignment)', () => {
    const moves: CaseAlignment = {
      moves: [
        { kind: 'model', activity: 'S' },
        { kind: 'sync', activity: 'A' },
        { kind: 'log', activity: 'C' },
      ],
      kept: [0, 2],
    };
    const rows = discoverStepInsight(log, { alignmentOf: (c) => (c === 0 ? moves : null) });
    expect(table(rows)).toEqual([
      ['ABC', 0, 0, [], 0, 1, ['S']],
      ['ABC', 2, 0, [], 1, 0, []],
    ]);
  });

  it('keeps groups apart', () => {
    const rows = discoverStepInsight(log, { outcomes, groupOf: (c) => (c === 0 ? 'x' : 'y') });
    expect(rows.map((r) => [r.group, nameOf.get(r.variantKey), r.stepIndex, r.violationCases])).toEqual([
      ['x', 'ABC', 1, 1],
      ['x', 'ABC', 2, 1],
      ['y', 'ABC', 2, 1],
      ['y', 'AC', 0, 1],
      ['y', 'AC', 1, 1],
    ]);
  });
});

describe('insight names', () => {
  it('round-trips rule and activity names, sorted', () => {
    const text = formatRuleNames([
      { rule: 'R2', da: 'To', en: 'Two' },
      { rule: 'R1', da: 'En', en: 'One' },
    ]);
    expect(text).toBe('[{"rule":"R1","da":"En","en":"One"},{"rule":"R2","da":"To","en":"Two"}]');
    expect(readRuleNames(text).map((r) => r.rule)).toEqual(['R1', 'R2']);
    expect(readActivityNames(formatActivityNames(['b', 'a']))).toEqual(['a', 'b']);
    expect(formatRuleNames([])).toBeNull();
  });

  it('reads bad text as no names', () => {
    expect(readRuleNames('not json')).toEqual([]);
    expect(readRuleNames('[{"da":"x"}, 3]')).toEqual([]);
    expect(readActivityNames('{"a":1}')).toEqual([]);
  });
});

describe('aggregateStepInsight', () => {
  const row = (from: string, to: string, cases: number, extra: Partial<StepRow>): StepRow => ({
    variantKey: 'v',
    stepIndex: 0,
    from,
    to,
    cases,
    sumSeconds: 0,
    histogram: [],
    ...extra,
  });

  it('sums edges by their rows and activities by the rows arriving at them, with the union of names', () => {
    const agg = aggregateStepInsight([
      row(STEP_START, 'A', 5, { violationCases: 1, violatedRules: formatRuleNames([{ rule: 'W', da: 'w', en: 'w' }])! }),
      row('B', 'A', 3, { violationCases: 2, violatedRules: formatRuleNames([{ rule: 'N', da: 'n', en: 'n' }])!, modelMoveCases: 1 }),
      row('A', STEP_END, 8, { logMoveCases: 0, skippedActivities: formatActivityNames(['Z'])! }),
    ]);
    const a = agg.activities.get('A')!;
    expect([a.cases, a.violationCases, a.modelMoveCases, a.rules.map((r) => r.rule)]).toEqual([8, 3, 1, ['N', 'W']]);
    expect(agg.edges.get(`B\u0000A`)!.violationCases).toBe(2);
    expect(agg.edges.get(`A\u0000${STEP_END}`)!.skipped).toEqual(['Z']);
    expect([agg.hasRules, agg.hasDeviations]).toEqual([true, true]);
  });

  it('says when no row carries insight columns', () => {
    const agg = aggregateStepInsight([row(STEP_START, 'A', 5, {})]);
    expect([agg.hasRules, agg.hasDeviations]).toEqual([false, false]);
  });
});
