/** What `reserveAhead` needs of the event log builder. */
export interface ReservingBuilder {
  readonly eventCount: number;
  reserve(events: number): void;
}

/** Reserved above the estimate, so that its noise seldom leaves one more doubling at the end. */
const MARGIN = 1.05;

/** At most this many times the events that the average so far gives for the whole load. */
const MOST_OVER_AVERAGE = 1.5;

/**
 * Returns the listener of a load's read progress (bytes of the load read so far, in order) that
 * reserves the builder's columns for the whole load once, at its second report: the events per
 * byte between the first two reports (the reader worker reports every 4 MiB; the events of a
 * report's last batch may still be on their way, so the rate between two reports is truer than
 * the average) times the bytes still to come, 5 % over, and at most 1.5 times what the average so
 * far gives. Without it the columns double from 1,024 events: about 40 MB copied into fresh
 * memory, a page fault per 4 KiB, for 1,000,000 events. A short estimate costs one doubling more.
 *
 * @example
 * const onRead = reserveAhead(builder, bytesTotal);
 * onRead(4 << 20); onRead(8 << 20); // reserves, once
 */
export function reserveAhead(builder: ReservingBuilder, bytesTotal: number): (bytesRead: number) => void {
  let first: { bytes: number; events: number } | null = null;
  let done = false;
  return (bytesRead) => {
    if (done || bytesRead <= 0) return;
    const events = builder.eventCount;
    if (first === null) {
      first = { bytes: bytesRead, events };
      return;
    }
    if (bytesRead <= first.bytes) return;
    done = true;
    const rest = bytesTotal - bytesRead;
    if (rest <= 0 || events === 0) return;
    const rate = (events - first.events) / (bytesRead - first.bytes);
    const most = (events / bytesRead) * bytesTotal * MOST_OVER_AVERAGE;
    const expected = Math.min(Math.ceil(events + rest * rate * MARGIN), Math.floor(most));
    if (expected > events) builder.reserve(expected);
  };
}
