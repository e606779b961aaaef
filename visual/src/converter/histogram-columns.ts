import type powerbi from 'powerbi-visuals-api';
import { BUCKET_COUNT } from '@sagsflow/shared';

const BUCKET_NAME = /(?:^|[^a-z0-9])h(\d{2})(?:[^0-9]|$)/i;

/**
 * The histogram bucket each value column stands for. Read from `hNN` in the column's
 * query name or display name ("Sum(Steps.h03)", "Sum of h03"); when names do not give
 * 25 distinct buckets, the columns' order decides (h00 first).
 */
export function histogramBuckets(columns: readonly powerbi.DataViewValueColumn[]): number[] {
  const named = columns.map((column) => bucketFromName(column.source));
  const distinct = new Set(named.filter((bucket) => bucket >= 0));
  if (distinct.size === columns.length) return named;
  return columns.map((_, i) => (i < BUCKET_COUNT ? i : -1));
}

function bucketFromName(source: powerbi.DataViewMetadataColumn): number {
  for (const name of [source.queryName, source.displayName]) {
    const match = name ? BUCKET_NAME.exec(name) : null;
    if (match) {
      const bucket = Number(match[1]);
      if (bucket < BUCKET_COUNT) return bucket;
    }
  }
  return -1;
}
