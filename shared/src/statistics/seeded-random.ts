/** How Mulberry32 steps its state before each draw (see `seededRandom`). */
export const SEEDED_RANDOM_STEP = 0x6d2b79f5;

/**
 * Mulberry32's float in [0, 1) for the (already stepped) state `a`: `seededRandom` returns these
 * in turn. For a hot loop that keeps the state in a local variable, as
 * `a = (a + SEEDED_RANDOM_STEP) >>> 0; seededRandomAt(a)`, the same numbers as `seededRandom`'s.
 */
export function seededRandomAt(a: number): number {
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/**
 * Mulberry32: a small, fast seeded PRNG returning floats in [0, 1). Used wherever a result
 * must be reproducible from a seed (bootstrap intervals), never for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + SEEDED_RANDOM_STEP) >>> 0;
    return seededRandomAt(a);
  };
}
