import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '@sagsflow/shared';
import { summarizeLog } from './summary-report';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 2, 1, 8);

describe('summarizeLog', () => {
  it('gives case durations, time span and finished cases of a hand-made log', () => {
    const builder = new EventLogBuilder();
    // c1: A B Afsluttet over 4 h; c2: A Afsluttet over 2 h (events given out of order); c3: A B, open, 10 h.
    builder.addEvent('c1', 'A', T0);
    builder.addEvent('c1', 'B', T0 + HOUR);
    builder.addEvent('c1', 'Afsluttet', T0 + 4 * HOUR);
    builder.addEvent('c2', 'Afsluttet', T0 + 3 * HOUR);
    builder.addEvent('c2', 'A', T0 + HOUR);
    builder.addEvent('c3', 'A', T0 - HOUR);
    builder.addEvent('c3', 'B', T0 + 9 * HOUR);
    const rows = { read: 7, accepted: 7, duplicates: 0, quarantined: 0 };
    const s = summarizeLog(builder.build(), rows, { endActivities: ['Afsluttet'] });
    expect(s.cases).toBe(3);
    expect(s.events).toBe(7);
    expect(s.caseDuration).toEqual({ meanSeconds: (16 * HOUR) / 3 / 1000, medianSeconds: (4 * HOUR) / 1000 });
    expect(s.timeSpan).toEqual({ first: '2024-03-01T07:00:00.000Z', last: '2024-03-01T17:00:00.000Z' });
    expect(s.finished).toEqual({
      cases: 2,
      openCases: 1,
      endActivities: ['Afsluttet'],
      endActivitiesSource: 'mapping',
      caseDuration: { meanSeconds: (3 * HOUR) / 1000, medianSeconds: (3 * HOUR) / 1000, p90Seconds: (3.8 * HOUR) / 1000 },
    });
    expect(s.dfg.map((e) => `${e.from}>${e.to}:${e.count}`)).toEqual(['A>B:2', 'A>Afsluttet:1', 'B>Afsluttet:1']);
    expect(s.variants.count).toBe(3);
  });

  it('summarizes an empty log without cases', () => {
    const s = summarizeLog(new EventLogBuilder().build(), { read: 0, accepted: 0, duplicates: 0, quarantined: 0 });
    expect(s.caseDuration).toEqual({ meanSeconds: 0, medianSeconds: 0 });
    expect(s.timeSpan).toEqual({ first: null, last: null });
    expect(s.finished.cases).toBe(0);
  });
});
