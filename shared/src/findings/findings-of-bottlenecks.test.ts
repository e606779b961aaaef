import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '../event-log/builder';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { seededRandom } from '../statistics/seeded-random';
import type { FindingContext } from './build-findings';
import type { EdgeWait } from './edge-waits';
import { longestWaits } from './findings-of-bottlenecks';
import { findingsSettings } from './settings';
import { collectTransitions } from './transitions';

const HOUR = 3_600_000;

/** The cases of edge x by their longest wait as first written: sort every transition (wait, then order), keep each case once. */
function reference(tr: ReturnType<typeof collectTransitions>, x: number, caseIds: readonly string[], k: number): string[] {
  const ts = Array.from({ length: tr.edgeOffsets[x + 1]! - tr.edgeOffsets[x]! }, (_, i) => tr.edgeOffsets[x]! + i);
  ts.sort((a, b) => tr.wait[b]! - tr.wait[a]! || a - b);
  const out: string[] = [];
  for (const t of ts) {
    const id = caseIds[tr.caseOf[t]!]!;
    if (out.length < k && !out.includes(id)) out.push(id);
  }
  return out;
}

describe('longestWaits', () => {
  it('lists the cases that waited longest on the edge, each once, ties by the earlier transition', () => {
    const random = seededRandom(11);
    const b = new EventLogBuilder();
    // Loops A -> B several times per case; waits of whole hours, so many ties.
    for (let c = 0; c < 60; c++) {
      let at = 0;
      for (let loop = 0; loop < 1 + (c % 3); loop++) {
        b.addEvent(`c${c}`, 'A', at, null, null);
        at += (1 + Math.floor(random() * 4)) * HOUR;
        b.addEvent(`c${c}`, 'B', at, null, null);
        at += HOUR;
      }
    }
    const log = b.build();
    const tr = collectTransitions(pairActivityInstances(log));
    const x = tr.edgeFrom.findIndex((from, i) => log.activities[from] === 'A' && log.activities[tr.edgeTo[i]!] === 'B');
    for (const k of [0, 1, 5, 50, 100]) {
      const ctx = { process: 'p', log, settings: findingsSettings({ evidenceCases: k }), transitions: tr } as FindingContext;
      const got = longestWaits({ edge: x } as EdgeWait, ctx);
      expect(got).toEqual(reference(tr, x, log.caseIds, k));
      expect(got.length).toBe(Math.min(k, 60));
    }
  });
});
