import { describe, expect, it } from 'vitest';
import { discoverDfg } from '../dfg/discover-dfg';
import { filterLog } from '../filters/filter-log';
import { BUCKET_BOUNDS_SECONDS, BUCKET_COUNT, bucketOf } from '../histogram/duration-buckets';
import { FINE_BOUNDS_SECONDS, fineBucketOf } from '../histogram/fine-buckets';
import { coarseBucketInFine } from './coarse-of-fine';
import { MINUTE, tinyLog } from '../testing/tiny-log';
import { randomLog } from '../testing/random-log';
import { discoverVariants } from '../variants/discover-variants';
import { variantKey } from '../variants/variant-key';
import { InvalidLogError } from '../errors';
import { fineQuantile } from '../histogram/fine-quantile';
import { aggregateSteps } from './aggregate-steps';
import { discoverSteps, forEachStepRow } from './discover-steps';
import { STEP_END as E, STEP_START as S } from './types';

describe('discoverSteps', () => {
  const log = tinyLog('c1: a@0 b@10; c2: a@0 b@30; c3: a@0');

  it('gives n+1 rows per variant with cases, summed seconds and a histogram', () => {
    const rows = discoverSteps(log);
    expect(rows.map((r) => [r.variantKey, r.stepIndex, r.from, r.to, r.cases, r.sumSeconds])).toEqual([
      [variantKey(['a', 'b']), 0, S, 'a', 2, 0],
      [variantKey(['a', 'b']), 1, 'a', 'b', 2, 40 * 60],
      [variantKey(['a', 'b']), 2, 'b', E, 2, 0],
      [variantKey(['a']), 0, S, 'a', 1, 0],
      [variantKey(['a']), 1, 'a', E, 1, 0],
    ]);
    const h = rows[1]!.histogram;
    expect(h.length).toBe(BUCKET_COUNT);
    expect(h[bucketOf(600)]).toBe(1);
    expect(h[bucketOf(1800)]).toBe(1);
    expect(rows[0]!.histogram[0]).toBe(2);
  });

  it('gives every row its own fine histogram, also across the shared buffers (5,000 variants, 3 rows each)', () => {
    const cases = Array.from({ length: 5000 }, (_, c) => `c${c}: a${c}@0 b${c}@${c + 1}`).join('; ');
    const rows = discoverSteps(tinyLog(cases));
    expect(rows.length).toBe(15_000);
    rows.forEach((row) => {
      const counts = Array.from(row.fine!.counts);
      const seconds = Array.from(row.fine!.seconds).reduce((a, b) => a + b, 0);
      expect(counts.length).toBe(75);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(row.stepIndex === 0 ? row.cases : 1);
      const c = Number(/(\d+)$/.exec(row.to === E ? row.from : row.to)![1]);
      expect(seconds).toBe(row.stepIndex === 0 ? 0 : (c + 1) * 60);
    });
  });

  it('splits rows by group', () => {
    const rows = discoverSteps(log, { groupOf: (c) => (c === 1 ? 'y' : 'x') });
    const step1 = rows.filter((r) => r.stepIndex === 1 && r.to === 'b');
    expect(step1.map((r) => [r.group, r.cases, r.sumSeconds])).toEqual([
      ['x', 1, 600],
      ['y', 1, 1800],
    ]);
  });
});

