import type { SqlValue } from '../db/batch-insert';
import type { StepCell } from './model-writer';

/** A variant's activities as the row shows them, made once per variant (it has a row in many cells). */
const TEXTS = new WeakMap<object, { label: string; json: string }>();

function textOf(variant: { readonly activities: readonly string[] }): { label: string; json: string } {
  let text = TEXTS.get(variant);
  if (!text) {
    text = { label: variant.activities.join(' → '), json: JSON.stringify(variant.activities) };
    TEXTS.set(variant, text);
  }
  return text;
}

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
  const text = textOf(variant);
  return [cell.process, cell.jobcenter, cell.period, variant.key, text.label, text.json, names.length, cases, sumMs / 1000, rank, finished];
}
