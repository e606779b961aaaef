import { desc } from 'drizzle-orm';
import type { SagsflowDb } from '../db/client';
import { audit, type AuditRow } from '../db/schema';

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

/** The latest audit entries, newest first. */
export function listAudit(db: SagsflowDb, limit = 100): AuditRow[] {
  return db.select().from(audit).orderBy(desc(audit.ts), desc(audit.id)).limit(limit).all();
}
