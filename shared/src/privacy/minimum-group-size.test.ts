import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import { applyMinimumGroupSize, formatGroupCount, OTHER_VARIANTS_KEY } from './minimum-group-size';

describe('applyMinimumGroupSize', () => {
  const variants = [
    { key: 'k1', activities: ['a', 'b'], cases: 10 },
    { key: 'k2', activities: ['a'], cases: 5 },
    { key: 'k3', activities: ['b'], cases: 4 },
    { key: 'k4', activities: ['c'], cases: 1 },
  ];

  it('k=5 merges the 4- and 1-case variants into "other" with 5 cases, last', () => {
    const out = applyMinimumGroupSize(variants, 5);
    expect(out.map((v) => [v.key, v.cases, v.variants, v.isOther])).toEqual([
      ['k1', 10, 1, false],
      ['k2', 5, 1, false],
      [OTHER_VARIANTS_KEY, 5, 2, true],
    ]);
    expect(out[2]!.share).toBe(0.25);
    expect(OTHER_VARIANTS_KEY).toBe('other');
  });

  it('k=1 merges nothing and accepts variantKey-shaped variants', () => {
    const out = applyMinimumGroupSize([{ variantKey: 'v', activities: ['x'], cases: 1 }], 1);
    expect(out).toEqual([{ key: 'v', activities: ['x'], cases: 1, share: 1, variants: 1, isOther: false }]);
  });

  it('rejects k=0 with MisuseError', () => {
    expect(() => applyMinimumGroupSize(variants, 0)).toThrow(MisuseError);
  });
});

describe('formatGroupCount', () => {
  it('shows 1..k-1 as "<k", keeps 0 and counts from k', () => {
    expect([0, 1, 4, 5, 120].map((n) => formatGroupCount(n, 5))).toEqual(['0', '<5', '<5', '5', '120']);
  });
});
