import { describe, expect, it } from 'vitest';
import { SEEDED_RANDOM_STEP, seededRandom, seededRandomAt } from './seeded-random';

describe('seededRandomAt', () => {
  it('gives the numbers of seededRandom when the caller steps the state, seed by seed', () => {
    for (const seed of [0, 1, 42, 2 ** 31 + 5, 2 ** 32 - 1]) {
      const random = seededRandom(seed);
      let a = seed >>> 0;
      for (let i = 0; i < 1_000; i++) {
        a = (a + SEEDED_RANDOM_STEP) >>> 0;
        expect(seededRandomAt(a)).toBe(random());
      }
    }
  });

  it('stays in [0, 1) and gives the known first draw of seed 1', () => {
    expect(seededRandom(1)()).toBe(0.6270739405881613);
    for (let a = 0; a < 5_000; a++) expect(seededRandomAt(a * 977_123)).toBeLessThan(1);
  });
});
