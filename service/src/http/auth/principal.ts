import { VIEWER_AS_IS_TABLES, type TableInfo } from '../model/table-info';
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

/** True for tokens that get the viewer-grade model (viewer tokens; analysts and admins read the exact tables). */
export function readsViewerGrade(principal: Principal): boolean {
  return !hasRole(principal.role, 'analyst');
}

/** The table a principal reads for an entity set: its viewer-grade form for viewer tokens. */
export function servedTable(table: TableInfo, principal: Principal): TableInfo {
  return readsViewerGrade(principal) && table.viewerForm ? table.viewerForm : table;
}

/**
 * Why a principal may not read a table, or null when it may: case-level tables need an
 * analyst token; viewer tokens read only tables with a viewer-grade form (or that hold no
 * groups of cases); a token limited to jobcenters cannot read tables whose rows add up all
 * jobcenters.
 */
export function tableDenial(table: TableInfo, principal: Principal): string | null {
  if (table.access === 'admin' && !hasRole(principal.role, 'admin')) {
    return `${table.entitySet} holds figures per caseworker and is served to admin tokens only; team figures are in Teams`;
  }
  if (table.access === 'analyst' && !hasRole(principal.role, 'analyst')) {
    return `${table.entitySet} holds case-level rows and is served to analyst and admin tokens only`;
  }
  if (readsViewerGrade(principal) && !table.viewerForm && !VIEWER_AS_IS_TABLES.has(table.sqlName)) {
    return `${table.entitySet} has no viewer-grade form (rows of fewer than k cases) and is served to analyst and admin tokens only`;
  }
  if (principal.jobcenters !== null && table.scoping === 'deny') {
    return `${table.entitySet} rows carry no jobcenter (they cover all jobcenters); a token limited to jobcenters cannot read it`;
  }
  return null;
}

/**
 * Why a viewer token may not call a REST route built on the exact tables (the HTML report, the
 * findings), or null when it may. Their answers hide counts under k, but they could be
 * subtracted from each other or from the viewer-grade model's figures.
 */
export function viewerRouteDenial(principal: Principal, feature: string): string | null {
  if (!readsViewerGrade(principal)) return null;
  return `${feature} is computed from the exact tables, which have no viewer-grade form (rows of at least k cases); it needs an analyst or admin token`;
}
