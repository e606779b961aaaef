import type { EventLog } from '../event-log/types';
import type { FindingsInput } from './types';

/** A string per case, interned: `names[codes[c]]`. */
export interface CaseCodes {
  names: string[];
  codes: Int32Array;
}

/** Interns `valueOf(c)` for every case of `log`. */
export function caseCodes(log: EventLog, valueOf: (c: number) => string): CaseCodes {
  const n = log.caseIds.length;
  const codes = new Int32Array(n);
  const index = new Map<string, number>();
  const names: string[] = [];
  for (let c = 0; c < n; c++) {
    const v = valueOf(c);
    let code = index.get(v);
    if (code === undefined) {
      code = names.length;
      index.set(v, code);
      names.push(v);
    }
    codes[c] = code;
  }
  return { names, codes };
}

/** The UTC month `YYYY-MM` of an epoch-ms instant. */
export function utcMonth(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Jobcenter codes per case: from `input.jobcenterOf`, else the `jobcenter` case attribute ('' when absent). */
export function jobcenterCodes(input: FindingsInput): CaseCodes {
  if (input.jobcenterOf) return caseCodes(input.log, input.jobcenterOf);
  const column = input.log.caseAttributes.get('jobcenter');
  return caseCodes(input.log, (c) => {
    const code = column ? column.codes[c]! : -1;
    return code >= 0 ? column!.values[code]! : '';
  });
}

/** Month codes per case (month of the case's first event). */
export function periodCodes(input: FindingsInput): CaseCodes {
  const periodOf = input.periodOf ?? utcMonth;
  const { log } = input;
  return caseCodes(log, (c) => periodOf(log.timestamp[log.caseOffsets[c]!]!));
}

/** Milliseconds in a (Julian) year, for yearly figures. */
export const YEAR_MS = 365.25 * 86_400_000;

/** Factor from the log's own span (first to last event, at least one day) to a year. */
export function yearFactor(log: EventLog): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < log.timestamp.length; i++) {
    const t = log.timestamp[i]!;
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (!(hi > lo)) return 1;
  return YEAR_MS / Math.max(86_400_000, hi - lo);
}
