import type powerbi from 'powerbi-visuals-api';
import { DIMENSION_NAMES, monthOf } from '../model/row-dimensions';
import { findByRole, toText } from './roles';

/** Dimension columns as read, growable across fetchMoreData segments. */
export interface DimensionColumns {
  jobcenter: string[] | null;
  period: string[] | null;
  process: string[] | null;
}

/**
 * Reads the optional jobcenter, period and process roles for the data view rows `rowIndex`
 * (the rows the step reader kept), column-wise. A period bound as a date becomes its month
 * (`YYYY-MM`, UTC).
 */
export function readDimensions(categories: readonly powerbi.DataViewCategoryColumn[], rowIndex: readonly number[]): DimensionColumns {
  const out: DimensionColumns = { jobcenter: null, period: null, process: null };
  for (const name of DIMENSION_NAMES) {
    const column = findByRole(categories, name);
    if (!column) continue;
    out[name] = rowIndex.map((i) => {
      const value = column.values[i];
      return name === 'period' ? monthOf(toText(value)) : toText(value);
    });
  }
  return out;
}

/** `b`'s columns appended to `a`'s (in place on `a`); a column bound in only one stays null. */
export function appendDimensions(a: DimensionColumns, b: DimensionColumns): DimensionColumns {
  for (const name of DIMENSION_NAMES) {
    const left = a[name];
    const right = b[name];
    if (left && right) for (const v of right) left.push(v);
    else a[name] = null;
  }
  return a;
}
