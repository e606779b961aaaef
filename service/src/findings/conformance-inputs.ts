import type Database from 'better-sqlite3';
import type { DeviationInput } from '@sagsflow/shared';
import { activityMoves, alignedCasesPerJobcenter, caseFitness } from '../db/findings-queries';
import type { FindingScope } from './scopes';

/**
 * The deviations from the model of a scope, from the conformance tables written earlier in
 * the same load (none when no model was attached): per activity, steps the model requires
 * that were skipped and events the model has no place for; and per case whether it fits.
 */
export function conformanceInputs(
  sqlite: Database.Database,
  log: string,
  version: number,
  scope: FindingScope,
  caseIdOf: (fullCase: number) => string,
): {
  deviations: DeviationInput[];
  conformingOfCase?: (c: number) => boolean | null;
} {
  const aligned = alignedCasesPerJobcenter(sqlite, log, version, scope);
  if (aligned.length === 0) return { deviations: [] };
  const checked = new Map(aligned.map((r) => [r.jobcenter, r.n]));
  const deviations: DeviationInput[] = [];
  for (const r of activityMoves(sqlite, log, version, scope)) {
    const cases = checked.get(r.jobcenter) ?? 0;
    if (r.skipped > 0)
      deviations.push({ deviation: 'skipped', activity: r.activity, jobcenter: r.jobcenter, cases, deviatingCases: r.skipped });
    if (r.inserted > 0)
      deviations.push({ deviation: 'inserted', activity: r.activity, jobcenter: r.jobcenter, cases, deviatingCases: r.inserted });
  }
  const fitness = new Map(caseFitness(sqlite, log, version, scope).map((r) => [r.id, r.fitness]));
  return {
    deviations,
    conformingOfCase: (c) => {
      const f = fitness.get(caseIdOf(scope.caseIndex[c]!));
      return f === undefined || f === null ? null : f >= 1;
    },
  };
}
