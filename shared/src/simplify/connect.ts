import type { ProcessMapEdge } from '../map/process-map';
import { STEP_END, STEP_START } from '../steps/types';

/**
 * Adds edges from `ranked` (strongest first) to `kept` until every node in `nodes`
 * is reachable from STEP_START and can reach STEP_END, or no edge can help.
 * Each round adds the strongest edge that crosses from the connected to the
 * unconnected side, like Prim's algorithm for a maximum spanning tree.
 */
export function connectKeptNodes(nodes: readonly string[], ranked: readonly ProcessMapEdge[], kept: Set<ProcessMapEdge>): void {
  grow(
    nodes,
    ranked,
    kept,
    STEP_START,
    (e) => e.from,
    (e) => e.to,
  );
  grow(
    nodes,
    ranked,
    kept,
    STEP_END,
    (e) => e.to,
    (e) => e.from,
  );
}

function grow(
  nodes: readonly string[],
  ranked: readonly ProcessMapEdge[],
  kept: Set<ProcessMapEdge>,
  root: string,
  tail: (e: ProcessMapEdge) => string,
  head: (e: ProcessMapEdge) => string,
): void {
  const members = new Set(nodes);
  const reached = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    reached.add(start);
    while (stack.length > 0) {
      const at = stack.pop()!;
      for (const e of kept) {
        const next = head(e);
        if (tail(e) === at && !reached.has(next) && members.has(next)) {
          reached.add(next);
          stack.push(next);
        }
      }
    }
  };
  if (!members.has(root)) return;
  visit(root);
  while (reached.size < members.size) {
    const bridge = ranked.find((e) => !kept.has(e) && reached.has(tail(e)) && !reached.has(head(e)) && members.has(head(e)));
    if (!bridge) return;
    kept.add(bridge);
    visit(head(bridge));
  }
}
