import { civilFromDays, daysFromCivil, isWorkingDay } from './calendar';

/** Opening hours of the jobcenters, local time: 08:00 to 15:30 on working days. */
export const WORKDAY_START_SECONDS = 8 * 3600;
export const WORKDAY_SECONDS = 7.5 * 3600;

/**
 * The working time between two dates as one line: position `p` (seconds) is second
 * `p % WORKDAY_SECONDS` after 08:00 on working day `floor(p / WORKDAY_SECONDS)`.
 * Adding working time is then plain addition, and every position formats to a local
 * time inside opening hours on a working day. Formatting uses precomputed strings.
 */
export class WorkClock {
  /** Day number (days since 1970-01-01) of every working day, in order. */
  readonly days: Int32Array;
  /** Month (1-12) and day of month of every working day. */
  readonly months: Uint8Array;
  readonly monthDays: Uint8Array;
  /** `yyyy-mm-dd` and `dd-mm-yyyy` of every working day. */
  readonly isoDates: readonly string[];
  readonly danishDates: readonly string[];
  /** The first position after the last working day. */
  readonly endPos: number;
  private readonly clockSeconds: string[] = [];
  private readonly clockMinutes: string[] = [];

  constructor(first: string, last: string) {
    const from = parseIsoDay(first);
    const to = parseIsoDay(last);
    const days: number[] = [];
    for (let d = from; d <= to; d++) if (isWorkingDay(d)) days.push(d);
    this.days = Int32Array.from(days);
    this.months = new Uint8Array(days.length);
    this.monthDays = new Uint8Array(days.length);
    const iso: string[] = [];
    const danish: string[] = [];
    days.forEach((d, i) => {
      const c = civilFromDays(d);
      this.months[i] = c.month;
      this.monthDays[i] = c.day;
      iso.push(formatIsoDay(d));
      danish.push(formatDanishDay(d));
    });
    this.isoDates = iso;
    this.danishDates = danish;
    this.endPos = days.length * WORKDAY_SECONDS;
    for (let s = 0; s < WORKDAY_SECONDS; s++) {
      const t = WORKDAY_START_SECONDS + s;
      const hm = `${two(Math.floor(t / 3600))}:${two(Math.floor(t / 60) % 60)}`;
      this.clockSeconds.push(`${hm}:${two(t % 60)}`);
      if (s % 60 === 0) this.clockMinutes.push(hm);
    }
  }

  /** Day number of the working day a position falls on. */
  dayNumberAt(pos: number): number {
    return this.days[Math.floor(pos / WORKDAY_SECONDS)] as number;
  }

  /** `yyyy-mm-dd HH:MM:SS`, local time. */
  formatIso(pos: number): string {
    const day = Math.floor(pos / WORKDAY_SECONDS);
    return `${this.isoDates[day]} ${this.clockSeconds[pos - day * WORKDAY_SECONDS]}`;
  }

  /** `dd-mm-yyyy HH:MM`, local time (seconds dropped, as Danish extracts do). */
  formatDanish(pos: number): string {
    const day = Math.floor(pos / WORKDAY_SECONDS);
    return `${this.danishDates[day]} ${this.clockMinutes[Math.floor((pos - day * WORKDAY_SECONDS) / 60)]}`;
  }
}

/** Day number of a `yyyy-mm-dd` text. */
export function parseIsoDay(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`parseIsoDay: not a yyyy-mm-dd date, got ${JSON.stringify(text)}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** `yyyy-mm-dd` of a day number. */
export function formatIsoDay(dayNumber: number): string {
  const c = civilFromDays(dayNumber);
  return `${c.year}-${two(c.month)}-${two(c.day)}`;
}

/** `dd-mm-yyyy` of a day number. */
export function formatDanishDay(dayNumber: number): string {
  const c = civilFromDays(dayNumber);
  return `${two(c.day)}-${two(c.month)}-${c.year}`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
