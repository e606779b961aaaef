import type { MapLayout } from './types';

/** The two slider values of a simplification, in percent. */
export interface Simplification {
  readonly activitiesPercent: number;
  readonly pathsPercent: number;
}

/** The paths shares tried for each number of activities, most first. */
export const PATH_STEPS: readonly number[] = [100, 50, 20];

/**
 * The simplifications worth trying for a map of `activityCount` activities, richest first:
 * every activity count from all down to one, each with the paths shares of PATH_STEPS.
 * The activities percentage keeps exactly that many activities in `simplifyMap` (a whole
 * percentage up to 100 activities, so the slider shows what was chosen).
 */
export function simplificationCandidates(activityCount: number): Simplification[] {
  const out: Simplification[] = [];
  const n = Math.max(1, activityCount);
  for (let k = n; k >= 1; k--) {
    const exact = (k * 100) / n;
    const activitiesPercent = n <= 100 ? Math.floor(exact + 1e-9) : exact;
    for (const pathsPercent of PATH_STEPS) out.push({ activitiesPercent, pathsPercent });
  }
  return out;
}

/**
 * The richest candidate that `fits`, by binary search (a smaller map fits whenever a richer
 * one does, nearly always: the search treats it as always). The last candidate when none fits.
 */
export function firstFitting<T>(candidates: readonly T[], fits: (candidate: T) => boolean): T {
  let lo = 0;
  let hi = candidates.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fits(candidates[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return candidates[lo]!;
}

/** The scale that shows a whole layout in a `width` x `height` area. */
export function fitScale(layout: Pick<MapLayout, 'width' | 'height'>, width: number, height: number): number {
  if (!(layout.width > 0 && layout.height > 0 && width > 0 && height > 0)) return 1;
  return Math.min(width / layout.width, height / layout.height);
}

/** Smallest label on screen, in CSS pixels: the map opens at a zoom that keeps labels this size. */
export const MIN_LABEL_PX = 11;

/** The least zoom at which text of `fontSize` px renders at MIN_LABEL_PX or more. */
export function readableScale(fontSize: number): number {
  return MIN_LABEL_PX / Math.max(1, fontSize);
}
