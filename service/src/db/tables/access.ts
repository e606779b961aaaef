import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Roles in increasing power: viewers read aggregates, analysts also load, admins manage tokens. */
export type Role = 'viewer' | 'analyst' | 'admin';

/** API tokens. Only the sha256 of a token is stored; the token itself is shown once. */
export const tokens = sqliteTable('tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role').$type<Role>().notNull(),
  /** JSON array of jobcenters this token may see, null for all. */
  jobcenters: text('jobcenters'),
  hash: text('hash').notNull().unique(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  /** Last authenticated request with the token, written at most once a minute; null = never used since migration 0011. */
  lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
});

/** Who loaded, deleted or read what, and when. */
export const audit = sqliteTable(
  'audit',
  {
    id: integer('id').primaryKey(),
    ts: integer('ts', { mode: 'timestamp_ms' }).notNull(),
    /** The acting token, null for the command line. */
    tokenId: text('token_id'),
    action: text('action').notNull(),
    target: text('target'),
    detail: text('detail'),
  },
  (t) => [index('audit_ts_idx').on(t.ts)],
);

export type TokenRow = typeof tokens.$inferSelect;
export type AuditRow = typeof audit.$inferSelect;
