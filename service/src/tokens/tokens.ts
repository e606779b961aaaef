import { createHash, randomBytes } from 'node:crypto';
import { lastAuditByToken } from '../db/audit-queries';
import type { SagsflowDb } from '../db/client';
import type { Role, TokenRow } from '../db/schema';
import { allTokens, insertToken, setTokenRevoked, tokenByHash, tokenById } from '../db/token-queries';
import { ROLES } from './roles';

/** Every token starts with this, so a leaked one is recognisable (e.g. by secret scanners). */
export const TOKEN_PREFIX = 'sf_';

export { ROLES } from './roles';

/** Options of `createToken`. */
export interface CreateTokenOptions {
  role: Role;
  /** A label shown in `listTokens`; defaults to the role. */
  name?: string;
  /** Jobcenters this token may see; empty or absent = all. */
  jobcenters?: readonly string[];
  /** Days until the token expires; absent = never. */
  expiresDays?: number;
  now?: Date;
}

/** A token as listed: everything but its hash. */
export interface TokenInfo {
  id: string;
  name: string;
  role: Role;
  /** null = every jobcenter. */
  jobcenters: string[] | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Last authenticated use (the later of `last_used_at` and the token's latest audit entry); null = never. */
  lastUsedAt: Date | null;
}

/** A new token: `token` is the secret, shown once and never stored. */
export interface CreatedToken extends TokenInfo {
  token: string;
}

/** sha256 hex of a token: the only form in which tokens are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function info(row: TokenRow): TokenInfo {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    jobcenters: row.jobcenters === null ? null : (JSON.parse(row.jobcenters) as string[]),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt ?? null,
  };
}

/**
 * Creates a token (`sf_` + 32 random bytes base64url) and stores only its sha256.
 *
 * @example
 * const { id, token } = createToken(store.db, { role: 'viewer', jobcenters: ['Nord'], expiresDays: 90 });
 */
export function createToken(db: SagsflowDb, options: CreateTokenOptions): CreatedToken {
  if (!ROLES.includes(options.role)) {
    throw new Error(`createToken: unknown role "${String(options.role)}", expected one of ${ROLES.join(', ')}`);
  }
  if (options.expiresDays !== undefined && !(options.expiresDays > 0)) {
    throw new Error(`createToken: expires must be a positive number of days, got ${options.expiresDays}`);
  }
  const now = options.now ?? new Date();
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const jobcenters = options.jobcenters && options.jobcenters.length > 0 ? [...new Set(options.jobcenters)] : null;
  const row: TokenRow = {
    id: 't_' + randomBytes(6).toString('hex'),
    name: options.name ?? options.role,
    role: options.role,
    jobcenters: jobcenters === null ? null : JSON.stringify(jobcenters),
    hash: hashToken(token),
    createdAt: now,
    expiresAt: options.expiresDays === undefined ? null : new Date(now.getTime() + options.expiresDays * 86_400_000),
    revokedAt: null,
    lastUsedAt: null,
  };
  insertToken(db, row);
  return { ...info(row), token };
}

/** Every token, newest first, without hashes; `lastUsedAt` also counts the token's audit entries. */
export function listTokens(db: SagsflowDb): TokenInfo[] {
  const audited = lastAuditByToken(db);
  return allTokens(db)
    .map((row) => {
      const i = info(row);
      const seen = audited.get(i.id);
      if (seen && (i.lastUsedAt === null || seen.getTime() > i.lastUsedAt.getTime())) i.lastUsedAt = seen;
      return i;
    })
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

/** Revokes a token by id; false when there is no such token or it was already revoked. */
export function revokeToken(db: SagsflowDb, id: string, now: Date = new Date()): boolean {
  const row = tokenById(db, id);
  if (!row || row.revokedAt !== null) return false;
  setTokenRevoked(db, id, now);
  return true;
}

/** What a presented token grants; `valid` is false when it has expired or was revoked. */
export interface VerifiedToken {
  id: string;
  name: string;
  role: Role;
  jobcenters: string[] | null;
  expired: boolean;
  revoked: boolean;
  valid: boolean;
  /** `tokens.last_used_at` as stored (ms), null when never written. */
  lastUsedAt: number | null;
}

/** Looks a presented token up by its hash; null when it is unknown. */
export function verifyToken(db: SagsflowDb, token: string, now: Date = new Date()): VerifiedToken | null {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = tokenByHash(db, hashToken(token));
  if (!row) return null;
  const expired = row.expiresAt !== null && row.expiresAt.getTime() <= now.getTime();
  const revoked = row.revokedAt !== null;
  const i = info(row);
  return {
    id: i.id,
    name: i.name,
    role: i.role,
    jobcenters: i.jobcenters,
    expired,
    revoked,
    valid: !expired && !revoked,
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
  };
}

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when `role` may do what `needed` may (admin > analyst > viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}
