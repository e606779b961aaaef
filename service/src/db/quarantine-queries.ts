import { count, eq } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { quarantine } from './schema';

/** A quarantined row as the REST API lists it. */
export type QuarantineRow = Pick<
  typeof quarantine.$inferSelect,
  'id' | 'loadId' | 'log' | 'version' | 'file' | 'line' | 'column' | 'reason' | 'message' | 'raw'
>;

/** The number of quarantined rows, of one log or of all. */
export function countQuarantine(db: SagsflowDb, log: string | undefined): number {
  return (
    db
      .select({ n: count() })
      .from(quarantine)
      .where(log ? eq(quarantine.log, log) : undefined)
      .get()?.n ?? 0
  );
}

/** One page of quarantined rows, of one log or of all, by id. */
export function quarantinePage(db: SagsflowDb, log: string | undefined, limit: number, offset: number): QuarantineRow[] {
  const q = quarantine;
  return db
    .select({
      id: q.id,
      loadId: q.loadId,
      log: q.log,
      version: q.version,
      file: q.file,
      line: q.line,
      column: q.column,
      reason: q.reason,
      message: q.message,
      raw: q.raw,
    })
    .from(q)
    .where(log ? eq(q.log, log) : undefined)
    .orderBy(q.id)
    .limit(limit)
    .offset(offset)
    .all();
}
