import type { LoadRow } from '../db/schema';
import type { LoadReport } from './load-report';

/** The report of a stored load, as returned for an unchanged reload. */
export function reportOfLoad(l: LoadRow, log: string, hash: string): Omit<LoadReport, 'status' | 'startedAt' | 'finishedAt' | 'model'> {
  return {
    loadId: l.id,
    log,
    version: l.version ?? 0,
    files: JSON.parse(l.files) as string[],
    contentHash: hash,
    rows: { read: l.rowsRead, accepted: l.rowsAccepted, duplicates: l.rowsDuplicates, quarantined: l.rowsQuarantined },
    quarantinedByReason: JSON.parse(l.quarantinedByReason) as Record<string, number>,
    cases: l.cases,
    events: l.events,
    firstTimestamp: l.firstTimestamp?.getTime() ?? null,
    lastTimestamp: l.lastTimestamp?.getTime() ?? null,
  };
}

/** Text whose pseudonym is kept per load as `key_check`. */
export { KEY_CHECK_TEXT } from '../privacy/key-care';

/** The key check of the latest stored load of the database (any log), or null before the first. */
export { storedKeyCheck } from '../db/load-queries';
