import { InvalidModelError, quote } from '../errors';
import type { ProcessGraph, ProcessNode } from './process-graph';
import { buildWorkflowNet, type WorkflowNet, type WorkflowNetSpec } from './workflow-net';

/** Inclusive gateways allow every non-empty subset of their branches; above this many branches the model is refused. */
export const MAX_INCLUSIVE_BRANCHES = 8;

const SOURCE = '#source';
const SINK = '#sink';

/**
 * Translates a BPMN process graph into a workflow net: a place per sequence flow plus
 * one source and one sink place, a labelled transition per task (its name is the
 * label), and silent transitions for events and gateways:
 * - start event: source -> its outgoing flows; end event: each incoming flow -> sink;
 * - task or intermediate event with several incoming flows: a silent merge per flow
 *   into a place of its own (BPMN merges uncontrolled flows exclusively); several
 *   outgoing flows are all marked (an implicit parallel split);
 * - exclusive gateway: one silent transition per incoming x outgoing flow;
 * - parallel gateway: one silent transition from all incoming to all outgoing flows;
 * - inclusive gateway: one silent transition per non-empty subset of incoming flows
 *   and non-empty subset of outgoing flows (the combinations it allows).
 * Throws `InvalidModelError` naming the node when a node lacks a needed flow.
 *
 * @example
 * processGraphToNet({ nodes: [{ id: 's', kind: 'start' }, { id: 'a', kind: 'task', name: 'A' }, { id: 'e', kind: 'end' }],
 *   flows: [{ id: 'f1', source: 's', target: 'a' }, { id: 'f2', source: 'a', target: 'e' }] });
 */
export function processGraphToNet(graph: ProcessGraph): WorkflowNet {
  const nodes = new Map<string, ProcessNode>();
  for (const node of graph.nodes) {
    if (nodes.has(node.id)) throw new InvalidModelError(`processGraphToNet: duplicate node id ${quote(node.id)}`);
    nodes.set(node.id, node);
  }
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const flow of graph.flows) {
    for (const end of [flow.source, flow.target]) {
      if (!nodes.has(end)) {
        throw new InvalidModelError(`processGraphToNet: sequence flow ${quote(flow.id)} refers to unknown node ${quote(end)}`);
      }
    }
    push(outgoing, flow.source, flow.id);
    push(incoming, flow.target, flow.id);
  }
  const places = [SOURCE, SINK, ...graph.flows.map((f) => f.id)];
  const transitions: { id: string; label: string | null }[] = [];
  const arcs: { from: string; to: string }[] = [];
  const add = (id: string, label: string | null, inputs: readonly string[], outputs: readonly string[]) => {
    transitions.push({ id, label });
    for (const p of inputs) arcs.push({ from: p, to: id });
    for (const p of outputs) arcs.push({ from: id, to: p });
  };
  for (const node of graph.nodes) {
    const ins = incoming.get(node.id) ?? [];
    const outs = outgoing.get(node.id) ?? [];
    const need = (list: string[], what: string) => {
      if (list.length === 0) {
        throw new InvalidModelError(`processGraphToNet: ${node.kind} ${quote(node.id)} has no ${what} sequence flow`);
      }
    };
    switch (node.kind) {
      case 'start':
        need(outs, 'outgoing');
        add(node.id, null, [SOURCE], outs);
        break;
      case 'end':
        need(ins, 'incoming');
        ins.forEach((f, k) => add(ins.length === 1 ? node.id : `${node.id}#${k}`, null, [f], [SINK]));
        break;
      case 'task':
      case 'silent': {
        need(ins, 'incoming');
        need(outs, 'outgoing');
        const label = node.kind === 'task' ? taskLabel(node) : null;
        if (ins.length === 1) {
          add(node.id, label, ins, outs);
          break;
        }
        const entry = `${node.id}#in`;
        places.push(entry);
        ins.forEach((f, k) => add(`${node.id}#merge${k}`, null, [f], [entry]));
        add(node.id, label, [entry], outs);
        break;
      }
      case 'exclusive':
        need(ins, 'incoming');
        need(outs, 'outgoing');
        for (const i of ins) for (const o of outs) add(`${node.id}#${i}->${o}`, null, [i], [o]);
        break;
      case 'parallel':
        need(ins, 'incoming');
        need(outs, 'outgoing');
        add(node.id, null, ins, outs);
        break;
      case 'inclusive':
        need(ins, 'incoming');
        need(outs, 'outgoing');
        for (const i of subsets(node, ins)) {
          for (const o of subsets(node, outs)) add(`${node.id}#${i.join('+')}->${o.join('+')}`, null, i, o);
        }
        break;
    }
  }
  const spec: WorkflowNetSpec = { places, transitions, arcs, initialMarking: { [SOURCE]: 1 }, finalMarking: { [SINK]: 1 } };
  return buildWorkflowNet(spec);
}

function taskLabel(node: ProcessNode): string {
  const name = node.name?.trim();
  if (!name) throw new InvalidModelError(`processGraphToNet: task ${quote(node.id)} has no name (its activity label)`);
  return name;
}

function subsets(node: ProcessNode, flows: string[]): string[][] {
  if (flows.length > MAX_INCLUSIVE_BRANCHES) {
    throw new InvalidModelError(
      `processGraphToNet: inclusive gateway ${quote(node.id)} has ${flows.length} branches, at most ${MAX_INCLUSIVE_BRANCHES} are supported`,
    );
  }
  const out: string[][] = [];
  for (let mask = 1; mask < 1 << flows.length; mask++) out.push(flows.filter((_, i) => mask & (1 << i)));
  return out;
}

function push(map: Map<string, string[]>, key: string, value: string) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