describe('aggregateSteps', () => {
  it('rebuilds variants with activities, exact mean and an estimated median', () => {
    const log = tinyLog('c1: a@0 b@10 c@20; c2: a@0 b@30 c@40');
    const { variants, cases } = aggregateSteps(discoverSteps(log));
    expect(cases).toBe(2);
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ activities: ['a', 'b', 'c'], cases: 2, share: 1, meanSeconds: 30 * 60 });
    expect(variants[0]!.medianSeconds).toBeGreaterThan(0);
    expect(variants[0]!.sumSeconds).toBe((60 * MINUTE) / 1000);
  });

  it.each([[['g1']], [['g2', 'g3']], [['g1', 'g2', 'g3']], [['g3']]])(
    'on a random log, rows of groups %j reproduce discoverDfg and discoverVariants exactly',
    (groups) => {
      const log = randomLog(7, 400);
      const group = log.caseAttributes.get('group')!;
      const rows = discoverSteps(log, { groupOf: (c) => group.values[group.codes[c]!]! });
      const picked = rows.filter((r) => groups.includes(r.group));
      const { map, variants } = aggregateSteps(picked);
      const sub = filterLog(log, [{ kind: 'caseAttribute', attribute: 'group', values: groups }]);
      const dfg = discoverDfg(sub);
      const mapEdges = new Map(map.edges.map((e) => [`${e.from}>${e.to}`, e]));
      expect(map.edges.length).toBe(dfg.edges.length + dfg.startActivities.size + dfg.endActivities.size);
      for (const e of dfg.edges) {
        const m = mapEdges.get(`${e.from}>${e.to}`)!;
        expect([m.count, m.cases, m.sumSeconds]).toEqual([e.count, e.cases, e.duration.sum / 1000]);
        expect(m.histogram!.reduce((a, b) => a + b, 0)).toBe(e.count);
      }
      for (const [a, n] of dfg.startActivities) expect(mapEdges.get(`${S}>${a}`)!.count).toBe(n);
      for (const [a, n] of dfg.endActivities) expect(mapEdges.get(`${a}>${E}`)!.count).toBe(n);
      for (const node of map.nodes.slice(1, -1)) {
        expect([node.count, node.cases]).toEqual([dfg.activityCounts.get(node.activity), dfg.activityCases.get(node.activity)]);
      }
      const expected = discoverVariants(sub).variants;
      expect(variants.map((v) => [v.variantKey, v.cases, v.activities.join('|')])).toEqual(
        expected.map((v) => [v.key, v.cases, v.activities.join('|')]),
      );
      const first = expected[0]!;
      expect(variants[0]!.meanSeconds).toBeCloseTo(first.meanDurationMs / 1000, 6);
    },
  );

  it('aggregates 50,000 rows in well under 100 ms (best of 5, CPU time, as the machine is shared)', () => {
    const rows = discoverSteps(randomLog(3, 5_000, 12, 20), { groupOf: (c) => `g${c % 7}` }).slice(0, 50_000);
    expect(rows.length).toBe(50_000);
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const before = process.cpuUsage();
      aggregateSteps(rows);
      const used = process.cpuUsage(before);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    expect(best).toBeLessThan(100);
  });
});

describe('the END step carries the case-duration histogram', () => {
  const log = tinyLog('c1: a@0 b@10 c@70; c2: a@0 b@30 c@40; c3: a@0 b@5 c@200');

  it('discoverSteps counts each case duration on step n, with 0 summed seconds', () => {
    const end = discoverSteps(log).find((r) => r.to === E)!;
    expect([end.stepIndex, end.cases, end.sumSeconds]).toEqual([3, 3, 0]);
    expect([70, 40, 200].map((m) => end.histogram[bucketOf(m * 60)])).toEqual([1, 1, 1]);
    expect(Array.from(end.fine!.counts).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Array.from(end.fine!.seconds).reduce((a, b) => a + b, 0)).toBe((70 + 40 + 200) * 60);
  });

  it('aggregateSteps gives the exact variant median when its cases sit in distinct fine buckets, and p90 by R-7', () => {
    const { variants, caseDurations, map } = aggregateSteps(discoverSteps(log));
    expect(variants[0]!.medianSeconds).toBe(70 * 60);
    expect(variants[0]!.p90Seconds).toBeCloseTo((70 + 0.8 * 130) * 60, 6);
    expect(fineQuantile(caseDurations!, 0.5)).toBe(70 * 60);
    const toEnd = map.edges.find((e) => e.to === E)!;
    expect([toEnd.sumSeconds, toEnd.histogram![0], toEnd.fine!.counts[0]]).toEqual([0, 3, 3]);
  });

  it('variant medians from the END histogram stay within 10 % of discoverVariants on a random log, per group', () => {
    const random = randomLog(11, 2_000, 5, 6);
    const group = random.caseAttributes.get('group')!;
    const rows = discoverSteps(random, { groupOf: (c) => group.values[group.codes[c]!]! });
    for (const groups of [['g1'], ['g2', 'g3']]) {
      const { variants } = aggregateSteps(rows.filter((r) => groups.includes(r.group)));
      const sub = filterLog(random, [{ kind: 'caseAttribute', attribute: 'group', values: groups }]);
      const exact = new Map(discoverVariants(sub).variants.map((v) => [v.key, v.medianDurationMs / 1000]));
      for (const v of variants.filter((x) => x.cases >= 20)) {
        const want = exact.get(v.variantKey)!;
        expect(Math.abs(v.medianSeconds - want)).toBeLessThanOrEqual(Math.max(1, 0.1 * want));
      }
    }
  });

  it('carries variant rank and finished from the rows, and counts finished cases and their durations', () => {
    const rows = discoverSteps(log).map((r) => ({ ...r, variantRank: 4, finished: false }));
    const { variants, finishedCases, finishedCaseDurations } = aggregateSteps(rows);
    expect([variants[0]!.rank, variants[0]!.finished, finishedCases]).toEqual([4, false, 0]);
    expect(Array.from(finishedCaseDurations!.counts).every((c) => c === 0)).toBe(true);
  });

  it('rows without a fine histogram (older tables) fall back to the sum of step medians', () => {
    const rows = discoverSteps(log).map(({ fine, ...r }) => r);
    const { variants, caseDurations } = aggregateSteps(rows);
    expect(caseDurations).toBeUndefined();
    expect(variants[0]!.p90Seconds).toBeNaN();
    expect(variants[0]!.medianSeconds).toBeGreaterThan(0);
  });
});

