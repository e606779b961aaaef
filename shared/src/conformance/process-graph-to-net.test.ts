import { describe, expect, it } from 'vitest';
import { createAligner } from './aligner';
import type { ProcessGraph, ProcessNodeKind } from './process-graph';
import { processGraphToNet } from './process-graph-to-net';
import { replayLog } from './token-replay';

/** `graph('s:start a:task:A g:parallel', 's>a a>g ...')`; flows are named f1, f2, ... */
function graph(nodes: string, flows: string): ProcessGraph {
  return {
    nodes: nodes.split(' ').map((n) => {
      const [id, kind, name] = n.split(':');
      return { id: id!, kind: kind as ProcessNodeKind, ...(name ? { name } : {}) };
    }),
    flows: flows.split(' ').map((f, i) => {
      const [source, target] = f.split('>');
      return { id: `f${i + 1}`, source: source!, target: target! };
    }),
  };
}

const cost = (aligner: ReturnType<typeof createAligner>, trace: string) => {
  const r = aligner.align(trace.split(' '));
  return r.status === 'aligned' ? r.cost : null;
};

describe('processGraphToNet', () => {
  it('translates a sequence: a place per flow plus source and sink, a transition per node', () => {
    const net = processGraphToNet(graph('s:start a:task:A b:task:B e:end', 's>a a>b b>e'));
    expect(net.places).toEqual(['#source', '#sink', 'f1', 'f2', 'f3']);
    expect(net.transitions.map((t) => t.label)).toEqual([null, 'A', 'B', null]);
    expect(createAligner(net).shortestRun).toBe(2);
  });

  it('exclusive split and merge: one branch fits, both or none costs 1', () => {
    const aligner = createAligner(
      processGraphToNet(graph('s:start x:exclusive a:task:A b:task:B m:exclusive c:task:C e:end', 's>x x>a x>b a>m b>m m>c c>e')),
    );
    expect(aligner.shortestRun).toBe(2);
    expect(cost(aligner, 'A C')).toBe(0);
    expect(cost(aligner, 'B C')).toBe(0);
    expect(cost(aligner, 'A B C')).toBe(1);
    expect(cost(aligner, 'C')).toBe(1);
  });

  it('parallel split and join: both orders fit; token replay agrees', () => {
    const net = processGraphToNet(graph('s:start p:parallel a:task:A b:task:B j:parallel e:end', 's>p p>a p>b a>j b>j j>e'));
    const aligner = createAligner(net);
    expect(cost(aligner, 'A B')).toBe(0);
    expect(cost(aligner, 'B A')).toBe(0);
    expect(cost(aligner, 'A')).toBe(1);
    expect(replayLog(net, [{ activities: ['B', 'A'], cases: 1 }]).fittingTracesPct).toBe(100);
  });

  it('inclusive split and join allow any non-empty combination of branches', () => {
    const aligner = createAligner(
      processGraphToNet(graph('s:start o:inclusive a:task:A b:task:B j:inclusive c:task:C e:end', 's>o o>a o>b a>j b>j j>c c>e')),
    );
    expect(aligner.shortestRun).toBe(2);
    for (const trace of ['A C', 'B C', 'A B C', 'B A C']) expect(cost(aligner, trace)).toBe(0);
    expect(cost(aligner, 'C')).toBe(1);
  });

  it('an intermediate event is a silent step; a task with two incoming flows merges them', () => {
    const aligner = createAligner(
      processGraphToNet(graph('s:start a:task:A i:silent x:exclusive b:task:B e:end', 's>a a>i i>x x>a x>b b>e')),
    );
    expect(cost(aligner, 'A A A B')).toBe(0);
    expect(cost(aligner, 'B')).toBe(1);
  });

  it('refuses a task without a name or a node without flows, naming the node', () => {
    expect(() => processGraphToNet(graph('s:start a:task e:end', 's>a a>e'))).toThrow(/task "a" has no name/);
    expect(() => processGraphToNet(graph('s:start a:task:A z:task:Z e:end', 's>a a>e'))).toThrow(/task "z" has no incoming sequence flow/);
    expect(() => processGraphToNet(graph('s:start a:task:A e:end', 's>a a>q'))).toThrow(/refers to unknown node "q"/);
  });
});
