import type Database from 'better-sqlite3';
import { desc, isNotNull, max } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { audit, type AuditRow } from './schema';
import { cachedStatement } from './sql/statement-cache';

/** One audit entry: who (token id, null for the command line) did what to what. */
export interface AuditEntry {
  tokenId: string | null;
  /** E.g. `load`, `delete-log`, `read`, `token-create`, `token-revoke`. */
  action: string;
  /** E.g. the log name or the entity set read. */
  target?: string | null;
  /** Free text or JSON; never personal data. */
  detail?: string | null;
  ts?: Date;
}

/** Appends one entry to the audit table. */
export function recordAudit(db: SagsflowDb, entry: AuditEntry): void {
  db.insert(audit)
    .values({
      ts: entry.ts ?? new Date(),
      tokenId: entry.tokenId,
      action: entry.action,
      target: entry.target ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}

/**
 * Appends entries (`ts` in epoch ms) to the audit table in one transaction, with one prepared
 * statement: the server's audit queue writes a read per request, and building each insert
 * anew cost about as much as the rest of a cached answer.
 */
export function insertAuditRows(sqlite: Database.Database, entries: readonly (Omit<AuditEntry, 'ts'> & { ts: number })[]): void {
  const insert = cachedStatement(sqlite, 'INSERT INTO audit (ts, token_id, action, target, detail) VALUES (?, ?, ?, ?, ?)');
  sqlite.transaction(() => {
    for (const e of entries) insert.run(e.ts, e.tokenId, e.action, e.target ?? null, e.detail ?? null);
  })();
}

/** The latest audit entries, newest first. */
export function listAudit(db: SagsflowDb, limit = 100): AuditRow[] {
  return db.select().from(audit).orderBy(desc(audit.ts), desc(audit.id)).limit(limit).all();
}

/** The time of each token's latest audit entry, by token id. */
export function lastAuditByToken(db: SagsflowDb): Map<string, Date> {
  return new Map(
    db
      .select({ id: audit.tokenId, ts: max(audit.ts) })
      .from(audit)
      .where(isNotNull(audit.tokenId))
      .groupBy(audit.tokenId)
      .all()
      .map((r) => [r.id!, r.ts!] as const),
  );
}

/** One audit entry with its token's name and role: ts, token id, name, role, action, target, detail. */
export type AuditExportRow = [number, string | null, string | null, string | null, string, string | null, string | null];

/** The audit entries with `from <= ts < to` (ms), oldest first, with the name and role of their token. */
export function auditRows(sqlite: Database.Database, from: number, to: number): AuditExportRow[] {
  return sqlite
    .prepare(
      `SELECT a.ts, a.token_id, t.name, t.role, a.action, a.target, a.detail
       FROM audit a LEFT JOIN tokens t ON t.id = a.token_id
       WHERE a.ts >= ? AND a.ts < ? ORDER BY a.ts, a.id`,
    )
    .raw()
    .all(from, to) as AuditExportRow[];
}
