import type Database from 'better-sqlite3';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE } from '../precompute/case-groups';

/**
 * A stored log version back in memory as the load built it: events in load order with their
 * resource, lifecycle and attributes, and per case its jobcenter, process (when the log has no
 * `--process`) and case attributes. The summary tables are rebuilt from it.
 */
export function storedEventLog(sqlite: Database.Database, log: string, version: number, process: string | null): EventLog {
  const cases = new Map<string, { process: string; jobcenter: string; attributes: string | null }>();
  for (const c of sqlite
    .prepare('SELECT case_id, process, jobcenter, attributes FROM cases WHERE log = ? AND version = ?')
    .iterate(log, version) as Iterable<{ case_id: string; process: string; jobcenter: string; attributes: string | null }>)
    cases.set(c.case_id, c);
  const builder = new EventLogBuilder();
  let lastCase: string | null = null;
  const events = sqlite.prepare(
    'SELECT case_id, activity, timestamp, resource, lifecycle, attributes FROM events WHERE log = ? AND version = ? ORDER BY id',
  );
  type Row = {
    case_id: string;
    activity: string;
    timestamp: number;
    resource: string | null;
    lifecycle: string | null;
    attributes: string | null;
  };
  for (const e of events.iterate(log, version) as Iterable<Row>) {
    builder.addEvent(e.case_id, e.activity, e.timestamp, e.resource, e.lifecycle);
    if (e.attributes)
      for (const [k, v] of Object.entries(JSON.parse(e.attributes) as Record<string, string>)) builder.setEventAttribute(k, v);
    if (e.case_id === lastCase) continue;
    lastCase = e.case_id;
    const c = cases.get(e.case_id);
    if (!c) continue;
    if (c.jobcenter !== 'ukendt') builder.setCaseAttribute(JOBCENTER_ATTRIBUTE, c.jobcenter);
    if (process === null) builder.setCaseAttribute(PROCESS_ATTRIBUTE, c.process);
    if (c.attributes)
      for (const [k, v] of Object.entries(JSON.parse(c.attributes) as Record<string, string>)) builder.setCaseAttribute(k, v);
  }
  return builder.build();
}
