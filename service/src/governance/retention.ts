import { markCasesEndedBefore } from '../db/case-removal-queries';
import type { SagsflowDatabase } from '../db/client';
import { compact, enableSecureDelete } from '../db/compact';
import { retentionLimits } from '../db/governance-queries';
import { recordAudit } from '../tokens/index';
import { removeCases, type RemovedCases } from './remove-cases';

/** What retention removed (or would remove) from one log: counts only. */
export interface RetentionOutcome extends RemovedCases {
  log: string;
  retentionYears: number;
  /** Cases whose last event is before this instant are past the limit. */
  cutoff: Date;
}

/** `now` minus `years` calendar years (UTC; 29 February falls back to 28 February). */
export function retentionCutoff(now: Date, years: number): Date {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  if (d.getUTCDate() !== now.getUTCDate()) d.setUTCDate(0);
  return d;
}

/**
 * Applies the retention period of every log that has one: removes the cases whose last event
 * (latest start or end time) is before `now` minus the period from every case-level table and
 * the quarantine, rebuilds the model tables, records the counts in the audit (never values)
 * and vacuums. With `dryRun` it only counts; with `log`, only that log (as every load does after it commits).
 */
export function applyRetention(
  store: SagsflowDatabase,
  options: { now?: Date; dryRun?: boolean; tokenId?: string | null; log?: string } = {},
): RetentionOutcome[] {
  const now = options.now ?? new Date();
  const { sqlite } = store;
  const limits = retentionLimits(sqlite, options.log);
  const outcomes: RetentionOutcome[] = [];
  if (!options.dryRun) enableSecureDelete(sqlite);
  for (const { name, years } of limits) {
    const cutoff = retentionCutoff(now, years);
    const removed = removeCases(sqlite, () => markCasesEndedBefore(sqlite, name, cutoff.getTime()), {
      dryRun: options.dryRun === true,
    });
    outcomes.push({ log: name, retentionYears: years, cutoff, ...removed });
    if (!options.dryRun) {
      const total = Object.values(removed.rows).reduce((a, b) => a + b, 0);
      recordAudit(store.db, {
        tokenId: options.tokenId ?? null,
        action: 'retention',
        target: name,
        detail: JSON.stringify({
          retentionYears: years,
          cutoff: cutoff.toISOString(),
          cases: removed.cases,
          rows: total,
          byTable: removed.rows,
        }),
        ts: now,
      });
    }
  }
  if (!options.dryRun && outcomes.some((o) => o.cases > 0)) compact(sqlite, store.path);
  return outcomes;
}
