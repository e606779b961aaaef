import type Database from 'better-sqlite3';
import { EventLogBuilder, NotFoundError, type EventLog } from '@sagsflow/shared';
import { and, desc, eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { logHead } from './log-queries';
import { jobcenterScope } from './sql/scope';
import { ruleCatalogues, type RuleCatalogueDbRow } from './schema';

/** The current version of a stored log, back in memory for analyses that need events. */
export interface StoredLog {
  name: string;
  version: number;
  /** The process given at load time, null when it came from a column. */
  process: string | null;
  /** Case attributes `jobcenter` and `process` are set on every case that has them. */
  log: EventLog;
  /** 1 for each case (in `log` order) whose last activity is an end activity of its process. */
  finished: Uint8Array;
}

/** Options of `readStoredLog`. */
export interface ReadStoredLogOptions {
  /** Only these jobcenters' cases (a token's scope); undefined for all. */
  jobcenters?: readonly string[];
}

/**
 * Reads the events of a log's current version into an `EventLog` (pseudonymised case ids and
 * resources, as stored), with each case's jobcenter and process as case attributes and
 * whether the case is finished (`cases.open` of the precompute).
 *
 * @example
 * const { log, finished } = readStoredLog(store.sqlite, 'dagpenge');
 */
export function readStoredLog(sqlite: Database.Database, name: string, options: ReadStoredLogOptions = {}): StoredLog {
  const head = logHead(sqlite, name);
  if (!head) throw new NotFoundError(`readStoredLog: no log named '${name}'; sagsflow ingest loads one`);
  const scope = jobcenterScope('jobcenter', options.jobcenters ?? null);
  const inScope = scope.map((f) => ` AND ${f.sql}`).join('');
  const scopeParams = scope.flatMap((f) => f.params);
  const caseRows = new Map<string, { open: number; process: string | null }>();
  const cases = sqlite.prepare(`SELECT case_id, open, process FROM cases WHERE log = ?${inScope}`);
  for (const row of cases.raw().iterate(name, ...scopeParams) as Iterable<[string, number, string | null]>) {
    caseRows.set(row[0], { open: row[1], process: row[2] });
  }
  const builder = new EventLogBuilder();
  const events = sqlite.prepare(
    `SELECT case_id, activity, timestamp, resource, lifecycle, jobcenter FROM events WHERE log = ? AND version = ?${inScope} ORDER BY id`,
  );
  for (const row of events.raw().iterate(name, head.version, ...scopeParams) as Iterable<
    [string, string, number, string | null, string | null, string | null]
  >) {
    builder.addEvent(row[0], row[1], row[2], row[3], row[4]);
    if (row[5] !== null) builder.setCaseAttribute('jobcenter', row[5]);
    const process = caseRows.get(row[0])?.process;
    if (process) builder.setCaseAttribute('process', process);
  }
  const log = builder.build();
  const finished = new Uint8Array(log.caseIds.length);
  log.caseIds.forEach((caseId, c) => {
    finished[c] = caseRows.get(caseId)?.open === 0 ? 1 : 0;
  });
  return { name, version: head.version, process: head.process, log, finished };
}

/** The rule catalogue attached last to a log version (its name, YAML text and as-of date), or null. */
export function readAttachedCatalogue(sqlite: Database.Database, name: string, version: number): RuleCatalogueDbRow | null {
  const row = drizzleOf(sqlite)
    .select()
    .from(ruleCatalogues)
    .where(and(eq(ruleCatalogues.log, name), eq(ruleCatalogues.version, version)))
    .orderBy(desc(ruleCatalogues.id))
    .get();
  return row ?? null;
}
