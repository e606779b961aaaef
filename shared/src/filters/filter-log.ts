import { MisuseError, NotFoundError, quote } from '../errors';
import { selectCases, selectEvents } from '../event-log/select';
import type { EventLog } from '../event-log/types';
import { endpointMask, followsMask, passesThroughMask } from './activity-masks';
import {
  caseAttributeMask,
  caseDurationMask,
  codeSet,
  timeframeMask,
  topVariants,
  variantCoverage,
  variantKeys,
  variantMask,
  type CaseMask,
} from './case-masks';
import type { LogFilter } from './types';

/**
 * Applies filters in order; each step sees the result of the previous one (so
 * `topVariants` after `caseAttribute` ranks variants within that attribute value).
 * Returns a new log; the input is never modified. Variant filters rediscover
 * variants on the log they receive.
 *
 * @example
 * filterLog(log, [
 *   { kind: 'caseAttribute', attribute: 'jobcenter', values: ['Nord'] },
 *   { kind: 'timeframe', mode: 'startedIn', from: Date.UTC(2024, 0), to: Date.UTC(2024, 6) },
 *   { kind: 'variantCoverage', percent: 80 },
 * ]);
 */
export function filterLog(log: EventLog, filters: readonly LogFilter[]): EventLog {
  let out = log;
  for (const filter of filters) out = applyFilter(out, filter);
  return out;
}

function applyFilter(log: EventLog, f: LogFilter): EventLog {
  if (f.kind === 'eventAttribute') return eventAttributeFilter(log, f.attribute, f.values, f.keep);
  return selectCases(log, caseMask(log, f));
}

function caseMask(log: EventLog, f: Exclude<LogFilter, { kind: 'eventAttribute' }>): CaseMask {
  switch (f.kind) {
    case 'timeframe':
      return timeframeMask(log, f.mode, f.from, f.to);
    case 'caseAttribute':
      return caseAttributeMask(log, f.attribute, f.values, f.exclude ?? false);
    case 'topVariants':
      return variantMask(log, topVariants(f.k));
    case 'variantCoverage':
      return variantMask(log, variantCoverage(f.percent));
    case 'variantKeys':
      return variantMask(log, variantKeys(f.keys));
    case 'caseDuration':
      return caseDurationMask(log, f.minMs, f.maxMs);
    case 'passesThrough':
      return passesThroughMask(log, f.activity, true);
    case 'notPassesThrough':
      return passesThroughMask(log, f.activity, false);
    case 'startActivity':
      return endpointMask(log, f.activities, 'start');
    case 'endActivity':
      return endpointMask(log, f.activities, 'end');
    case 'directlyFollows':
      return followsMask(log, f.from, f.to, true);
    case 'eventuallyFollows':
      return followsMask(log, f.from, f.to, false);
    default: {
      const kind: unknown = (f as { kind: unknown }).kind;
      throw new MisuseError(`filterLog: unknown filter kind, got ${quote(kind)}, expected one of the LogFilter kinds`);
    }
  }
}

function eventAttributeFilter(log: EventLog, attribute: string, values: readonly string[], keep: 'events' | 'cases'): EventLog {
  const column = log.eventAttributes.get(attribute);
  if (!column) {
    throw new NotFoundError(
      `filterLog: no event attribute ${quote(attribute)}, expected one of ${quote([...log.eventAttributes.keys()].join(', '))}`,
    );
  }
  const wanted = codeSet(column.values, values);
  const hit = new Uint8Array(log.activity.length);
  for (let e = 0; e < hit.length; e++) hit[e] = column.codes[e]! >= 0 ? wanted[column.codes[e]!]! : 0;
  if (keep === 'events') return selectEvents(log, hit);
  const cases = new Uint8Array(log.caseIds.length);
  for (let c = 0; c < cases.length; c++) {
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) {
      if (hit[e]) {
        cases[c] = 1;
        break;
      }
    }
  }
  return selectCases(log, cases);
}
