import { looksPersonal } from '../readers/guess-mapping';
import type { ColumnMapping } from '../readers/index';

/** What a load did with each column of its extract, as the loader shows it. */
export interface ColumnRoles {
  /** True when the roles were guessed from the header, false when a mapping gave them. */
  guessed: boolean;
  /** Role -> column: case, activity, timestamp and, when present, endTimestamp, resource, lifecycle, jobcenter. */
  roles: Record<string, string>;
  /** Columns stored as keyed pseudonyms (the case id, the resource, names and CPR columns). */
  pseudonymised: string[];
  /** Attribute columns stored with CPR-like numbers masked. */
  kept: string[];
  /** Columns not stored. */
  dropped: string[];
}

/**
 * Attribute names that hold a case id or a person (caseworker, responsible) besides the mapped
 * case and resource: always pseudonymised, like the mapping's `pseudonymize` columns and the
 * names `looksPersonal` recognises. Attribute values equal to the case id or the resource of
 * their event are pseudonymised too (see `createLoadSink`).
 */
const PERSON_OR_CASE_KEY =
  /resource|ressource|responsible|ansvarlig|sagsbehandler|medarbejder|caseworker|employee|user|bruger|^case$|case[ _:-]?(id|no|nr|number)|sags[ _-]?(id|nr|nummer)|sagsnummer/i;

/**
 * Whether an attribute (by the key the sink stores it under) is pseudonymised: the mapping's
 * `pseudonymize` columns, names `looksPersonal` recognises, and case-id or person columns.
 */
export function personalKeyTest(pseudonymize: readonly string[] | undefined): (key: string) => boolean {
  const personalColumns = new Set((pseudonymize ?? []).flatMap((c) => [c, c.replace(/^case:/, '')]));
  return (key) => personalColumns.has(key) || looksPersonal(key) || PERSON_OR_CASE_KEY.test(key);
}

const ROLE_ORDER = ['case', 'activity', 'timestamp', 'endTimestamp', 'resource', 'lifecycle', 'jobcenter'] as const;

/**
 * The roles of a read's columns: which became case, activity, timestamp, resource, jobcenter,
 * which attributes are pseudonymised (`isPersonal` of the key the sink stores them under) or kept,
 * and which are dropped.
 *
 * @example describeColumns(report.mapping, report.columns, report.mappingGuessed, isPersonal)
 */
export function describeColumns(
  mapping: ColumnMapping,
  columns: readonly string[],
  guessed: boolean,
  isPersonal: (key: string) => boolean,
): ColumnRoles {
  const roles: Record<string, string> = {};
  for (const role of ROLE_ORDER) {
    const column = mapping[role];
    if (column) roles[role] = column;
  }
  const pseudonymised = [roles['case']!, ...(roles['resource'] ? [roles['resource']] : [])];
  const kept: string[] = [];
  for (const column of mapping.attributes ?? []) {
    if (isPersonal(column) || isPersonal(column.replace(/^case:/, ''))) pseudonymised.push(column);
    else kept.push(column);
  }
  const used = new Set([...Object.values(roles), ...(mapping.attributes ?? [])]);
  const dropped = columns.filter((c) => !used.has(c)).map((c) => (c === '' ? '(unnamed)' : c));
  return { guessed, roles, pseudonymised: [...new Set(pseudonymised)], kept, dropped };
}

/** The column roles as lines of a report (two-space indent, 11-character label column). */
export function renderColumnRoles(c: ColumnRoles): string[] {
  const list = (xs: readonly string[]) => (xs.length === 0 ? '-' : xs.map((x) => `"${x}"`).join(', '));
  const roles = Object.entries(c.roles)
    .map(([role, column]) => `${role} "${column}"`)
    .join(', ');
  return [
    `  columns    ${roles} (${c.guessed ? 'guessed from the header' : 'from the mapping'})`,
    `             pseudonymised ${list(c.pseudonymised)}; kept ${list(c.kept)}; dropped ${list(c.dropped)}`,
  ];
}
