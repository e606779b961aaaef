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
export { pairActivityInstances, type ActivityInstances } from './lifecycle/activity-instances';
export { activityTimes, type ActivityTimes } from './lifecycle/activity-times';
export { keepCompleteEvents } from './lifecycle/keep-complete-events';
export { variantKey, VARIANT_KEY_SEPARATOR } from './variants/variant-key';
export { discoverVariants, compareSequences, type Variant, type Variants } from './variants/discover-variants';
export {
  caseStatistics,
  type CaseStatistics,
  type CaseStatisticsOptions,
} from './statistics/case-statistics';
export { activityStatistics, type ActivityStatistics } from './statistics/activity-statistics';
export { discoverSteps, type GroupedStepRow, type DiscoverStepsOptions } from './steps/discover-steps';
export { aggregateSteps, type AggregatedSteps, type StepVariant } from './steps/aggregate-steps';
export { filterLog } from './filters/filter-log';
export type { LogFilter, TimeframeMode } from './filters/types';
export {
  processMapFromDfg,
  sortEdges,
  type ProcessMap,
  type ProcessMapNode,
  type ProcessMapEdge,
} from './map/process-map';
export { rankBottlenecks, type Bottleneck } from './map/rank-bottlenecks';
export { simplifyMap, type SimplifyOptions } from './simplify/simplify-map';
