import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import { buildFindings } from './build-findings';
import { markBottlenecks } from './bottleneck-definition';
import { automationScores } from './automation';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { findingsSettings } from './settings';
import { YEAR_MS } from './case-codes';
import { bootstrapMedianDifference, wilsonInterval } from './intervals';
import { monthlyTrend } from './trend';
import { normalisedEntropy } from './entropy';
import { findingId, trackFindings } from './finding-id';
import { weekNumber } from './workload';
import { MisuseError } from '../errors';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

type CaseSpec = { id: string; jc?: string; attrs?: Record<string, string>; events: [string, number, string?, string?][] };

function logOf(cases: CaseSpec[]) {
  const b = new EventLogBuilder();
  for (const c of cases) {
    for (const [activity, at, resource, lifecycle] of c.events) {
      b.addEvent(c.id, activity, T0 + at, resource ?? null, lifecycle ?? null);
      if (c.jc) b.setCaseAttribute('jobcenter', c.jc);
      for (const [k, v] of Object.entries(c.attrs ?? {})) b.setCaseAttribute(k, v);
    }
  }
  return b.build();
}

/** n cases in jobcenter jc, each A then B after `waitDays` days, case i starting on day `from + i`. */
function waitCases(jc: string, n: number, waitDays: number, from = 0): CaseSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${jc}-${i}`,
    jc,
    events: [
      ['A', (from + i) * DAY],
      ['B', (from + i) * DAY + waitDays * DAY],
    ] as [string, number][],
  }));
}

describe('buildFindings: time lost', () => {
  it('is cases x (edge median - best jobcenter median): 10 cases x (2 - 1) days', () => {
    const log = logOf([...waitCases('N', 5, 1), ...waitCases('S', 5, 3)]);
    const { edges } = buildFindings({ log, process: 'p' });
    const ab = edges.find((e) => e.from === 'A' && e.to === 'B')!;
    expect(ab.cases).toBe(10);
    expect(ab.medianWaitMs).toBe(2 * DAY);
    expect(ab.bestJobcenter).toBe('N');
    expect(ab.bestMedianWaitMs).toBe(DAY);
    expect(ab.timeLostMs).toBe(10 * DAY);
    expect(ab.byJobcenter.map((j) => [j.jobcenter, j.medianWaitMs / DAY, j.timeLostMs / DAY])).toEqual([
      ['N', 1, 0],
      ['S', 3, 10],
    ]);
  });

  it('never takes the best jobcenter from a group under k: a fast jobcenter of 4 cases is ignored', () => {
    const log = logOf([...waitCases('N', 5, 1), ...waitCases('S', 5, 3), ...waitCases('X', 4, 0.5)]);
    const ab = buildFindings({ log, process: 'p' }).edges.find((e) => e.from === 'A')!;
    expect(ab.medianWaitMs).toBe(DAY);
    expect(ab.bestJobcenter).toBe('N');
    expect(ab.timeLostMs).toBe(0);
    expect(ab.byJobcenter.map((j) => j.jobcenter)).toEqual(['N', 'S']);
  });

  it('ranks edges by time lost, and leaves out edges with fewer than k cases', () => {
    const slow = waitCases('N', 5, 1).concat(waitCases('S', 5, 5));
    const mild = Array.from({ length: 10 }, (_, i) => ({
      id: `m${i}`,
      jc: i < 5 ? 'N' : 'S',
      events: [
        ['C', i * DAY],
        ['D', i * DAY + (i < 5 ? 1 : 2) * DAY],
      ] as [string, number][],
    }));
    const rare = [
      {
        id: 'r',
        jc: 'N',
        events: [
          ['E', 0],
          ['F', 100 * DAY],
        ] as [string, number][],
      },
    ];
    const { edges } = buildFindings({ log: logOf([...slow, ...mild, ...rare]), process: 'p' });
    expect(edges.map((e) => `${e.from}>${e.to}:${e.timeLostMs / DAY}`)).toEqual(['A>B:20', 'C>D:5']);
  });

  it('gives the monthly medians and the trend', () => {
    const cases = [0, 1, 2].flatMap((m) =>
      Array.from({ length: 5 }, (_, i) => ({
        id: `c${m}-${i}`,
        jc: 'N',
        events: [
          ['A', (m * 31 + i) * DAY],
          ['B', (m * 31 + i) * DAY + (m + 1) * DAY],
        ] as [string, number][],
      })),
    );
    const ab = buildFindings({ log: logOf(cases), process: 'p' }).edges[0]!;
    expect(ab.byMonth.map((m) => [m.period, m.medianWaitMs / DAY])).toEqual([
      ['2024-01', 1],
      ['2024-02', 2],
      ['2024-03', 3],
    ]);
    expect(ab.trend.direction).toBe('rising');
    expect(ab.trend.slopePerMonth).toBeCloseTo(DAY, 6);
  });

  it('measures waits in working time when a calendar is given', () => {
    const log = logOf(waitCases('N', 5, 3));
    const working = (from: number, to: number) => (to - from) / 3;
    const r = buildFindings({ log, process: 'p', workingDurationMs: working });
    expect(r.bottlenecks[0]!.medianWorkingWaitMs).toBe(DAY);
  });
});

describe('buildFindings: bottleneck findings', () => {
  it('makes one finding per marked edge, valued at the optimised-workflow figure, with the longest waits as case evidence', () => {
    const log = logOf([...waitCases('N', 5, 1), ...waitCases('S', 5, 3)]);
    const { findings } = buildFindings({ log, process: 'p' }, { evidenceCases: 2 });
    const b = findings.filter((f) => f.kind === 'bottleneck');
    expect(b).toHaveLength(1);
    expect(b[0]).toMatchObject({ rank: 1, fromActivity: 'A', toActivity: 'B', cases: 10, valueDkk: 100_000, jobcenter: '' });
    expect(b[0]!.evidence['timeLostMs']).toBe(10 * DAY);
    expect(b[0]!.evidence['slowestJobcenter']).toBe('S');
    expect(b[0]!.caseIds).toEqual(['S-0', 'S-1']);
  });

  it('the definition marks the 3 longest median waits among edges with enough cases, ties at the cut included', () => {
    const e = (from: string, cases: number, days: number) => ({ from, to: 'x', cases, medianWaitMs: days * DAY });
    const edges = [e('a', 100, 1), e('b', 100, 4), e('c', 100, 3.5), e('d', 100, 3.5), e('e', 4, 9), e('f', 100, 2), e('g', 40, 8)];
    expect(markBottlenecks(edges, { minGroupSize: 5, totalCases: 1000 })).toEqual([1, 2, 3]);
    expect(markBottlenecks(edges, { minGroupSize: 5, totalCases: 1000, count: 1 })).toEqual([1]);
    expect(markBottlenecks(edges, { minGroupSize: 5, totalCases: 100 })).toEqual([6, 1, 2, 3]);
  });
});

describe('automation scores', () => {
  const cases: CaseSpec[] = Array.from({ length: 10 }, (_, i) => ({
    id: `c${i}`,
    attrs: { kind: i < 5 ? 'x' : 'y' },
    events: [
      ['A', i * DAY],
      ['B', i * DAY + HOUR],
      [i < 5 ? 'C' : 'D', i * DAY + 2 * HOUR],
    ],
  }));
  const log = logOf(cases);
  const span = 9 * DAY + 2 * HOUR;

  it('scores B from its parts: volume 1, predictability 0.5, rule-like 1 (decided by the attribute), rework 1; 0.7 / 0.8', () => {
    const b = automationScores(log, pairActivityInstances(log), findingsSettings(), YEAR_MS / span).find((a) => a.activity === 'B')!;
    const parts = Object.fromEntries(b.parts.map((p) => [p.name, p.value]));
    expect(parts).toEqual({ volume: 1, predictability: 0.5, ruleLike: 1, caseworkers: null, processing: null, rework: 1 });
    expect(b.score).toBeCloseTo(0.875, 12);
    expect(b.topSuccessor).toBe('C');
  });

  it('hours from minutes per event, saving from the hourly cost or the working figure', () => {
    const inst = pairActivityInstances(log);
    const factor = YEAR_MS / span;
    const b = automationScores(log, inst, findingsSettings({ hourlyCostDkk: 500 }), factor).find((a) => a.activity === 'B')!;
    expect(b.hoursFrom).toBe('minutes-per-event');
    expect(b.hoursPerYear).toBeCloseTo(((10 * 10) / 60) * factor, 9);
    expect(b.savingDkk).toBeCloseTo(((10 * 10) / 60) * factor * 500, 6);
    const d = automationScores(log, inst, findingsSettings(), factor).find((a) => a.activity === 'B')!;
    expect([d.savingDkk, d.savingFrom]).toEqual([200_000, 'working-figure']);
  });

  it('takes hours from processing times and counts caseworkers where the log has them', () => {
    const timed: CaseSpec[] = Array.from({ length: 6 }, (_, i) => ({
      id: `t${i}`,
      events: [
        ['A', i * DAY, `r${i % 2}`, 'start'],
        ['A', i * DAY + HOUR / 2, `r${i % 2}`, 'complete'],
        ['B', i * DAY + HOUR, 'r0'],
      ],
    }));
    const l = logOf(timed);
    const a = automationScores(l, pairActivityInstances(l), findingsSettings(), 1).find((x) => x.activity === 'A')!;
    expect(a.hoursFrom).toBe('processing-times');
    expect(a.hoursPerYear).toBeCloseTo(3, 12);
    expect(a.parts.find((p) => p.name === 'processing')!.value).toBe(1);
    expect(a.parts.find((p) => p.name === 'caseworkers')!.value).toBeCloseTo(0.5, 12);
  });

  it('candidate findings carry every part with its weight', () => {
    const { findings } = buildFindings({ log, process: 'p' }, { minAutomationScore: 0.8 });
    const b = findings.find((f) => f.kind === 'automation-candidate' && f.activity === 'B')!;
    expect(b.evidence['part.ruleLike']).toBe(1);
    expect(b.evidence['weight.ruleLike']).toBe(0.25);
    expect(b.valueDkk).toBe(200_000);
  });
});

describe('best practice', () => {
  it('names the fastest jobcenter with group sizes and a bootstrap interval', () => {
    const log = logOf([...waitCases('N', 5, 1), ...waitCases('S', 5, 3), ...waitCases('V', 5, 3, 20)]);
    const { bestPractices, findings } = buildFindings({ log, process: 'p' });
    const jc = bestPractices.find((b) => b.dimension === 'jobcenter' && b.measure === 'duration')!;
    expect(jc.best).toMatchObject({ group: 'N', cases: 5, value: DAY });
    expect(jc.rest).toMatchObject({ cases: 10, value: 3 * DAY });
    expect(jc.difference).toBe(2 * DAY);
    expect(jc.differenceInterval).toEqual({ low: 2 * DAY, high: 2 * DAY });
    expect(jc.significant).toBe(true);
    expect(findings.find((f) => f.kind === 'best-practice')).toMatchObject({ jobcenter: 'N', cases: 5 });
  });

  it('compares an outcome rate with Wilson intervals and skips groups under k', () => {
    const mk = (jc: string, n: number, good: number) =>
      Array.from({ length: n }, (_, i) => ({
        id: `${jc}${i}`,
        jc,
        attrs: { Udfald: i < good ? 'Ordinær beskæftigelse' : 'Fortsat ledig' },
        events: [
          ['A', i * DAY],
          ['B', i * DAY + DAY],
        ] as [string, number][],
      }));
    const log = logOf([...mk('N', 20, 18), ...mk('S', 20, 4), ...mk('X', 3, 3)]);
    const r = buildFindings({ log, process: 'p', outcome: { attribute: 'Udfald', success: ['Ordinær beskæftigelse'] } });
    const o = r.bestPractices.find((b) => b.dimension === 'jobcenter' && b.measure === 'outcome')!;
    expect(o.groups.map((g) => g.group)).toEqual(['N', 'S']);
    expect(o.best.value).toBe(0.9);
    expect(o.best.interval.low).toBeCloseTo(0.699, 4);
    expect(o.best.interval.high).toBeCloseTo(0.9721, 4);
    expect(o.rest.cases).toBe(23);
    expect(o.significant).toBe(true);
  });
});

describe('statistics helpers', () => {
  it('wilsonInterval(8, 10) is 0.4902..0.9433', () => {
    const w = wilsonInterval(8, 10);
    expect(w.low).toBeCloseTo(0.4902, 4);
    expect(w.high).toBeCloseTo(0.9433, 4);
  });
  it('the bootstrap is deterministic for a seed', () => {
    const a = [1, 2, 3, 4, 5, 6, 7];
    const b = [3, 4, 5, 6, 7, 8, 9, 10];
    const x = bootstrapMedianDifference(a, b, { resamples: 200, seed: 7 });
    expect(bootstrapMedianDifference(a, b, { resamples: 200, seed: 7 })).toEqual(x);
    expect(x.low).toBeLessThanOrEqual(2.5);
    expect(x.high).toBeGreaterThanOrEqual(2.5);
  });
  it('monthlyTrend, normalisedEntropy and weekNumber give known answers', () => {
    expect(monthlyTrend(['2024-01', '2024-02', '2024-04'], [10, 12, 16], 12)).toEqual({ slopePerMonth: 2, direction: 'rising' });
    expect(monthlyTrend(['2024-01', '2024-02'], [1, 2], 1).direction).toBe('unknown');
    expect(normalisedEntropy([5, 5])).toBe(1);
    expect(normalisedEntropy([7])).toBe(0);
    expect(weekNumber(Date.UTC(2024, 0, 1)) - weekNumber(Date.UTC(2023, 11, 31))).toBe(1);
    expect(weekNumber(Date.UTC(2024, 0, 7))).toBe(weekNumber(Date.UTC(2024, 0, 1)));
  });
});

describe('finding ids and settings', () => {
  it('an id depends on kind and place only, and trackFindings tells new, open and resolved apart', () => {
    const place = {
      kind: 'bottleneck' as const,
      process: 'p',
      jobcenter: '',
      activity: null,
      fromActivity: 'A',
      toActivity: 'B',
      rule: null,
    };
    expect(findingId(place)).toBe(findingId({ ...place }));
    expect(findingId(place)).toMatch(/^F[0-9a-f]{16}$/);
    expect(findingId(place)).not.toBe(findingId({ ...place, toActivity: 'C' }));
    const t = trackFindings(['x', 'y'], ['y', 'z']);
    expect([...t.status]).toEqual([
      ['x', 'new'],
      ['y', 'open'],
    ]);
    expect(t.resolved).toEqual(['z']);
  });
  it('rejects a bad setting with a message naming it', () => {
    expect(() => findingsSettings({ minGroupSize: 0 })).toThrow(MisuseError);
    expect(() => findingsSettings({ hourlyCostDkk: -1 })).toThrow(/hourlyCostDkk/);
    expect(() =>
      findingsSettings({ automationWeights: { volume: 0, predictability: 0, ruleLike: 0, caseworkers: 0, processing: 0, rework: 0 } }),
    ).toThrow(/all 0/);
  });
  it('hands rule violations and deviations in where they are loaded, never from fewer than k cases', () => {
    const log = logOf(waitCases('N', 5, 1));
    const { findings } = buildFindings({
      log,
      process: 'p',
      ruleViolations: [
        { rule: 'R1', jobcenter: 'N', cases: 50, violations: 12, caseIds: ['a'] },
        { rule: 'R1', jobcenter: 'S', cases: 50, violations: 3 },
        { rule: 'R2', jobcenter: null, cases: 50, violations: 4 },
      ],
      deviations: [{ deviation: 'skipped', activity: 'B', jobcenter: null, cases: 40, deviatingCases: 9 }],
    });
    const rules = findings.filter((f) => f.kind === 'rule-violation');
    expect(rules.map((f) => [f.rule, f.cases, f.evidence['violationRate'], f.evidence['worstJobcenter']])).toEqual([['R1', 15, 0.15, 'N']]);
    expect([rules[0]!.evidence['rate:N'], rules[0]!.evidence['rate:S']]).toEqual([0.76, 0.94]);
    expect(findings.filter((f) => f.kind === 'model-deviation').map((f) => [f.activity, f.cases])).toEqual([['B', 9]]);
  });
});
