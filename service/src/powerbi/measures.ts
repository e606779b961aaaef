import { BUCKET_BOUNDS_SECONDS, BUCKET_COLUMNS, STEP_END } from '@sagsflow/shared';
import type { ComplianceTable } from './feed-tables';

/** A DAX measure of the generated model. */
export interface ModelMeasure {
  name: string;
  /** DAX; may span several lines. */
  expression: string;
  formatString: string;
}

/** `'Table'[column]` in DAX (quoted table name, brackets doubled). */
export function daxColumn(table: string, column: string): string {
  return `'${table.replace(/'/g, "''")}'[${column.replace(/]/g, ']]')}]`;
}

function daxString(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** Cases of the variants in the filter context: step 0 of each variant counts each case once. */
export function casesMeasure(name: string, steps: string): ModelMeasure {
  return {
    name,
    expression: `CALCULATE(SUM(${daxColumn(steps, 'cases')}), ${daxColumn(steps, 'step_index')} = 0)`,
    formatString: '#,0',
  };
}

/** Share of cases that ended in a known end activity, from the period table's counts. */
export function finishedShareMeasure(name: string, periods: string): ModelMeasure {
  const cases = `SUM(${daxColumn(periods, 'cases')})`;
  return {
    name,
    expression: `DIVIDE(${cases} - SUM(${daxColumn(periods, 'open_cases')}), ${cases})`,
    formatString: '0.0%',
  };
}

/**
 * Median case duration in days, rebuilt from the duration histogram of the END steps (the
 * steps into `STEP_END` carry each case's duration). Mirrors `histogramQuantile` of
 * `shared/src/histogram/duration-buckets.ts` at q = 0.5: find the bucket holding half the
 * cases and interpolate geometrically inside it (linearly in the first bucket, which starts
 * at 0 s; the open last bucket is taken to end at twice its lower bound).
 */
export function medianThroughputMeasure(name: string, steps: string): ModelMeasure {
  const end = `${daxColumn(steps, 'to_activity')} = ${daxString(STEP_END)}`;
  const lines: string[] = [];
  BUCKET_COLUMNS.forEach((col) => lines.push(`VAR c_${col} = CALCULATE(SUM(${daxColumn(steps, col)}), ${end})`));
  lines.push(`VAR total = ${BUCKET_COLUMNS.map((c) => `c_${c}`).join(' + ')}`);
  lines.push('VAR halfCases = total / 2');
  BUCKET_COLUMNS.forEach((col, i) => {
    lines.push(i === 0 ? `VAR cum_${col} = c_${col}` : `VAR cum_${col} = cum_${BUCKET_COLUMNS[i - 1]} + c_${col}`);
  });
  const branches = ['total = 0, BLANK()'];
  BUCKET_COLUMNS.forEach((col, i) => {
    const before = i === 0 ? '0' : `cum_${BUCKET_COLUMNS[i - 1]}`;
    const f = `(halfCases - ${before}) / c_${col}`;
    const lower = i === 0 ? 0 : BUCKET_BOUNDS_SECONDS[i - 1]!;
    const upper = BUCKET_BOUNDS_SECONDS[i] ?? lower * 2;
    const value = lower === 0 ? `${upper} * ${f}` : `${lower} * POWER(${upper} / ${lower}, ${f})`;
    branches.push(i === BUCKET_COLUMNS.length - 1 ? value : `cum_${col} >= halfCases, ${value}`);
  });
  lines.push(`VAR seconds = SWITCH(TRUE(),\n    ${branches.join(',\n    ')})`);
  lines.push('RETURN DIVIDE(seconds, 86400)');
  return { name, expression: lines.join('\n'), formatString: '0.0' };
}

/** Fulfilled / (fulfilled + violated) over the compliance table's counts (pending and not applicable left out). */
export function complianceRateMeasure(name: string, compliance: ComplianceTable): ModelMeasure {
  const t = compliance.table.entitySet;
  const count = `SUM(${daxColumn(t, compliance.countColumn)})`;
  const status = daxColumn(t, compliance.statusColumn);
  return {
    name,
    expression: `DIVIDE(CALCULATE(${count}, ${status} = "fulfilled"), CALCULATE(${count}, ${status} IN {"fulfilled", "violated"}))`,
    formatString: '0.0%',
  };
}
