import type Database from 'better-sqlite3';

/** Sets a token's last use time (ms since the epoch). */
export function touchToken(sqlite: Database.Database, id: string, now: number): void {
  sqlite.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(now, id);
}

/** The name of the token with this id, or undefined. */
export function tokenName(sqlite: Database.Database, id: string): string | undefined {
  return sqlite.prepare('SELECT name FROM tokens WHERE id = ?').pluck().get(id) as string | undefined;
}

/** Every jobcenter with rows in any log, sorted. */
export function knownJobcenters(sqlite: Database.Database): string[] {
  return sqlite.prepare('SELECT DISTINCT jobcenter FROM jobcenters ORDER BY jobcenter').pluck().all() as string[];
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
