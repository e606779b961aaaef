export { listAudit, recordAudit, type AuditEntry } from '../db/audit-queries';
