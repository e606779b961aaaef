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
