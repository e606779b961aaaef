import type { EventLog } from '../event-log/types';
import { discoverVariants, type Variants } from '../variants/discover-variants';

/** Statistics of one case. */
export interface CaseStatistics {
  caseIndex: number;
  caseId: string;
  /** First and last timestamp, epoch ms. */
  start: number;
  end: number;
  /** end - start, ms. */
  durationMs: number;
  events: number;
  variantKey: string;
  /** False when `closedBy` was given and the case's last activity is not in it. */
  closed: boolean;
}

/** Options of `caseStatistics`. */
export interface CaseStatisticsOptions {
  /** End activities that close a case; without it every case counts as closed. */
  closedBy?: readonly string[];
  /** Variants already discovered for this log, to avoid discovering them again. */
  variants?: Variants;
}

/**
 * One row per case, in case order: start, end, duration, events, variant key and
 * whether it is closed.
 *
 * @example caseStatistics(log, { closedBy: ['Afmeldt'] }).filter((c) => !c.closed)
 */
export function caseStatistics(log: EventLog, options: CaseStatisticsOptions = {}): CaseStatistics[] {
  const { variants, variantOfCase } = options.variants ?? discoverVariants(log);
  const closing = new Uint8Array(log.activities.length);
  if (options.closedBy) {
    for (const name of options.closedBy) {
      const id = log.activities.indexOf(name);
      if (id >= 0) closing[id] = 1;
    }
  } else closing.fill(1);
  const out: CaseStatistics[] = new Array(log.caseIds.length);
  for (let c = 0; c < log.caseIds.length; c++) {
    const lo = log.caseOffsets[c]!;
    const hi = log.caseOffsets[c + 1]!;
    const start = log.timestamp[lo]!;
    const end = log.timestamp[hi - 1]!;
    out[c] = {
      caseIndex: c,
      caseId: log.caseIds[c]!,
      start,
      end,
      durationMs: end - start,
      events: hi - lo,
      variantKey: variants[variantOfCase[c]!]!.key,
      closed: closing[log.activity[hi - 1]!] === 1,
    };
  }
  return out;
}
