/**
 * Bootstrap replicates of a median without resampling: in a resample of n values drawn
 * with replacement from the sorted sample x, the k-th smallest value is x[⌊n·U₍ₖ₎⌋], where
 * U₍ₖ₎ is the k-th order statistic of n uniforms, distributed Beta(k, n − k + 1). So one
 * Beta draw per replicate replaces n draws and a selection, and a stratum of 100,000 values
 * costs one sort. The next order statistic follows as U₍ₖ₊₁₎ = U₍ₖ₎ + (1 − U₍ₖ₎)·Beta(1, n − k),
 * which gives the interpolated median of an even sample exactly as resampling would.
 * Gamma variates by Marsaglia and Tsang (2000), normals by Box and Muller.
 */

/** `resamples` bootstrap replicates of the R-7 median of `sorted` (ascending), drawn from `random`. */
export function medianReplicates(sorted: Float64Array, resamples: number, random: () => number): Float64Array {
  const n = sorted.length;
  const out = new Float64Array(resamples);
  if (n === 0) return out.fill(Number.NaN);
  const h = (n - 1) / 2;
  const k = Math.floor(h) + 1;
  const even = h !== Math.floor(h);
  const gaussian = normalSource(random);
  for (let r = 0; r < resamples; r++) {
    const u = betaVariate(k, n - k + 1, random, gaussian);
    const low = sorted[Math.min(n - 1, Math.floor(n * u))]!;
    if (!even) {
      out[r] = low;
      continue;
    }
    const next = u + (1 - u) * betaVariate(1, n - k, random, gaussian);
    out[r] = (low + sorted[Math.min(n - 1, Math.floor(n * next))]!) / 2;
  }
  return out;
}

function normalSource(random: () => number): () => number {
  let spare = Number.NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = random();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

function gammaVariate(shape: number, random: () => number, gaussian: () => number): number {
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = random();
    return gammaVariate(shape + 1, random, gaussian) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = gaussian();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function betaVariate(a: number, b: number, random: () => number, gaussian: () => number): number {
  const x = gammaVariate(a, random, gaussian);
  const y = gammaVariate(b, random, gaussian);
  return x / (x + y);
}
