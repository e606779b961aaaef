import type powerbi from 'powerbi-visuals-api';
import { FINE_BUCKET_COUNT } from '@sagsflow/shared';

const FINE_NAME = /(?:^|[^a-z0-9])([ds])(\d{2})(?:[^0-9]|$)/i;

/** Where a column of the fine histogram goes: counts (`dNN`) or seconds (`sNN`) of bucket `bucket`. */
export interface FineSlot {
  kind: 'counts' | 'seconds';
  bucket: number;
}

/**
 * The fine-histogram slot each value column bound to `durations` stands for, read from `dNN`
 * or `sNN` in its query or display name ("Sum(Steps.d07)", "Sum of s07"); when the names do not
 * give distinct slots, the columns' order decides (d00..d74, then s00..s74). Null marks a
 * column that fits no slot.
 */
export function fineSlots(columns: readonly powerbi.DataViewValueColumn[]): (FineSlot | null)[] {
  const named = columns.map((column) => slotFromName(column.source));
  const keys = new Set(named.filter((s): s is FineSlot => s !== null).map((s) => `${s.kind}${s.bucket}`));
  if (keys.size === columns.length) return named;
  return columns.map((_, i) =>
    i < FINE_BUCKET_COUNT
      ? { kind: 'counts', bucket: i }
      : i < 2 * FINE_BUCKET_COUNT
        ? { kind: 'seconds', bucket: i - FINE_BUCKET_COUNT }
        : null,
  );
}

/** True when the bound columns give every count and every seconds slot of the fine histogram. */
export function fineComplete(slots: readonly (FineSlot | null)[]): boolean {
  const keys = new Set(slots.filter((s): s is FineSlot => s !== null).map((s) => `${s.kind}${s.bucket}`));
  return keys.size === 2 * FINE_BUCKET_COUNT;
}

function slotFromName(source: powerbi.DataViewMetadataColumn): FineSlot | null {
  for (const name of [source.queryName, source.displayName]) {
    const match = name ? FINE_NAME.exec(name) : null;
    if (match) {
      const bucket = Number(match[2]);
      if (bucket < FINE_BUCKET_COUNT) return { kind: match[1]!.toLowerCase() === 'd' ? 'counts' : 'seconds', bucket };
    }
  }
  return null;
}
