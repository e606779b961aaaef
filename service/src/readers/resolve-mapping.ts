import { ReadError } from './errors';
import { guessMapping, looksCaseLevel, looksPersonal, normalizeColumnName } from './guess-mapping';
import type { ColumnMapping } from './mapping';
import { DEFAULT_TIMEZONE } from './timestamps';

/** A kept attribute column: where it is, the key it is stored under, and its level. */
export interface AttributeSpec {
  column: string;
  index: number;
  /** The column name, without a `case:` prefix for case attributes. */
  key: string;
  level: 'case' | 'event';
}

/** A mapping checked against a header: every list filled in and every column located. */
export interface ResolvedMapping {
  /** The mapping in use, defaults filled in (this is what a read report shows). */
  mapping: ColumnMapping & { attributes: string[]; caseAttributes: string[]; pseudonymize: string[]; timezone: string };
  /** True when the roles were guessed from the header, false when given. */
  guessed: boolean;
  /** The header's column names (trimmed). */
  header: string[];
  /** Column index per role; -1 when the role is not mapped. */
  index: {
    case: number;
    activity: number;
    timestamp: number;
    endTimestamp: number;
    resource: number;
    lifecycle: number;
    jobcenter: number;
  };
  attributes: AttributeSpec[];
}

const ROLES = ['case', 'activity', 'timestamp', 'endTimestamp', 'resource', 'lifecycle', 'jobcenter'] as const;
const REQUIRED = ['case', 'activity', 'timestamp'] as const;
const HOW_TO =
  'write a mapping JSON file like {"case": "Sagsnummer", "activity": "Aktivitet", "timestamp": "Tidspunkt"} and pass it with --mapping';

/**
 * Checks `given` (or, when absent, a guess from the header) against `header` and fills in the
 * defaults: attributes = every other named column, case attributes by name, pseudonymised
 * columns by name, time zone `Europe/Copenhagen`. Throws `ReadError` naming the file, the
 * header found and how to write a mapping file when a required column is missing.
 */
export function resolveMapping(header: readonly string[], given: ColumnMapping | undefined, file: string): ResolvedMapping {
  const names = header.map((h) => h.trim());
  const where = (column: string): number => names.indexOf(column.trim());
  const headerText = names.map((n) => JSON.stringify(n)).join(', ');
  const base: Partial<ColumnMapping> = given ? toHeaderSpelling(given, names) : guessMapping(names);

  for (const role of REQUIRED) {
    if (!base[role]) {
      throw new ReadError(file, `no ${role} column found in the header (${headerText}); ${HOW_TO}`, { line: 1 });
    }
  }
  const index = { case: -1, activity: -1, timestamp: -1, endTimestamp: -1, resource: -1, lifecycle: -1, jobcenter: -1 };
  for (const role of ROLES) {
    const column = base[role];
    if (!column) continue;
    index[role] = where(column);
    if (index[role] < 0) {
      throw new ReadError(file, `the mapping's ${role} column "${column}" is not in the header (${headerText}); ${HOW_TO}`, { line: 1 });
    }
  }
  const mapped = new Set(ROLES.map((r) => base[r]).filter((c): c is string => !!c));
  const attributes = [...(base.attributes ?? names.filter((n) => n !== '' && !mapped.has(n)))];
  if (base.team !== undefined) {
    if (where(base.team) < 0)
      throw new ReadError(file, `the mapping's team column "${base.team}" is not in the header (${headerText}); ${HOW_TO}`, { line: 1 });
    if (!attributes.includes(base.team)) attributes.push(base.team);
  }
  for (const column of [...attributes, ...(base.caseAttributes ?? [])]) {
    if (where(column) < 0) {
      throw new ReadError(file, `the mapping's attribute column "${column}" is not in the header (${headerText})`, { line: 1 });
    }
  }
  const outcome = base.outcome?.column;
  if (outcome !== undefined && where(outcome) < 0) {
    throw new ReadError(file, `the mapping's outcome column "${outcome}" is not in the header (${headerText})`, { line: 1 });
  }
  const caseAttributes = [...(base.caseAttributes ?? attributes.filter(looksCaseLevel))];
  if (outcome !== undefined && !caseAttributes.includes(outcome)) caseAttributes.push(outcome);
  const kept = [...attributes, ...caseAttributes.filter((c) => !attributes.includes(c))];
  const caseSet = new Set(caseAttributes);
  const skipPersonal = new Set([base.activity, base.timestamp, base.endTimestamp, base.lifecycle, base.jobcenter]);
  for (const column of base.pseudonymize ?? []) {
    if (where(column) < 0) {
      throw new ReadError(file, `the mapping's pseudonymize column "${column}" is not in the header (${headerText})`, { line: 1 });
    }
  }
  const pseudonymize = base.pseudonymize ?? names.filter((n) => n !== '' && !skipPersonal.has(n) && looksPersonal(n));
  return {
    mapping: {
      ...base,
      case: base.case as string,
      activity: base.activity as string,
      timestamp: base.timestamp as string,
      attributes: kept,
      caseAttributes,
      pseudonymize,
      timezone: base.timezone ?? DEFAULT_TIMEZONE,
    },
    guessed: given === undefined,
    header: names,
    index,
    attributes: kept.map((column) => {
      const level = caseSet.has(column) ? 'case' : 'event';
      const key = level === 'case' && column.startsWith('case:') ? column.slice(5) : column;
      return { column, index: where(column), key, level };
    }),
  };
}

/** Rewrites a given mapping's column names to the header's spelling where they match only loosely (`sags-id` -> `Sags-id`). */
function toHeaderSpelling(given: ColumnMapping, names: readonly string[]): ColumnMapping {
  const normalized = names.map(normalizeColumnName);
  const fix = (column: string): string => {
    const trimmed = column.trim();
    if (names.includes(trimmed)) return trimmed;
    const i = normalized.indexOf(normalizeColumnName(trimmed));
    return i >= 0 ? (names[i] as string) : trimmed;
  };
  const fixOptional = (column: string | undefined): string | undefined => (column === undefined ? undefined : fix(column));
  return {
    ...given,
    case: fix(given.case),
    activity: fix(given.activity),
    timestamp: fix(given.timestamp),
    endTimestamp: fixOptional(given.endTimestamp),
    resource: fixOptional(given.resource),
    lifecycle: fixOptional(given.lifecycle),
    jobcenter: fixOptional(given.jobcenter),
    team: fixOptional(given.team),
    attributes: given.attributes?.map(fix),
    caseAttributes: given.caseAttributes?.map(fix),
    pseudonymize: given.pseudonymize?.map(fix),
  };
}
