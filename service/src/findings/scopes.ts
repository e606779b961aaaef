import { selectCases, type EventLog } from '@sagsflow/shared';

/** A part of the log findings are computed on: one process, all its jobcenters or one of them. */
export interface FindingScope {
  process: string;
  /** '' = all jobcenters of the process. */
  jobcenter: string;
  log: EventLog;
  /** Index in the full log of each case of `log`. */
  caseIndex: Uint32Array;
}

/**
 * The scopes of a log: per process, all its cases, then each jobcenter with at least k cases
 * (a jobcenter-limited reader sees the findings of its own jobcenter's cases only).
 */
export function findingScopes(
  log: EventLog,
  processOf: (c: number) => string,
  jobcenterOf: (c: number) => string,
  minGroupSize: number,
): FindingScope[] {
  const n = log.caseIds.length;
  const byProcess = new Map<string, number[]>();
  for (let c = 0; c < n; c++) {
    const p = processOf(c);
    let list = byProcess.get(p);
    if (!list) byProcess.set(p, (list = []));
    list.push(c);
  }
  const out: FindingScope[] = [];
  for (const [process, cases] of [...byProcess].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out.push(scope(log, process, '', cases));
    const byJc = new Map<string, number[]>();
    for (const c of cases) {
      const j = jobcenterOf(c);
      let list = byJc.get(j);
      if (!list) byJc.set(j, (list = []));
      list.push(c);
    }
    if (byJc.size < 2) continue;
    for (const [jobcenter, list] of [...byJc].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (list.length >= minGroupSize) out.push(scope(log, process, jobcenter, list));
    }
  }
  return out;
}

function scope(log: EventLog, process: string, jobcenter: string, cases: number[]): FindingScope {
  const caseIndex = Uint32Array.from(cases);
  if (cases.length === log.caseIds.length) return { process, jobcenter, log, caseIndex };
  const keep = new Uint8Array(log.caseIds.length);
  for (const c of cases) keep[c] = 1;
  return { process, jobcenter, log: selectCases(log, keep), caseIndex };
}
