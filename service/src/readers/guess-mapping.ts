import type { ColumnMapping } from './mapping';

type Role = 'case' | 'activity' | 'timestamp' | 'endTimestamp' | 'resource' | 'jobcenter' | 'lifecycle';

/** Known header names per role, best first, in normalised form (see `normalizeColumnName`). */
const CANDIDATES: ReadonlyArray<readonly [Role, readonly string[]]> = [
  ['case', ['case:concept:name', 'sagsnummer', 'sagsid', 'sagsnr', 'sagid', 'sag', 'case', 'caseid', 'casenumber', 'caseno']],
  [
    'activity',
    [
      'concept:name',
      'aktivitet',
      'aktivitetsnavn',
      'hændelse',
      'haendelse',
      'handling',
      'activity',
      'activityname',
      'event',
      'eventname',
      'task',
    ],
  ],
  [
    'timestamp',
    [
      'time:timestamp',
      'tidspunkt',
      'starttidspunkt',
      'dato',
      'tid',
      'timestamp',
      'time',
      'date',
      'datetime',
      'start',
      'starttimestamp',
      'starttime',
      'startdate',
    ],
  ],
  [
    'endTimestamp',
    [
      'sluttidspunkt',
      'slut',
      'sluttid',
      'slutdato',
      'end',
      'endtime',
      'endtimestamp',
      'enddate',
      'completetimestamp',
      'completetime',
      'complete',
    ],
  ],
  ['resource', ['org:resource', 'sagsbehandler', 'medarbejder', 'ressource', 'resource', 'user', 'bruger', 'caseworker']],
  ['jobcenter', ['jobcenter', 'afdeling', 'enhed', 'center', 'unit', 'department']],
  ['lifecycle', ['lifecycle:transition', 'livscyklus', 'lifecycle', 'transition']],
];

/** Names of case-level columns besides `case:...` ones. */
const CASE_LEVEL = new Set([
  'proces',
  'process',
  'processname',
  'cpr',
  'cprnr',
  'cprnummer',
  'personnummer',
  'borger',
  'borgernavn',
  'citizen',
  'ydelse',
  'målgruppe',
]);
const PERSONAL = /cpr|personnummer|navn|name|borger|citizen/;

/** Lower case, trimmed, without spaces, underscores and hyphens: `Case ID` -> `caseid`. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

/** Whether a column name looks like personal data (CPR number, a person's name). */
export function looksPersonal(name: string): boolean {
  const n = normalizeColumnName(name);
  return !n.includes('concept:name') && PERSONAL.test(n);
}

/** Whether an attribute column holds a case-level value. */
export function looksCaseLevel(name: string): boolean {
  const n = normalizeColumnName(name);
  return n.startsWith('case:') || CASE_LEVEL.has(n);
}

/**
 * Guesses a column mapping from a header: XES-style names first (`case:concept:name`,
 * `concept:name`, `time:timestamp`, `org:resource`, `lifecycle:transition`), then common
 * Danish and English names, case-insensitively. Each column serves one role at most.
 * Unmapped named columns become attributes; roles it cannot find are left out (the caller
 * decides whether that is an error, see `resolveMapping`).
 *
 * @example
 * guessMapping(['Sags-id', 'Aktivitet', 'Tidspunkt', 'Sagsbehandler'])
 * // { case: 'Sags-id', activity: 'Aktivitet', timestamp: 'Tidspunkt', resource: 'Sagsbehandler', ... }
 */
export function guessMapping(header: readonly string[]): Partial<ColumnMapping> {
  const names = header.map((h) => h.trim());
  const normalized = names.map(normalizeColumnName);
  const used = new Set<number>();
  const found: Partial<Record<Role, string>> = {};
  for (const [role, candidates] of CANDIDATES) {
    for (const candidate of candidates) {
      const i = normalized.findIndex((n, j) => n === candidate && !used.has(j));
      if (i >= 0) {
        used.add(i);
        found[role] = names[i] as string;
        break;
      }
    }
  }
  if (!found.timestamp && found.endTimestamp) {
    found.timestamp = found.endTimestamp;
    delete found.endTimestamp;
  }
  const attributes = names.filter((n, i) => n !== '' && !used.has(i));
  const skip = new Set([found.activity, found.timestamp, found.endTimestamp, found.lifecycle, found.jobcenter]);
  return {
    ...found,
    attributes,
    caseAttributes: attributes.filter(looksCaseLevel),
    pseudonymize: names.filter((n) => n !== '' && !skip.has(n) && looksPersonal(n)),
  };
}
