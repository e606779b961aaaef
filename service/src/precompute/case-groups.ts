import type { CaseStatistics, EventLog } from '../../../shared/src/index';
import { PROCESS_END_ACTIVITIES, processNameOf as processKeyOf } from '../processes/index';
import { createPeriodOf } from './period';

/** Case attribute names the ingest sink sets on the event log. */
export const JOBCENTER_ATTRIBUTE = 'jobcenter';
export const PROCESS_ATTRIBUTE = 'process';
/** Jobcenter of cases that have none. */
export const UNKNOWN_JOBCENTER = 'ukendt';

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
  /** 1 when the case ended with an end activity of its process (or its process is unknown). */
  closed: Uint8Array;
}

/**
 * Puts every case in its grain cell: process (the given one, else the case's `process`
 * attribute, read through `processKeyOf`, else `fallbackProcess`), jobcenter (`ukendt` when
 * absent) and period (month of case start in Europe/Copenhagen).
 */
export function groupCases(log: EventLog, stats: readonly CaseStatistics[], process: string | null, fallbackProcess: string): CaseGroups {
  const periodOf = createPeriodOf();
  const jc = log.caseAttributes.get(JOBCENTER_ATTRIBUTE);
  const pr = log.caseAttributes.get(PROCESS_ATTRIBUTE);
  const processNames = (pr?.values ?? []).map((v) => processKeyOf(v) ?? v);
  const endSets = new Map<string, Set<string> | null>();
  const ends = (p: string): Set<string> | null => {
    if (!endSets.has(p)) {
      const key = processKeyOf(p);
      endSets.set(p, key ? new Set(PROCESS_END_ACTIVITIES[key]) : null);
    }
    return endSets.get(p)!;
  };
  const n = log.caseIds.length;
  const groups: Grain[] = [];
  const index = new Map<string, number>();
  const groupOfCase = new Int32Array(n);
  const closed = new Uint8Array(n);
  for (let c = 0; c < n; c++) {
    const pc = pr ? pr.codes[c]! : -1;
    const p = process ?? (pc >= 0 ? processNames[pc]! : fallbackProcess);
    const jcode = jc ? jc.codes[c]! : -1;
    const j = jcode >= 0 ? jc!.values[jcode]! : UNKNOWN_JOBCENTER;
    const period = periodOf(stats[c]!.start);
    const key = `${p}\u0000${j}\u0000${period}`;
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      index.set(key, g);
      groups.push({ process: p, jobcenter: j, period });
    }
    groupOfCase[c] = g;
    const endSet = ends(p);
    const last = log.activities[log.activity[log.caseOffsets[c + 1]! - 1]!]!;
    closed[c] = endSet === null || endSet.has(last) ? 1 : 0;
  }
  return { groups, groupOfCase, closed };
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