describe('aggregateSteps input checks', () => {
  it('rejects a row with a negative stepIndex with InvalidLogError naming the row', () => {
    const row = { variantKey: 'k', stepIndex: -1, from: S, to: 'a', cases: 1, sumSeconds: 0, histogram: [] };
    expect(() => aggregateSteps([row])).toThrow(InvalidLogError);
    expect(() => aggregateSteps([row])).toThrow(/row 0 .*got -1/);
  });

  it('gives an empty map (START and END only) for no rows', () => {
    const { map, variants, cases } = aggregateSteps([]);
    expect(map.nodes.map((n) => n.activity)).toEqual([S, E]);
    expect([variants.length, cases]).toEqual([0, 0]);
  });
});

describe('forEachStepRow', () => {
  it('emits the rows of discoverSteps in the same order with the same histograms, read as they come', () => {
    const log = randomLog(5, 3_000, 7, 12);
    const groupOf = (c: number) => `g${c % 5}`;
    const plain = (r: ReturnType<typeof discoverSteps>[number]) => ({
      ...r,
      histogram: [...r.histogram],
      fine: { counts: Array.from(r.fine!.counts), seconds: Array.from(r.fine!.seconds) },
    });
    const expected = discoverSteps(log, { groupOf }).map(plain);
    const emitted: ReturnType<typeof plain>[] = [];
    const buckets: number[][] = [];
    const counted: number[][] = [];
    const coarse: number[][] = [];
    const coarseCounted: number[][] = [];
    forEachStepRow(log, { groupOf }, ({ fineBuckets, histogramBuckets, ...r }) => {
      emitted.push(plain(r));
      buckets.push([...fineBuckets!].sort((a, b) => a - b));
      counted.push(Array.from(r.fine!.counts, (c, b) => (c !== 0 ? b : -1)).filter((b) => b >= 0));
      coarse.push([...histogramBuckets!].sort((a, b) => a - b));
      coarseCounted.push(r.histogram.map((c, b) => (c !== 0 ? b : -1)).filter((b) => b >= 0));
    });
    expect(emitted.length).toBeGreaterThan(1_000);
    expect(emitted).toEqual(expected);
    expect(buckets).toEqual(counted);
    expect(coarse).toEqual(coarseCounted);
  });
});

describe('coarseBucketInFine', () => {
  it('gives bucketOf for every duration: around every bound, far out, negative, -0 and NaN', () => {
    const bounds = [...BUCKET_BOUNDS_SECONDS, ...FINE_BOUNDS_SECONDS];
    const seconds = [-5, -0, 0, 0.5, 1e12, Infinity, -Infinity, Number.NaN];
    for (const b of bounds) seconds.push(b - 1e-9, b - 0.5, b, b + 1e-9, b + 0.5, b * 1.1, b * 0.9);
    for (let s = 0; s < 1e6; s += 37.3) seconds.push(s);
    for (const s of seconds) expect([s, coarseBucketInFine(fineBucketOf(s), s)]).toEqual([s, bucketOf(s)]);
  });
});
