import { localDayNumber, localDayNumbers } from '../calendar/local-date';
import type { EventLog } from '../event-log/types';
import { Lifecycle } from '../event-log/types';

/** Per event of a log: its local date and whether it takes part in rule checking. */
export interface EventDays {
  /** Local day number of every event in the time zone. */
  day: Int32Array;
  /** 1 for a complete event (or one without a lifecycle) on or before the as-of date, else 0. */
  counted: Uint8Array;
  /** The as-of date used, or null for a log without events and no as-of given. */
  asOfDay: number | null;
}

/**
 * Computes the local date of every event once, and which events count: complete events
 * (or events without a lifecycle) whose local date is on or before the as-of date, by
 * default the local date of the log's last event.
 */
export function eventDays(log: EventLog, timeZone: string, asOfDay: number | null): EventDays {
  const n = log.timestamp.length;
  const day = localDayNumbers(log.timestamp, timeZone);
  let last = -Infinity;
  for (let e = 0; e < n; e++) if (log.timestamp[e]! > last) last = log.timestamp[e]!;
  const asOf = asOfDay ?? (n > 0 ? localDayNumber(last, timeZone) : null);
  const counted = new Uint8Array(n);
  if (asOf !== null) {
    for (let e = 0; e < n; e++) {
      const lc = log.lifecycle[e];
      counted[e] = (lc === Lifecycle.none || lc === Lifecycle.complete) && day[e]! <= asOf ? 1 : 0;
    }
  }
  return { day, counted, asOfDay: asOf };
}
