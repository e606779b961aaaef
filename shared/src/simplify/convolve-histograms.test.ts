import { describe, expect, it } from 'vitest';
import { BUCKET_COUNT, bucketOf, histogramQuantile } from '../histogram/duration-buckets';
import { simplifyMap } from './simplify-map';
import { convolveHistograms } from './convolve-histograms';
import { STEP_END, STEP_START } from '../steps/types';

const DAY = 86400;
const at = (seconds: number, count: number) => {
  const h = new Array<number>(BUCKET_COUNT).fill(0);
  h[bucketOf(seconds)] = count;
  return h;
};

describe('convolveHistograms', () => {
  it('puts one day plus one day into the bucket of two to three days, as shares', () => {
    const out = convolveHistograms(at(1.2 * DAY, 4), at(1.5 * DAY, 10))!;
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(out[bucketOf(2.5 * DAY)]).toBeCloseTo(1, 12);
  });

  it('returns null when either histogram is empty', () => {
    expect(convolveHistograms(at(DAY, 0), at(DAY, 3))).toBeNull();
  });

  it('gives a rerouted edge of a simplified map a histogram, so its median stays shown', () => {
    const e = (from: string, to: string, count: number, seconds: number) => ({
      from,
      to,
      count,
      cases: count,
      sumSeconds: count * seconds,
      histogram: at(seconds, count),
    });
    const map = {
      nodes: [STEP_START, 'a', 'b', 'c', STEP_END].map((activity, i) => ({ activity, count: i === 2 ? 5 : 10, cases: 10 })),
      edges: [
        e(STEP_START, 'a', 10, 0),
        e('a', 'b', 5, 1.2 * DAY),
        e('b', 'c', 5, 1.5 * DAY),
        e('a', 'c', 5, 4 * DAY),
        e('c', STEP_END, 10, 0),
      ],
    };
    const simplified = simplifyMap(map, { activityPercent: 66, pathPercent: 100 });
    const ac = simplified.edges.find((x) => x.from === 'a' && x.to === 'c')!;
    expect(ac.abstracted).toBe(true);
    expect(ac.histogram!.reduce((a, b) => a + b, 0)).toBeCloseTo(10, 9);
    const median = histogramQuantile(ac.histogram!, 0.5);
    expect(median).toBeGreaterThanOrEqual(2 * DAY);
    expect(median).toBeLessThan(5 * DAY);
  });
});
