import type { EventLog } from '../event-log/types';
import { aggregateSteps } from '../steps/aggregate-steps';
import { discoverSteps } from '../steps/discover-steps';
import type { ProcessMap } from './process-map';

/**
 * The process map of a log with edge histograms, built the same way the visual
 * builds it from step rows (so both show identical numbers).
 */
export function processMapFromLog(log: EventLog): ProcessMap {
  return aggregateSteps(discoverSteps(log)).map;
}
