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

/** Broken cases listed per rule and jobcenter at most. */
const LISTED_CASES = 50;

/** One rule at one jobcenter: cases checked and broken, the rule's titles, the first broken cases. */
export interface RuleCount {
  rule: string;
  jobcenter: string;
  checked: number;
  violated: number;
  titles: { da: string; en: string } | null;
  caseIds: string[];
}

/**
 * What the compliance and conformance precomputes of the same load wrote about one process, as
 * plain data (it travels to the findings worker by structured clone): empty without a rule
 * catalogue or a model.
 */
export interface ProcessSources {
  /** Per rule and jobcenter, in (rule, jobcenter) order. */
  rules: RuleCount[];
  /** Per case id: 1 = broke a rule, 0 = complied with every rule that applied. */
  verdicts: Map<string, 0 | 1>;
  /** Per jobcenter: the cases aligned with the model. */
  aligned: Map<string, number>;
  /** Per jobcenter and activity, in that order: cases that skipped a step the model requires, and cases with an event it has no place for. */
  moves: { jobcenter: string; activity: string; skipped: number; inserted: number }[];
  /** Per aligned case id: its jobcenter and fitness (null where it could not be aligned). */
  fitness: Map<string, { jobcenter: string; fitness: number | null }>;
}

/** The sources of every process of a log version, by process. */
export type FindingSources = ReadonlyMap<string, ProcessSources>;

/** The sources of a process that has none (no catalogue, no model). */
export function emptySources(): ProcessSources {
  return { rules: [], verdicts: new Map(), aligned: new Map(), moves: [], fitness: new Map() };
}

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
