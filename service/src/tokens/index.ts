export { createToken, hashToken, listTokens, revokeToken, roleAllows, ROLES, TOKEN_PREFIX, verifyToken } from './tokens';
export type { CreatedToken, CreateTokenOptions, TokenInfo, VerifiedToken } from './tokens';
export { listAudit, recordAudit } from './audit';
export type { AuditEntry } from './audit';
export { isUnused, LAST_USE_INTERVAL_MS, noteTokenUse } from './access-review';
export { auditCsv } from './audit-export';
