import type Database from 'better-sqlite3';
import {
  activityMoves,
  alignedCases,
  caseFitness,
  caseVerdictRows,
  ruleCounts,
  ruleTitles,
  violatedCasesReader,
} from '../db/findings-queries';
import { emptySources, type FindingSources, type ProcessSources } from './finding-sources';

/** Broken cases listed per rule and jobcenter at most. */
const LISTED_CASES = 50;

/** Reads the compliance and conformance rows of a log version that findings are computed with. */
export function readFindingSources(sqlite: Database.Database, log: string, version: number): FindingSources {
  const out = new Map<string, ProcessSources>();
  const of = (process: string) => {
    let s = out.get(process);
    if (!s) out.set(process, (s = emptySources()));
    return s;
  };
  for (const r of caseVerdictRows(sqlite, log, version)) of(r.process).verdicts.set(r.id, r.violated);
  const counts = ruleCounts(sqlite, log, version);
  if (counts.length > 0) {
    const titles = new Map(ruleTitles(sqlite, log, version).map((r) => [r.rule, { da: r.da, en: r.en }]));
    const broken = violatedCasesReader(sqlite, LISTED_CASES);
    for (const r of counts) {
      of(r.process).rules.push({
        rule: r.rule,
        jobcenter: r.jobcenter,
        checked: r.checked,
        violated: r.violated,
        titles: titles.get(r.rule) ?? null,
        caseIds: r.violated > 0 ? broken(log, version, r.process, r.jobcenter, r.rule) : [],
      });
    }
  }
  for (const r of alignedCases(sqlite, log, version)) of(r.process).aligned.set(r.jobcenter, r.n);
  for (const r of activityMoves(sqlite, log, version)) {
    of(r.process).moves.push({ jobcenter: r.jobcenter, activity: r.activity, skipped: r.skipped, inserted: r.inserted });
  }
  for (const r of caseFitness(sqlite, log, version)) of(r.process).fitness.set(r.id, { jobcenter: r.jobcenter, fitness: r.fitness });
  return out;
}
