import type { LoadRow } from '../../db/schema';
import { lineageOf } from '../../governance/lineage';

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** A load row as the REST API shows it: its report with parsed JSON fields and ISO times. */
export function loadJson(row: LoadRow): Record<string, unknown> {
  return {
    id: row.id,
    log: row.log,
    version: row.version,
    process: row.process,
    status: row.status,
    message: row.message,
    files: JSON.parse(row.files) as string[],
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    rows: { read: row.rowsRead, accepted: row.rowsAccepted, duplicates: row.rowsDuplicates, quarantined: row.rowsQuarantined },
    quarantinedByReason: JSON.parse(row.quarantinedByReason) as Record<string, number>,
    cases: row.cases,
    events: row.events,
    firstTimestamp: iso(row.firstTimestamp),
    lastTimestamp: iso(row.lastTimestamp),
    columns: row.columns === null ? null : (JSON.parse(row.columns) as unknown),
    lineage: lineageOf(row),
  };
}
