import { describe, expect, it } from 'vitest';
import { MINUTE, tinyLog } from '../testing/tiny-log';
import { discoverVariants } from './discover-variants';
import { variantKey } from './variant-key';

describe('discoverVariants', () => {
  const log = tinyLog('c1: a@0 b@10 c@30; c2: a@0 c@5; c3: a@0 b@20 c@40; c4: a@0 b@1 c@2; c5: a@0 b@3');

  it('orders variants by cases, then by sequence', () => {
    const { variants } = discoverVariants(log);
    expect(variants.map((v) => [v.activities.join(''), v.cases])).toEqual([
      ['abc', 3],
      ['ab', 1],
      ['ac', 1],
    ]);
    expect(variants[0]!.share).toBeCloseTo(0.6, 12);
    expect(variants[0]!.key).toBe(variantKey(['a', 'b', 'c']));
  });

  it('gives mean and exact median case duration per variant and the case indices', () => {
    const abc = discoverVariants(log).variants[0]!;
    expect(abc.meanDurationMs).toBe(24 * MINUTE);
    expect(abc.medianDurationMs).toBe(30 * MINUTE);
    expect(Array.from(abc.caseIndices)).toEqual([0, 2, 3]);
  });

  it('maps every case to its variant', () => {
    expect(Array.from(discoverVariants(log).variantOfCase)).toEqual([0, 2, 0, 0, 1]);
  });

  it('gives no variants for an empty log', () => {
    expect(discoverVariants(tinyLog('')).variants).toEqual([]);
  });
});
