import { buildWorkflowNet, type WorkflowNet } from '../conformance/workflow-net';

/**
 * Builds a workflow net from text, for tests: transitions separated by `;`, each
 * `name: in1,in2 -> out1,out2`. A name starting with `tau` is silent; otherwise the
 * label is the name up to any `#` (so `b#2` is a second transition labelled `b`).
 * Places are the names used; the initial marking is one token on `i`, the final one on `o`.
 *
 * @example tinyNet('a: i -> p; b: p -> o')
 */
export function tinyNet(text: string): WorkflowNet {
  const places = new Set<string>(['i', 'o']);
  const transitions: { id: string; label: string | null }[] = [];
  const arcs: { from: string; to: string }[] = [];
  for (const part of text.split(';')) {
    const [name, body] = part.split(':').map((s) => s.trim());
    if (!name || body === undefined) continue;
    const [ins, outs] = body.split('->').map((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    );
    transitions.push({ id: name, label: name.startsWith('tau') ? null : name.split('#')[0]! });
    for (const p of ins ?? []) {
      places.add(p);
      arcs.push({ from: p, to: name });
    }
    for (const p of outs ?? []) {
      places.add(p);
      arcs.push({ from: name, to: p });
    }
  }
  return buildWorkflowNet({ places: [...places], transitions, arcs, initialMarking: { i: 1 }, finalMarking: { o: 1 } });
}
