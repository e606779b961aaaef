import type Database from 'better-sqlite3';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { storedCases } from '../db/log-versions/index';
import { addStoredEvents } from '../versions/rebuild';

/**
 * A stored log version back in memory as the load built it: events in load order with their
 * resource, lifecycle and attributes, and per case its jobcenter, process (when the log has no
 * `--process`) and case attributes. The summary tables are rebuilt from it.
 */
export function storedEventLog(sqlite: Database.Database, log: string, version: number, process: string | null): EventLog {
  const builder = new EventLogBuilder();
  addStoredEvents(sqlite, { log, version, process }, storedCases(sqlite, log, version), builder);
  return builder.build();
}
