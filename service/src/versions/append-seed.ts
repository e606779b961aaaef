import type Database from 'better-sqlite3';
import type { EventLogBuilder } from '@sagsflow/shared';
import { copyVersionEvents, versionEventFields, versionEventSpan, type StoredEventFields } from '../db/append-seed';
import { storedCases } from '../db/log-versions/index';
import { addStoredEvents } from './rebuild';

/** What `ingest --append` started the new version with: the current version's events. */
export interface AppendSeed {
  /** The version appended to. */
  from: number;
  /** Events copied from it. */
  events: number;
  firstTimestamp: number | null;
  lastTimestamp: number | null;
  /** True (and counted) when an event of the new extract is already in the version appended to. */
  isDuplicate(event: StoredEventFields): boolean;
  /** Events of the new extract found in the version appended to (and dropped). */
  readonly duplicates: number;
}

const key = (e: StoredEventFields): string => e.map((v) => (v === null ? '\u0001' : String(v))).join('\u0000');

/**
 * Starts version `to` of `log` with the events of version `from` (copied in their order, in the
 * load's transaction) and adds them with their case attributes to `builder`, so that the new
 * version holds old + new events. Events of the new extract that are already in `from`
 * (pseudonymised and masked alike: the same input row) are recognised by `isDuplicate`; they
 * are dropped unless `keepDuplicates` is true, as exact duplicates within one load are.
 */
export function seedAppend(
  sqlite: Database.Database,
  target: { log: string; from: number; to: number; process: string | null },
  builder: EventLogBuilder,
  keepDuplicates: boolean,
): AppendSeed {
  const { log, from, to } = target;
  copyVersionEvents(sqlite, log, from, to);
  const events = addStoredEvents(sqlite, { log, version: to, process: target.process }, storedCases(sqlite, log, from), builder);
  const span = versionEventSpan(sqlite, log, to);
  const seen = new Set<string>();
  if (!keepDuplicates) for (const row of versionEventFields(sqlite, log, to)) seen.add(key(row));
  let duplicates = 0;
  return {
    from,
    events,
    firstTimestamp: span.first,
    lastTimestamp: span.last,
    isDuplicate(event) {
      if (seen.size === 0 || !seen.has(key(event))) return false;
      duplicates++;
      return true;
    },
    get duplicates() {
      return duplicates;
    },
  };
}
