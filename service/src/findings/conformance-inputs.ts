import type { DeviationInput } from '@sagsflow/shared';
import type { ProcessSources } from './finding-sources';
import type { FindingScope } from './scopes';

/**
 * The deviations from the model of a scope, from the conformance rows written earlier in the
 * same load (none when no model was attached): per activity, steps the model requires that
 * were skipped and events the model has no place for; and per case whether it fits.
 */
export function conformanceInputs(
  sources: ProcessSources,
  scope: FindingScope,
  caseIdOf: (fullCase: number) => string,
): {
  deviations: DeviationInput[];
  conformingOfCase?: (c: number) => boolean | null;
} {
  const inScope = (jobcenter: string) => scope.jobcenter === '' || jobcenter === scope.jobcenter;
  const checked = new Map([...sources.aligned].filter(([jobcenter]) => inScope(jobcenter)));
  if (checked.size === 0) return { deviations: [] };
  const deviations: DeviationInput[] = [];
  for (const r of sources.moves) {
    if (!inScope(r.jobcenter)) continue;
    const cases = checked.get(r.jobcenter) ?? 0;
    if (r.skipped > 0)
      deviations.push({ deviation: 'skipped', activity: r.activity, jobcenter: r.jobcenter, cases, deviatingCases: r.skipped });
    if (r.inserted > 0)
      deviations.push({ deviation: 'inserted', activity: r.activity, jobcenter: r.jobcenter, cases, deviatingCases: r.inserted });
  }
  return {
    deviations,
    conformingOfCase: (c) => {
      const f = sources.fitness.get(caseIdOf(scope.caseIndex[c]!));
      return f === undefined || f.fitness === null || !inScope(f.jobcenter) ? null : f.fitness >= 1;
    },
  };
}
