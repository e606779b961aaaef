import type { TableInfo } from '../model/table-info';
import type { Role } from '../../db/schema';
import { roleAllows } from '../../tokens';

export type { Role };

/** The caller behind a request, from its token. */
export interface Principal {
  tokenId: string;
  role: Role;
  /** The jobcenters the token is limited to, or null for all. */
  jobcenters: string[] | null;
}

/** True when `role` is at least `needed` (admin > analyst > viewer). */
export const hasRole: (role: Role, needed: Role) => boolean = roleAllows;

/**
 * Why a principal may not read a table, or null when it may: case-level tables need an
 * analyst token; a token limited to jobcenters cannot read tables whose rows add up all
 * jobcenters.
 */
export function tableDenial(table: TableInfo, principal: Principal): string | null {
  if (table.access === 'analyst' && !hasRole(principal.role, 'analyst')) {
    return `${table.entitySet} holds case-level rows and is served to analyst and admin tokens only`;
  }
  if (principal.jobcenters !== null && table.scoping === 'deny') {
    return `${table.entitySet} rows carry no jobcenter (they cover all jobcenters); a token limited to jobcenters cannot read it`;
  }
  return null;
}
