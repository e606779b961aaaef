import { asc, desc, eq } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { loads, logs } from './schema';

/** A stored log as the `logs` table holds it. */
export type LogRow = typeof logs.$inferSelect;

/** A load report as the `loads` table holds it. */
export type LoadRow = typeof loads.$inferSelect;

/** Every log, by name. */
export function allLogs(db: SagsflowDb): LogRow[] {
  return db.select().from(logs).orderBy(asc(logs.name)).all();
}

/** The log of that name, or undefined when there is none. */
export function logNamed(db: SagsflowDb, name: string): LogRow | undefined {
  return db.select().from(logs).where(eq(logs.name, name)).get();
}

/** A log's load reports, newest first. */
export function loadsOfLog(db: SagsflowDb, log: string): LoadRow[] {
  return db.select().from(loads).where(eq(loads.log, log)).orderBy(desc(loads.id)).all();
}

/** The newest load reports (of one log, or of all when `log` is undefined), newest first, at most `limit`. */
export function recentLoads(db: SagsflowDb, log: string | undefined, limit: number): LoadRow[] {
  const q = db.select().from(loads);
  return (log ? q.where(eq(loads.log, log)) : q).orderBy(desc(loads.id)).limit(limit).all();
}

/** The load report with that id, or undefined when there is none. */
export function loadById(db: SagsflowDb, id: number): LoadRow | undefined {
  return db.select().from(loads).where(eq(loads.id, id)).get();
}
