import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { SagsflowDb } from './client';
import { tokens, type TokenRow } from './schema';

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

/** Stores a new token row (its hash, never the token). */
export function insertToken(db: SagsflowDb, row: TokenRow): void {
  db.insert(tokens).values(row).run();
}

/** Every token row, in storage order. */
export function allTokens(db: SagsflowDb): TokenRow[] {
  return db.select().from(tokens).all();
}

/** The token row with this id, or undefined. */
export function tokenById(db: SagsflowDb, id: string): TokenRow | undefined {
  return db.select().from(tokens).where(eq(tokens.id, id)).get();
}

/** The token row with this sha256 hash, or undefined. */
export function tokenByHash(db: SagsflowDb, hash: string): TokenRow | undefined {
  return db.select().from(tokens).where(eq(tokens.hash, hash)).get();
}

/** Sets a token's revocation time. */
export function setTokenRevoked(db: SagsflowDb, id: string, now: Date): void {
  db.update(tokens).set({ revokedAt: now }).where(eq(tokens.id, id)).run();
}
