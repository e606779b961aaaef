import type { CaseStatistics, EventLog } from '@sagsflow/shared';
import { processNameOf as processKeyOf } from '../processes/index';
import { endActivitiesOf, inferEndActivities, type EndActivities } from './end-activities';
import { createPeriodOf } from './period';

/** Case attribute names the ingest sink sets on the event log. */
export const JOBCENTER_ATTRIBUTE = 'jobcenter';
export const PROCESS_ATTRIBUTE = 'process';
/** Jobcenter of cases that have none. */
export const UNKNOWN_JOBCENTER = 'ukendt';

/** Periods a cell key holds apart: 2^22 months (Date's range spans 3.3 million), times fewer than 2^31 jobcenters. */
const PERIOD_KEY_RANGE = 2 ** 22;

/** One cell of the model grain (besides log and version). */
export interface Grain {
  process: string;
  jobcenter: string;
  period: string;
}

/** Every case's grain cell: `groupOfCase[c]` indexes `groups`. */
export interface CaseGroups {
  groups: Grain[];
  groupOfCase: Int32Array;
  /** 1 when the case ended with an end activity of its process (finished), 0 when it is open. */
  closed: Uint8Array;
  /** Per process, the end activities used and where they come from. */
  endActivities: EndActivities[];
}

/**
 * Puts every case in its grain cell: process (the given one, else the case's `process`
 * attribute, read through `processKeyOf`, else `fallbackProcess`), jobcenter (`ukendt` when
 * absent) and period (month of case start in Europe/Copenhagen). A case is finished when its
 * last activity is an end activity of its process: `endActivities` when given (the mapping
 * file's), else the process definition's, else inferred from the process's cases.
 */
export function groupCases(
  log: EventLog,
  stats: readonly Pick<CaseStatistics, 'start'>[],
  process: string | null,
  fallbackProcess: string,
  endActivities?: readonly string[],
): CaseGroups {
  const periodOf = createPeriodOf();
  const jc = log.caseAttributes.get(JOBCENTER_ATTRIBUTE);
  const pr = log.caseAttributes.get(PROCESS_ATTRIBUTE);
  const processNames = (pr?.values ?? []).map((v) => processKeyOf(v) ?? v);
  const n = log.caseIds.length;
  const processOf = (c: number): string => {
    const pc = pr ? pr.codes[c]! : -1;
    return process ?? (pc >= 0 ? processNames[pc]! : fallbackProcess);
  };
  const used = new Map<string, EndActivities>();
  const endSets = new Map<string, Set<string>>();
  const ends = (p: string): Set<string> => {
    let set = endSets.get(p);
    if (!set) {
      const found = endActivitiesOf(p, endActivities, () => inferEndActivities(log, (c) => processOf(c) === p));
      used.set(p, found);
      endSets.set(p, (set = new Set(found.activities)));
    }
    return set;
  };
  const groups: Grain[] = [];
  // Per process name, a cell is keyed by the numbers of its jobcenter and period names (each name
  // numbered once, so equal names from different codes share a cell): no key text per case.
  const index = new Map<string, Map<number, number>>();
  const jobcenterIds = new Map<string, number>();
  const periodIds = new Map<string, number>();
  const idOf = (ids: Map<string, number>, name: string): number => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = ids.size));
    return id;
  };
  const groupOfCase = new Int32Array(n);
  const closed = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const p = processOf(c);
    const jcode = jc ? jc.codes[c]! : -1;
    const j = jcode >= 0 ? jc!.values[jcode]! : UNKNOWN_JOBCENTER;
    const period = periodOf(stats[c]!.start);
    const key = idOf(jobcenterIds, j) * PERIOD_KEY_RANGE + idOf(periodIds, period);
    let cells = index.get(p);
    if (!cells) index.set(p, (cells = new Map()));
    let g = cells.get(key);
    if (g === undefined) {
      g = groups.length;
      cells.set(key, g);
      groups.push({ process: p, jobcenter: j, period });
    }
    groupOfCase[c] = g;
    const endSet = ends(p);
    const last = log.activities[log.activity[log.caseOffsets[c + 1]! - 1]!]!;
    closed[c] = endSet.has(last) ? 1 : 0;
  }
  return { groups, groupOfCase, closed, endActivities: [...used.values()] };
}

/** Per case, the JSON object of its case attributes other than jobcenter and process (null when none). */
export function caseAttributesJson(log: EventLog): (c: number) => string | null {
  const columns = [...log.caseAttributes].filter(([name]) => name !== JOBCENTER_ATTRIBUTE && name !== PROCESS_ATTRIBUTE);
  // `"name":` and each distinct value are JSON-encoded once; a case's JSON is their concatenation.
  const heads = columns.map(([name]) => `${JSON.stringify(name)}:`);
  const encoded = columns.map(([, column]) => new Array<string | undefined>(column.values.length));
  return (c) => {
    let json = '';
    for (let k = 0; k < columns.length; k++) {
      const column = columns[k]![1];
      const code = column.codes[c]!;
      if (code < 0) continue;
      const cache = encoded[k]!;
      const value = (cache[code] ??= JSON.stringify(column.values[code]!));
      json += (json === '' ? '{' : ',') + heads[k]! + value;
    }
    return json === '' ? null : `${json}}`;
  };
}
