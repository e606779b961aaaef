import { describe, expect, it } from 'vitest';
import { seededRandom } from '../statistics/seeded-random';
import { EventLogBuilder } from './builder';
import { selectCases, selectEvents } from './select';
import type { EventLog } from './types';

function randomLog(seed: number): EventLog {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const b = new EventLogBuilder();
  for (let c = 0; c < 30; c++) {
    for (let i = 0; i < 1 + Math.floor(random() * 5); i++) {
      b.add({
        caseId: `c${c}`,
        activity: pick(['A', 'B', 'C', 'D', 'E']),
        timestamp: i * 60_000,
        resource: pick(['ann', 'bo', null]),
        lifecycle: pick(['start', 'complete', null]),
        caseAttributes: { jobcenter: pick(['Nord', 'Syd']) },
        eventAttributes: random() < 0.5 ? { channel: pick(['mail', 'phone']) } : {},
      });
    }
  }
  return b.build();
}

describe('selectCases', () => {
  it('keeps the chosen cases in order, with activity and resource names compacted to those still used', () => {
    const b = new EventLogBuilder();
    b.add({ caseId: 'c1', activity: 'A', timestamp: 0, resource: 'ann' });
    b.add({ caseId: 'c2', activity: 'B', timestamp: 0, resource: 'bo' });
    b.add({ caseId: 'c2', activity: 'A', timestamp: 1 });
    b.add({ caseId: 'c3', activity: 'C', timestamp: 0, resource: 'cy' });
    const part = selectCases(b.build(), Uint8Array.of(0, 1, 1));
    expect(part.caseIds).toEqual(['c2', 'c3']);
    expect(part.activities).toEqual(['B', 'A', 'C']);
    expect(Array.from(part.activity)).toEqual([0, 1, 2]);
    expect(part.resources).toEqual(['bo', 'cy']);
    expect(Array.from(part.resource)).toEqual([0, -1, 1]);
    expect(Array.from(part.caseOffsets)).toEqual([0, 2, 3]);
  });

  it('equals selectEvents of the chosen cases` events on random logs', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const log = randomLog(seed);
      const random = seededRandom(100 + seed);
      const keep = Uint8Array.from(log.caseIds, () => (random() < 0.5 ? 1 : 0));
      const keepEvent = new Uint8Array(log.activity.length);
      for (let c = 0; c < keep.length; c++) if (keep[c]) keepEvent.fill(1, log.caseOffsets[c]!, log.caseOffsets[c + 1]!);
      expect(selectCases(log, keep)).toEqual(selectEvents(log, keepEvent));
    }
  });
});
