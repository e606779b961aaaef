import type { Rng } from './prng';
import { WORKDAY_SECONDS, type WorkClock } from './work-clock';

/**
 * Relative number of case starts on a working day of the given month and day:
 * many in January, few in July (summer holidays) and after 20 December. Illustrative.
 */
export function startWeight(month: number, dayOfMonth: number): number {
  if (month === 12 && dayOfMonth >= 20) return 0.35;
  return MONTH_WEIGHTS[month - 1] ?? 1;
}

const MONTH_WEIGHTS = [1.4, 1.15, 1.05, 1, 1, 0.95, 0.5, 1.1, 1.15, 1.05, 1, 0.9];

/**
 * Case start positions on the work clock, drawn by stratified sampling from the
 * seasonal weights: case i gets the quantile `(i + u) / n`, so the starts come out
 * in time order (like an extract sorted by case number) and the seasonal shape is
 * exact even for small samples.
 */
export class StartSampler {
  private readonly cumulative: Float64Array;
  private day = 0;

  constructor(
    clock: WorkClock,
    private readonly cases: number,
    private readonly rng: Rng,
  ) {
    this.cumulative = new Float64Array(clock.days.length);
    let sum = 0;
    for (let i = 0; i < clock.days.length; i++) {
      sum += startWeight(clock.months[i] as number, clock.monthDays[i] as number);
      this.cumulative[i] = sum;
    }
  }

  /** The start position of case `i`; call with i = 0, 1, 2, ... in order. */
  startOf(i: number): number {
    const total = this.cumulative[this.cumulative.length - 1] as number;
    const target = ((i + this.rng.float()) / this.cases) * total;
    while (this.day < this.cumulative.length - 1 && (this.cumulative[this.day] as number) <= target) this.day++;
    const before = this.day === 0 ? 0 : (this.cumulative[this.day - 1] as number);
    const share = (target - before) / ((this.cumulative[this.day] as number) - before);
    return this.day * WORKDAY_SECONDS + Math.min(WORKDAY_SECONDS - 1, Math.floor(share * WORKDAY_SECONDS));
  }
}
