import { MisuseError, NotFoundError, quote } from '../errors';
import type { EventLog } from '../event-log/types';
import { discoverVariants } from '../variants/discover-variants';
import type { TimeframeMode } from './types';

/** A per-case keep mask (1 = keep). */
export type CaseMask = Uint8Array;

function maskWhere(log: EventLog, test: (lo: number, hi: number, c: number) => boolean): CaseMask {
  const keep = new Uint8Array(log.caseIds.length);
  for (let c = 0; c < keep.length; c++) keep[c] = test(log.caseOffsets[c]!, log.caseOffsets[c + 1]!, c) ? 1 : 0;
  return keep;
}

/** Cases related to `[from, to)` as `mode` says (see `TimeframeMode`). */
export function timeframeMask(log: EventLog, mode: TimeframeMode, from: number, to: number): CaseMask {
  if (!(from <= to)) {
    throw new MisuseError(`filterLog: timeframe is empty, got from ${quote(from)} and to ${quote(to)}, expected from <= to (epoch ms)`);
  }
  const t = log.timestamp;
  const inside = (x: number) => x >= from && x < to;
  switch (mode) {
    case 'contained':
      return maskWhere(log, (lo, hi) => t[lo]! >= from && t[hi - 1]! < to);
    case 'intersecting':
      return maskWhere(log, (lo, hi) => t[lo]! < to && t[hi - 1]! >= from);
    case 'startedIn':
      return maskWhere(log, (lo) => inside(t[lo]!));
    case 'completedIn':
      return maskWhere(log, (_lo, hi) => inside(t[hi - 1]!));
    default:
      throw new MisuseError(
        `filterLog: unknown timeframe mode, got ${quote(mode)}, expected contained, intersecting, startedIn or completedIn`,
      );
  }
}

/** Cases lasting from `minMs` to `maxMs` (first to last event), both inclusive. */
export function caseDurationMask(log: EventLog, minMs = 0, maxMs = Number.POSITIVE_INFINITY): CaseMask {
  const t = log.timestamp;
  return maskWhere(log, (lo, hi) => {
    const d = t[hi - 1]! - t[lo]!;
    return d >= minMs && d <= maxMs;
  });
}

/** Cases whose case attribute is one of `values`, or with `exclude` all others (absent included). */
export function caseAttributeMask(log: EventLog, attribute: string, values: readonly string[], exclude: boolean): CaseMask {
  const column = log.caseAttributes.get(attribute);
  if (!column) {
    throw new NotFoundError(
      `filterLog: no case attribute ${quote(attribute)}, expected one of ${quote([...log.caseAttributes.keys()].join(', '))}`,
    );
  }
  const wanted = codeSet(column.values, values);
  return maskWhere(log, (_lo, _hi, c) => (column.codes[c]! >= 0 && wanted[column.codes[c]!] === 1) !== exclude);
}

/** Marks which codes of an interned column are among `values`. */
export function codeSet(names: readonly string[], values: readonly string[]): Uint8Array {
  const set = new Set(values);
  const out = new Uint8Array(names.length);
  for (let i = 0; i < names.length; i++) if (set.has(names[i]!)) out[i] = 1;
  return out;
}

/**
 * Cases of the variants that `pick` chooses, given the keys and cases of the log's variants
 * (most cases first) and the number of cases.
 */
export function variantMask(log: EventLog, pick: (keys: string[], cases: number[], total: number) => Set<number>): CaseMask {
  const { variants, variantOfCase } = discoverVariants(log);
  const kept = pick(
    variants.map((v) => v.key),
    variants.map((v) => v.cases),
    log.caseIds.length,
  );
  return maskWhere(log, (_lo, _hi, c) => kept.has(variantOfCase[c]!));
}

/** A `variantMask` pick: the k most frequent variants. */
export function topVariants(k: number) {
  if (!(k >= 0)) throw new MisuseError(`filterLog: topVariants k is invalid, got ${quote(k)}, expected a number >= 0`);
  return (keys: string[]) => new Set(keys.map((_, i) => i).filter((i) => i < k));
}

/** A `variantMask` pick: the most frequent variants until they cover `percent` of the cases. */
export function variantCoverage(percent: number) {
  if (!(percent >= 0 && percent <= 100)) {
    throw new MisuseError(`filterLog: variantCoverage percent is out of range, got ${quote(percent)}, expected 0..100`);
  }
  return (_keys: string[], cases: number[], total: number) => {
    const kept = new Set<number>();
    let covered = 0;
    for (let i = 0; i < cases.length && covered < (percent / 100) * total; i++) {
      kept.add(i);
      covered += cases[i]!;
    }
    return kept;
  };
}

/** A `variantMask` pick: the variants with these keys. */
export function variantKeys(wanted: readonly string[]) {
  const set = new Set(wanted);
  return (keys: string[]) => new Set(keys.map((_, i) => i).filter((i) => set.has(keys[i]!)));
}
