import type Database from 'better-sqlite3';
import type { DeviationInput } from '@sagsflow/shared';
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
  const jc = scope.jobcenter === '' ? '' : ' AND jobcenter = ?';
  const params = [log, version, scope.process, ...(scope.jobcenter === '' ? [] : [scope.jobcenter])];
  const aligned = sqlite
    .prepare(
      `SELECT jobcenter, sum(aligned_cases) AS n FROM conformance_variants WHERE log = ? AND version = ? AND process = ?${jc} GROUP BY jobcenter`,
    )
    .all(...params) as { jobcenter: string; n: number }[];
  if (aligned.length === 0) return { deviations: [] };
  const checked = new Map(aligned.map((r) => [r.jobcenter, r.n]));
  const rows = sqlite
    .prepare(
      `SELECT jobcenter, activity, sum(model_move_cases) AS skipped, sum(log_move_cases) AS inserted FROM conformance_activities WHERE log = ? AND version = ? AND process = ?${jc} GROUP BY jobcenter, activity`,
    )
    .all(...params) as { jobcenter: string; activity: string; skipped: number; inserted: number }[];
  const deviations: DeviationInput[] = [];
  for (const r of rows) {
    const cases = checked.get(r.jobcenter) ?? 0;
    if (r.skipped > 0)
      deviations.push({ deviation: 'skipped', activity: r.activity, jobcenter: r.jobcenter, cases, deviatingCases: r.skipped });
    if (r.inserted > 0)
      deviations.push({ deviation: 'inserted', activity: r.activity, jobcenter: r.jobcenter, cases, deviatingCases: r.inserted });
  }
  const fitness = new Map(
    (
      sqlite
        .prepare(`SELECT case_id AS id, fitness FROM conformance_cases WHERE log = ? AND version = ? AND process = ?${jc}`)
        .all(...params) as { id: string; fitness: number | null }[]
    ).map((r) => [r.id, r.fitness]),
  );
  return {
    deviations,
    conformingOfCase: (c) => {
      const f = fitness.get(caseIdOf(scope.caseIndex[c]!));
      return f === undefined || f === null ? null : f >= 1;
    },
  };
}
