import { describe, expect, it } from 'vitest';
import { quantileSorted } from './duration-stats';
import { medianReplicates } from './order-statistic-bootstrap';
import { seededRandom } from './seeded-random';
import { quantileInPlace } from './select-quantile';

function bruteForce(sorted: Float64Array, resamples: number, random: () => number): Float64Array {
  const out = new Float64Array(resamples);
  const draw = new Float64Array(sorted.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < draw.length; i++) draw[i] = sorted[Math.floor(random() * sorted.length)]!;
    out[r] = quantileInPlace(draw, 0.5).value;
  }
  return out.sort();
}

describe('medianReplicates', () => {
  for (const n of [7, 40, 1001]) {
    it(`medianReplicates(n = ${n}) has the 2.5%, 50% and 97.5% points of resampling the median`, () => {
      const random = seededRandom(n);
      const sorted = Float64Array.from({ length: n }, () => Math.exp(3 * random())).sort();
      const fast = medianReplicates(sorted, 20_000, seededRandom(1)).sort();
      const slow = bruteForce(sorted, 4_000, seededRandom(2));
      const spread = quantileSorted(slow, 0.975) - quantileSorted(slow, 0.025);
      for (const q of [0.025, 0.5, 0.975]) {
        expect(Math.abs(quantileSorted(fast, q) - quantileSorted(slow, q))).toBeLessThan(0.08 * spread);
      }
    });
  }

  it('medianReplicates takes only values of the sample (odd n) and is NaN for an empty one', () => {
    const sorted = Float64Array.from([1, 2, 3, 4, 5]);
    const replicates = medianReplicates(sorted, 500, seededRandom(3));
    expect([...new Set(replicates)].every((v) => sorted.includes(v))).toBe(true);
    expect(Number.isNaN(medianReplicates(new Float64Array(0), 3, seededRandom(1))[0])).toBe(true);
  });
});
