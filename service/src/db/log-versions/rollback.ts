import type Database from 'better-sqlite3';
import { EventLogBuilder, NotFoundError } from '@sagsflow/shared';
import { drizzleOf } from '../connection';
import { currentVersionOf } from '../load-queries';
import { deleteLogVersion } from '../versions';
import { archiveVersion, isArchived, restoreArchivedVersion } from './archive';
import { recipeOf } from './recipe';
import { addStoredEvents, buildVersionTables } from './rebuild';

/** Why a rollback cannot be done (the caller's input): the message names the option. */
export class RollbackError extends Error {
  override name = 'RollbackError';
  constructor(
    /** `unknown`: no such version; `current`: it is current already; `pruned`: its events are no longer kept. */
    readonly kind: 'unknown' | 'current' | 'pruned',
    message: string,
  ) {
    super(message);
  }
}

/** What a rollback did. */
export interface RollbackResult {
  log: string;
  /** The version that was current before. */
  from: number;
  /** The version that is current now. */
  to: number;
  cases: number;
  events: number;
}

/**
 * Makes an earlier kept version of `log` current again, in one transaction: the current
 * version's events and case attributes are kept in the archive, every versioned table is
 * cleared for the log, the earlier version's events come back to `events` and its model,
 * viewer-grade, compliance, conformance and findings tables are rebuilt with the recipe it was
 * loaded with; `logs.current_version` then names it, so every route, OData set, CSV and the
 * visual serve it. The caller audits. Throws `NotFoundError` for an unknown log and
 * `RollbackError` for a version that is current, unknown or no longer kept.
 */
export function rollbackVersion(sqlite: Database.Database, log: string, to: number, now: () => Date = () => new Date()): RollbackResult {
  return sqlite.transaction(() => {
    const from = currentVersionOf(drizzleOf(sqlite), log);
    if (from === null) throw new NotFoundError(`no log named '${log}'`);
    if (to === from) throw new RollbackError('current', `--to: version ${to} of log '${log}' is already current`);
    const exists = sqlite.prepare("SELECT 1 FROM loads WHERE log = ? AND version = ? AND status = 'stored'").get(log, to);
    if (!exists) throw new RollbackError('unknown', `--to: log '${log}' has no version ${to} (sagsflow versions list shows its versions)`);
    if (!isArchived(sqlite, log, to))
      throw new RollbackError(
        'pruned',
        `--to: version ${to} of log '${log}' is no longer kept (its events were pruned), so it cannot be made current`,
      );
    archiveVersion(sqlite, log, from);
    deleteLogVersion(sqlite, log);
    const cases = restoreArchivedVersion(sqlite, log, to);
    const recipe = recipeOf(sqlite, log, to);
    const builder = new EventLogBuilder();
    const events = addStoredEvents(sqlite, { log, version: to, process: recipe.process }, cases, builder);
    const eventLog = builder.build();
    buildVersionTables(sqlite, { log, version: to }, recipe, eventLog);
    sqlite
      .prepare('UPDATE logs SET current_version = ?, process = ?, updated_at = ? WHERE name = ?')
      .run(to, recipe.process, now().getTime(), log);
    return { log, from, to, cases: eventLog.caseIds.length, events };
  })();
}
