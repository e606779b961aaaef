import { STEP_END, STEP_START, type StepRow } from '@sagsflow/shared';
import { step } from './builders';

export const DAY = 86400;
export const V1 = 'aaaaaaaaaaaaaaa1';
export const V2 = 'aaaaaaaaaaaaaaa2';

/**
 * A hand-made step table: variant V1 = A → B → C with 2 cases (A→B took 1 and 2 days,
 * B→C 1 day each), variant V2 = A → C with 1 case (A→C took 4 days). Known answers:
 * events A 3, B 2, C 3; transitions START→A 3, A→B 2, B→C 2, A→C 1, C→END 3;
 * A→B total 3 days (mean 1,5 days), A→C total 4 days (the top bottleneck).
 * Buckets (shared duration-buckets): 1 day is bucket 11 ([1 d, 2 d)), 2 days 12, 4 days 13 ([3 d, 5 d)).
 */
export const SMALL_STEPS: StepRow[] = [
  step(V1, 0, STEP_START, 'A', 2),
  step(V1, 1, 'A', 'B', 2, 3 * DAY, { 11: 1, 12: 1 }),
  step(V1, 2, 'B', 'C', 2, 2 * DAY, { 11: 2 }),
  step(V1, 3, 'C', STEP_END, 2),
  step(V2, 0, STEP_START, 'A', 1),
  step(V2, 1, 'A', 'C', 1, 4 * DAY, { 13: 1 }),
  step(V2, 2, 'C', STEP_END, 1),
];
