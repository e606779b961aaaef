import type { SagsflowDatabase } from '../db/client';
import { writeRetentionYears } from '../db/governance-queries';

/**
 * Stores the retention period of a log (null = no limit); false when there is no such log. Apart
 * from `retention.ts` so that a load stores the period without loading the removal and rebuild
 * code (and the catalogue parser it uses) when the log has no period to apply.
 */
export function setRetention(store: SagsflowDatabase, log: string, years: number | null): boolean {
  if (years !== null && !(Number.isInteger(years) && years > 0))
    throw new Error(`--retention-years: expected a whole number of years above 0, got ${years}`);
  return writeRetentionYears(store.sqlite, log, years);
}
