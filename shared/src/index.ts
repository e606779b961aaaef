/**
 * Sagsflow mining core: pure functions over an in-memory event log. No I/O.
 * This is the only entry point; every export is named.
 */
export * from './event-log/types';
export { EventLogBuilder } from './event-log/builder';
export { lifecycleCode } from './event-log/lifecycle-code';
export { selectCases, selectEvents } from './event-log/select';
export * from './histogram/duration-buckets';
export * from './steps/types';
export { SagsflowError, InvalidLogError, NotFoundError, MisuseError } from './errors';
export {
  durationStats,
  sortedDurationStats,
  quantileSorted,
  EMPTY_DURATION_STATS,
  type DurationStats,
} from './statistics/duration-stats';
export { discoverDfg, type Dfg, type DfgEdge } from './dfg/discover-dfg';
