import type Database from 'better-sqlite3';
import { NotFoundError } from '@sagsflow/shared';
import { drizzleOf } from '../connection';
import { currentVersionOf } from '../load-queries';

/** One version of a log as `sagsflow versions list` and `GET /api/logs/:name/versions` show it. */
export interface VersionInfo {
  version: number;
  /** When its load finished (ISO 8601). */
  loadedAt: string | null;
  /** The token that loaded it (id and name), null for the command line or when not recorded. */
  loadedBy: { tokenId: string; name: string | null } | null;
  /** Input file names, masked as in `loads.files`. */
  files: string[];
  /** `read = accepted + duplicates + quarantined`, for the files of this load. */
  rows: { read: number; accepted: number; duplicates: number; quarantined: number };
  cases: number;
  events: number;
  /** The version it was appended to (`ingest --append`), else null. */
  appendedTo: number | null;
  current: boolean;
  /** Whether its events are kept, so it can be made current again. */
  kept: boolean;
}

interface VersionDbRow {
  version: number;
  finished_at: number | null;
  files: string;
  rows_read: number;
  rows_accepted: number;
  rows_duplicates: number;
  rows_quarantined: number;
  cases: number;
  events: number;
  loaded_by: string | null;
  token_name: string | null;
  recipe: string | null;
  kept: number | null;
  current: number;
}

/**
 * The stored versions of a log, newest first, with their load figures and which one is
 * current. A version loaded before migration 0015 counts as kept only when it is current.
 * Throws `NotFoundError` when there is no such log.
 */
export function listVersions(sqlite: Database.Database, log: string): VersionInfo[] {
  const head = currentVersionOf(drizzleOf(sqlite), log);
  if (head === null) throw new NotFoundError(`no log named '${log}'`);
  const rows = sqlite
    .prepare(
      `SELECT l.version, l.finished_at, l.files, l.rows_read, l.rows_accepted, l.rows_duplicates, l.rows_quarantined, l.cases, l.events,
              v.loaded_by, t.name AS token_name, v.recipe, v.kept, l.version = ? AS current
       FROM loads l LEFT JOIN log_versions v ON v.log = l.log AND v.version = l.version LEFT JOIN tokens t ON t.id = v.loaded_by
       WHERE l.log = ? AND l.status = 'stored' AND l.id = (SELECT max(id) FROM loads m WHERE m.log = l.log AND m.version = l.version AND m.status = 'stored')
       ORDER BY l.version DESC`,
    )
    .all(head, log) as VersionDbRow[];
  return rows.map((r) => ({
    version: r.version,
    loadedAt: r.finished_at === null ? null : new Date(r.finished_at).toISOString(),
    loadedBy: r.loaded_by === null ? null : { tokenId: r.loaded_by, name: r.token_name },
    files: JSON.parse(r.files) as string[],
    rows: { read: r.rows_read, accepted: r.rows_accepted, duplicates: r.rows_duplicates, quarantined: r.rows_quarantined },
    cases: r.cases,
    events: r.events,
    appendedTo: r.recipe === null ? null : ((JSON.parse(r.recipe) as { appendedTo?: number }).appendedTo ?? null),
    current: r.current === 1,
    kept: r.current === 1 || r.kept === 1,
  }));
}
