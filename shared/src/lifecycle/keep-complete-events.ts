import { selectEvents } from '../event-log/select';
import { Lifecycle, type EventLog } from '../event-log/types';

/**
 * A new log with only the events whose lifecycle is complete or absent (the CLI's
 * `--lifecycle complete`); cases left without events are dropped.
 */
export function keepCompleteEvents(log: EventLog): EventLog {
  const keep = new Uint8Array(log.lifecycle.length);
  for (let e = 0; e < keep.length; e++) {
    const life = log.lifecycle[e]!;
    keep[e] = life === Lifecycle.complete || life === Lifecycle.none ? 1 : 0;
  }
  return selectEvents(log, keep);
}
