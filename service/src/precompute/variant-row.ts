import type { SqlValue } from '../db/batch-insert';
import type { StepCell } from './model-writer';

/**
 * The values of one `variants` row (after `log, version`): the variant of `cell` with its
 * activities, its cases and their summed duration in milliseconds, its rank and whether its
 * cases are finished (1/0). The exact and the viewer-grade model write the same shape.
 */
export function variantRow(
  cell: StepCell,
  variant: { readonly key: string; readonly activities: readonly string[] },
  cases: number,
  sumMs: number,
  rank: number,
  finished: number,
): SqlValue[] {
  const names = variant.activities;
  return [
    cell.process,
    cell.jobcenter,
    cell.period,
    variant.key,
    names.join(' → '),
    JSON.stringify(names),
    names.length,
    cases,
    sumMs / 1000,
    rank,
    finished,
  ];
}
