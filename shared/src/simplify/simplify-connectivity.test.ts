import { describe, expect, it } from 'vitest';
import { processMapFromLog } from '../map/process-map-from-log';
import type { ProcessMap } from '../map/process-map';
import { STEP_END, STEP_START } from '../steps/types';
import { randomLog } from '../testing/random-log';
import { simplifyMap } from './simplify-map';

function reachable(map: ProcessMap, root: string, forward: boolean): Set<string> {
  const seen = new Set([root]);
  const stack = [root];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const e of map.edges) {
      const [tail, head] = forward ? [e.from, e.to] : [e.to, e.from];
      if (tail === at && !seen.has(head)) {
        seen.add(head);
        stack.push(head);
      }
    }
  }
  return seen;
}

describe('simplifyMap connectivity', () => {
  const map = processMapFromLog(randomLog(11, 300, 10, 12));

  it.each([0, 10, 30, 50, 80, 100])('at %i% activities, for every path %, each kept node lies on a START-END path', (activityPercent) => {
    for (const pathPercent of [0, 5, 25, 50, 100]) {
      const out = simplifyMap(map, { activityPercent, pathPercent });
      const fromStart = reachable(out, STEP_START, true);
      const toEnd = reachable(out, STEP_END, false);
      for (const node of out.nodes) {
        expect(fromStart.has(node.activity), `${node.activity} from START`).toBe(true);
        expect(toEnd.has(node.activity), `${node.activity} to END`).toBe(true);
      }
      expect(out.nodes.length - 2).toBe(Math.max(1, Math.ceil((activityPercent / 100) * 10 - 1e-9)));
    }
  });

  it('more path percent never gives fewer edges', () => {
    const sizes = [0, 20, 40, 60, 80, 100].map((p) => simplifyMap(map, { activityPercent: 100, pathPercent: p }).edges.length);
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(sizes.at(-1)).toBe(map.edges.length);
  });
});
