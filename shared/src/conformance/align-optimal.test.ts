import { describe, expect, it } from 'vitest';
import { tinyNet } from '../testing/tiny-net';
import { alignTrace } from './align-trace';
import { fire, isEnabled, markingKey, sameMarking, type Marking } from './marking';
import { indexNet } from './net-index';
import type { WorkflowNet } from './workflow-net';

/** Reference: uniform-cost search over (marking, position) without any heuristic (a 0-1 BFS). */
function referenceCost(net: WorkflowNet, trace: readonly string[]): number {
  const seen = new Map<string, number>();
  const deque: { m: Marking; pos: number; g: number }[] = [{ m: net.initialMarking, pos: 0, g: 0 }];
  while (deque.length > 0) {
    const { m, pos, g } = deque.shift()!;
    const key = `${pos}|${markingKey(m)}`;
    if (seen.has(key)) continue;
    seen.set(key, g);
    if (pos === trace.length && sameMarking(m, net.finalMarking)) return g;
    if (m.length > 6) continue;
    const push = (next: { m: Marking; pos: number; g: number }, free: boolean) => (free ? deque.unshift(next) : deque.push(next));
    if (pos < trace.length) push({ m, pos: pos + 1, g: g + 1 }, false);
    for (const t of net.transitions) {
      if (!isEnabled(m, t)) continue;
      const next = fire(m, t);
      if (t.label === null) push({ m: next, pos, g }, true);
      else {
        if (pos < trace.length && trace[pos] === t.label) push({ m: next, pos: pos + 1, g }, true);
        push({ m: next, pos, g: g + 1 }, false);
      }
    }
  }
  throw new Error('no complete run');
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NETS = {
  parallel: tinyNet('a: i -> p1,p2; b: p1 -> p3; c: p2 -> p4; d: p3,p4 -> o'),
  loop: tinyNet('a: i -> p1; b: p1 -> p2; tau: p2 -> p1; c: p2 -> o'),
  silentChoice: tinyNet('a: i -> p1; b: p1 -> p2; tau: p1 -> p2; c: p2 -> o; tau2: i -> p3; d: p3 -> p2'),
  duplicateLabels: tinyNet('a: i -> p1; b: p1 -> p2; a#2: p2 -> p3; tau: p2 -> p3; c: p3 -> o; tau3: p3 -> p1'),
};

describe('alignTrace is optimal: its cost equals a search without heuristic', () => {
  it.each(Object.entries(NETS))('%s, 150 random traces over its labels and one unknown', (_name, net) => {
    const index = indexNet(net);
    const next = random(42);
    const labels = [...new Set(net.transitions.flatMap((t) => (t.label ? [t.label] : []))), 'x'];
    for (let k = 0; k < 150; k++) {
      const trace = Array.from({ length: Math.floor(next() * 7) }, () => labels[Math.floor(next() * labels.length)]!);
      const result = alignTrace(index, trace);
      expect(result.status).toBe('aligned');
      if (result.status === 'aligned') expect(result.cost, trace.join(' ')).toBe(referenceCost(net, trace));
    }
  });
});
