import type Database from 'better-sqlite3';
import type { TokenInfo } from './tokens';
import { withoutBusyWait } from '../db/connection';
import { touchToken } from '../db/token-queries';

/** `last_used_at` is written at most this often per token (ms). */
export const LAST_USE_INTERVAL_MS = 60_000;

const DAY_MS = 86_400_000;

/**
 * True when an active (not revoked, not expired) token has not been used for `days` days at
 * `now`; a token never used counts from its creation.
 */
export function isUnused(t: TokenInfo, days: number, now: Date): boolean {
  if (t.revokedAt !== null) return false;
  if (t.expiresAt !== null && t.expiresAt.getTime() <= now.getTime()) return false;
  const since = (t.lastUsedAt ?? t.createdAt).getTime();
  return now.getTime() - since >= days * DAY_MS;
}

const written = new WeakMap<Database.Database, Map<string, number>>();

/**
 * Records that token `id` was used at `now` in `tokens.last_used_at`, at most once a minute per
 * token (`stored` is the value read with the token). Never waits for the write lock: while a
 * load holds it, the write is skipped and the next request after it retries.
 */
export function noteTokenUse(sqlite: Database.Database, id: string, stored: number | null, now: number = Date.now()): void {
  let seen = written.get(sqlite);
  if (!seen) written.set(sqlite, (seen = new Map()));
  const last = Math.max(stored ?? -Infinity, seen.get(id) ?? -Infinity);
  if (now - last < LAST_USE_INTERVAL_MS) return;
  try {
    withoutBusyWait(sqlite, () => touchToken(sqlite, id, now));
    seen.set(id, now);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED' && code !== 'SQLITE_READONLY') throw error;
  }
}
