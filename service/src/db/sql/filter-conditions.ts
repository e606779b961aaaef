import { inList, quoteIdent, type SqlFragment } from './fragment';
import { jobcenterScope } from './scope';

/** The analysis filters as SQL sees them (validated by the HTTP layer's `analysisFilterSchema`). */
export interface FilterValues {
  period: readonly string[];
  from?: string | undefined;
  to?: string | undefined;
  process: readonly string[];
  variant: readonly string[];
  activity: readonly string[];
}

/**
 * SQL conditions of the filters over a table with the given columns (filters whose column the
 * table lacks are skipped; the jobcenter scope applies when the table has a `jobcenter` column).
 * The activity filter keeps variants that contain one of the activities (in `stepsTable`, the
 * step table the caller reads: `viewer_steps` for a viewer token).
 */
export function filterConditions(
  filters: FilterValues,
  jobcenters: readonly string[] | null,
  columns: ReadonlySet<string>,
  log: string | null,
  stepsTable = 'steps',
): SqlFragment[] {
  const out: SqlFragment[] = [];
  if (log !== null && columns.has('log')) out.push({ sql: '"log" = ?', params: [log] });
  out.push(...jobcenterScope(columns.has('jobcenter') ? 'jobcenter' : null, jobcenters));
  if (columns.has('period')) {
    if (filters.period.length > 0) out.push(inList('period', filters.period));
    if (filters.from) out.push({ sql: '"period" >= ?', params: [filters.from] });
    if (filters.to) out.push({ sql: '"period" <= ?', params: [filters.to] });
  }
  if (filters.process.length > 0 && columns.has('process')) out.push(inList('process', filters.process));
  if (columns.has('variant_key')) {
    if (filters.variant.length > 0) out.push(inList('variant_key', filters.variant));
    if (filters.activity.length > 0) {
      const sub = inList('to_activity', filters.activity);
      const logCond = log !== null ? '"log" = ? AND ' : '';
      out.push({
        sql: `"variant_key" IN (SELECT DISTINCT "variant_key" FROM ${quoteIdent(stepsTable)} WHERE ${logCond}${sub.sql})`,
        params: [...(log !== null ? [log] : []), ...sub.params],
      });
    }
  } else if (filters.activity.length > 0 && columns.has('activity')) {
    out.push(inList('activity', filters.activity));
  }
  return out;
}
