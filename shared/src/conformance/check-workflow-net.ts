import { InvalidModelError, quote } from '../errors';
import type { WorkflowNet } from './workflow-net';

/** The source and sink place of a net that passed `checkWorkflowNet`. */
export interface WorkflowNetEnds {
  source: number;
  sink: number;
}

/**
 * Checks that the net is a workflow net sound enough to replay: exactly one source
 * place (no arc into it) holding the one initial token, exactly one sink place (no arc
 * out of it) holding the one final token, every transition with an input and an output
 * place, and every place and transition on a path from the source to the sink.
 * Throws `InvalidModelError` naming the offending place or transition.
 */
export function checkWorkflowNet(net: WorkflowNet): WorkflowNetEnds {
  const op = 'checkWorkflowNet';
  const produced = new Uint8Array(net.places.length);
  const consumed = new Uint8Array(net.places.length);
  for (const t of net.transitions) {
    if (t.inputs.length === 0) throw new InvalidModelError(`${op}: transition ${quote(t.id)} has no input place`);
    if (t.outputs.length === 0) throw new InvalidModelError(`${op}: transition ${quote(t.id)} has no output place`);
    for (const p of t.inputs) consumed[p] = 1;
    for (const p of t.outputs) produced[p] = 1;
  }
  const sources = net.places.map((_, p) => p).filter((p) => !produced[p]);
  const sinks = net.places.map((_, p) => p).filter((p) => !consumed[p]);
  if (sources.length !== 1) {
    throw new InvalidModelError(`${op}: expected one source place, got ${sources.length} (${names(net, sources)})`);
  }
  if (sinks.length !== 1) {
    throw new InvalidModelError(`${op}: expected one sink place, got ${sinks.length} (${names(net, sinks)})`);
  }
  const source = sources[0]!;
  const sink = sinks[0]!;
  if (net.initialMarking.length !== 1 || net.initialMarking[0] !== source) {
    throw new InvalidModelError(`${op}: the initial marking must be one token on the source place ${quote(net.places[source])}`);
  }
  if (net.finalMarking.length !== 1 || net.finalMarking[0] !== sink) {
    throw new InvalidModelError(`${op}: the final marking must be one token on the sink place ${quote(net.places[sink])}`);
  }
  const forward = reach(net, source, 'forward');
  const backward = reach(net, sink, 'backward');
  net.places.forEach((id, p) => {
    if (!forward.places[p] || !backward.places[p]) {
      throw new InvalidModelError(`${op}: place ${quote(id)} is not on a path from the source to the sink`);
    }
  });
  net.transitions.forEach((t, i) => {
    if (!forward.transitions[i] || !backward.transitions[i]) {
      throw new InvalidModelError(`${op}: transition ${quote(t.id)} is not on a path from the source to the sink`);
    }
  });
  return { source, sink };
}

function names(net: WorkflowNet, places: number[]): string {
  return places.length === 0 ? 'none' : places.map((p) => quote(net.places[p])).join(', ');
}

function reach(net: WorkflowNet, start: number, direction: 'forward' | 'backward') {
  const places = new Uint8Array(net.places.length);
  const transitions = new Uint8Array(net.transitions.length);
  places[start] = 1;
  let changed = true;
  while (changed) {
    changed = false;
    net.transitions.forEach((t, i) => {
      if (transitions[i]) return;
      const from = direction === 'forward' ? t.inputs : t.outputs;
      const to = direction === 'forward' ? t.outputs : t.inputs;
      if (!from.some((p) => places[p])) return;
      transitions[i] = 1;
      changed = true;
      for (const p of to) places[p] = 1;
    });
  }
  return { places, transitions };
}
