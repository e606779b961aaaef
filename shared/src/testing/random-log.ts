import { EventLogBuilder } from '../event-log/builder';
import type { EventLog } from '../event-log/types';

/** Mulberry32: a tiny seeded PRNG returning floats in [0, 1). For tests. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random log for property tests: `cases` cases with 1..maxLength events over
 * `activities` activities (biased to a main path, with loops), whole-second gaps of
 * up to ten days, and a case attribute `group` from `groups`.
 */
export function randomLog(seed: number, cases: number, activities = 6, maxLength = 8, groups = ['g1', 'g2', 'g3']): EventLog {
  const rnd = mulberry32(seed);
  const names = Array.from({ length: activities }, (_, i) => `act ${String.fromCharCode(65 + i)}`);
  const builder = new EventLogBuilder();
  for (let c = 0; c < cases; c++) {
    const length = 1 + Math.floor(rnd() * maxLength);
    let t = Date.UTC(2024, 0, 1) + Math.floor(rnd() * 365) * 86_400_000;
    let a = 0;
    for (let k = 0; k < length; k++) {
      builder.add({
        caseId: `case ${c}`,
        activity: names[a]!,
        timestamp: t,
        caseAttributes: { group: groups[Math.floor(rnd() * groups.length)]! },
      });
      t += Math.floor(rnd() * rnd() * 864_000) * 1000;
      a = rnd() < 0.6 ? Math.min(activities - 1, a + 1) : Math.floor(rnd() * activities);
    }
  }
  return builder.build();
}
