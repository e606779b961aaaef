import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '@sagsflow/shared';
import { reserveAhead, type ReservingBuilder } from './reserve-ahead';

/** A builder that records what it was asked to reserve, with `eventCount` set by the test. */
function fakeBuilder(): ReservingBuilder & { count: number; reserved: number[] } {
  const b = {
    count: 0,
    reserved: [] as number[],
    get eventCount() {
      return b.count;
    },
    reserve(events: number) {
      b.reserved.push(events);
    },
  };
  return b;
}

const MIB = 1 << 20;

describe('reserveAhead', () => {
  it('reserves once, at the second report, from the rate between the first two, 5 % over', () => {
    const b = fakeBuilder();
    const onRead = reserveAhead(b, 100 * MIB);
    b.count = 17_000; // the last batch of the first 4 MiB is still on its way
    onRead(4 * MIB);
    expect(b.reserved).toEqual([]);
    b.count = 41_000; // 24,000 events in the second 4 MiB
    onRead(8 * MIB);
    expect(b.reserved).toEqual([Math.ceil(41_000 + 92 * MIB * (24_000 / (4 * MIB)) * 1.05)]);
    b.count = 66_000;
    onRead(12 * MIB);
    expect(b.reserved).toHaveLength(1);
  });

  it('reserves at most 1.5 times what the average so far gives for the whole load', () => {
    const b = fakeBuilder();
    const onRead = reserveAhead(b, 100 * MIB);
    b.count = 1_000;
    onRead(4 * MIB);
    b.count = 101_000; // short lines after long ones: the rate alone would say 2.4 M events
    onRead(8 * MIB);
    expect(b.reserved).toEqual([Math.floor((101_000 / (8 * MIB)) * 100 * MIB * 1.5)]);
  });

  it('reserves nothing when the load is read by the second report, or no event came', () => {
    const whole = fakeBuilder();
    const onWhole = reserveAhead(whole, 8 * MIB);
    whole.count = 20_000;
    onWhole(4 * MIB);
    whole.count = 40_000;
    onWhole(8 * MIB);
    const empty = fakeBuilder();
    const onEmpty = reserveAhead(empty, 100 * MIB);
    onEmpty(4 * MIB);
    onEmpty(8 * MIB);
    expect([...whole.reserved, ...empty.reserved]).toEqual([]);
  });

  it('leaves the built log as it was without the reservation', () => {
    const events = (b: EventLogBuilder) => {
      for (let i = 0; i < 5_000; i++) b.addEvent(`c${i % 700}`, `a${i % 7}`, i, i % 3 ? 'r' : null);
    };
    const plain = new EventLogBuilder();
    events(plain);
    const reserved = new EventLogBuilder();
    const onRead = reserveAhead(reserved, 1_000_000);
    for (let i = 0; i < 5_000; i++) {
      reserved.addEvent(`c${i % 700}`, `a${i % 7}`, i, i % 3 ? 'r' : null);
      if (i === 1_000 || i === 2_000) onRead(i * 10);
    }
    expect(reserved.build()).toEqual(plain.build());
  });
});
