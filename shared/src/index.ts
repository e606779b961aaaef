/**
 * Sagsflow mining core: pure functions over an in-memory event log, no I/O, so it
 * runs the same in Node (service) and in the Power BI visual's sandbox.
 * This is the only entry point; every export is named.
 *
 * @example
 * import { EventLogBuilder, discoverDfg, discoverVariants } from '../../shared/src/index';
 * const b = new EventLogBuilder();
 * b.addEvent('case 1', 'Tilmelding', Date.UTC(2024, 0, 2));
 * const log = b.build();
 * discoverDfg(log).edges; discoverVariants(log).variants;
 */

// Errors
export { SagsflowError, InvalidLogError, NotFoundError, MisuseError } from './errors';

// Event log
export * from './event-log/types';
export { EventLogBuilder } from './event-log/builder';
export { lifecycleCode } from './event-log/lifecycle-code';
export { selectCases, selectEvents } from './event-log/select';

// Lifecycle
export { pairActivityInstances, type ActivityInstances } from './lifecycle/activity-instances';
export { activityTimes, type ActivityTimes } from './lifecycle/activity-times';
export { keepCompleteEvents } from './lifecycle/keep-complete-events';

// Directly-follows graph, variants, statistics
export { discoverDfg, type Dfg, type DfgEdge } from './dfg/discover-dfg';
export { variantKey, VARIANT_KEY_SEPARATOR } from './variants/variant-key';
export { discoverVariants, compareSequences, type Variant, type Variants } from './variants/discover-variants';
export {
  durationStats,
  sortedDurationStats,
  durationStatsInPlace,
  quantileSorted,
  EMPTY_DURATION_STATS,
  type DurationStats,
} from './statistics/duration-stats';
export { caseStatistics, type CaseStatistics, type CaseStatisticsOptions } from './statistics/case-statistics';
export { activityStatistics, type ActivityStatistics } from './statistics/activity-statistics';

// Filters
export { filterLog } from './filters/filter-log';
export type { LogFilter, TimeframeMode } from './filters/types';

// Process map, simplification, bottlenecks
export {
  processMapFromDfg,
  sortEdges,
  type ProcessMap,
  type ProcessMapNode,
  type ProcessMapEdge,
} from './map/process-map';
export { processMapFromLog } from './map/process-map-from-log';
export { rankBottlenecks, type Bottleneck } from './map/rank-bottlenecks';
export { simplifyMap, type SimplifyOptions } from './simplify/simplify-map';

// Steps (the data contract) and histograms
export * from './steps/types';
export { discoverSteps, type GroupedStepRow, type DiscoverStepsOptions } from './steps/discover-steps';
export { aggregateSteps, type AggregatedSteps, type StepVariant } from './steps/aggregate-steps';
export * from './histogram/duration-buckets';

// Privacy
export {
  applyMinimumGroupSize,
  formatGroupCount,
  OTHER_VARIANTS_KEY,
  type GroupedVariant,
  type VariantLike,
} from './privacy/minimum-group-size';
export { coarsenHistogram } from './privacy/coarsen-histogram';
