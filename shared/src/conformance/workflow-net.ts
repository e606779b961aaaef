import { InvalidModelError, quote } from '../errors';

/**
 * A workflow net as plain data: places, transitions (a `label` of null is a silent
 * transition), arcs between a place and a transition in either direction (a repeated
 * arc counts as weight 2), and the initial and final marking as tokens per place id.
 */
export interface WorkflowNetSpec {
  places: readonly string[];
  transitions: readonly { id: string; label?: string | null }[];
  arcs: readonly { from: string; to: string }[];
  initialMarking: Readonly<Record<string, number>>;
  finalMarking: Readonly<Record<string, number>>;
}

/** One transition of a compiled net; `inputs`/`outputs` are sorted place indices, repeated per arc weight. */
export interface NetTransition {
  readonly id: string;
  /** The activity the transition records, or null for a silent (tau) transition. */
  readonly label: string | null;
  readonly inputs: readonly number[];
  readonly outputs: readonly number[];
}

/**
 * A compiled workflow net: places by index, transitions with their input and output
 * places, and markings as sorted lists of place indices (a place appears once per token).
 */
export interface WorkflowNet {
  readonly places: readonly string[];
  readonly transitions: readonly NetTransition[];
  readonly initialMarking: readonly number[];
  readonly finalMarking: readonly number[];
}

/**
 * Compiles a net description into a `WorkflowNet`, checking every arc and marking names
 * a known place or transition.
 *
 * @example
 * const net = buildWorkflowNet({
 *   places: ['i', 'o'], transitions: [{ id: 'a', label: 'a' }],
 *   arcs: [{ from: 'i', to: 'a' }, { from: 'a', to: 'o' }],
 *   initialMarking: { i: 1 }, finalMarking: { o: 1 },
 * });
 */
export function buildWorkflowNet(spec: WorkflowNetSpec): WorkflowNet {
  const placeIndex = new Map<string, number>();
  spec.places.forEach((id, i) => {
    if (placeIndex.has(id)) throw new InvalidModelError(`buildWorkflowNet: duplicate place id ${quote(id)}`);
    placeIndex.set(id, i);
  });
  const transitionIndex = new Map<string, number>();
  spec.transitions.forEach((t, i) => {
    if (transitionIndex.has(t.id) || placeIndex.has(t.id)) {
      throw new InvalidModelError(`buildWorkflowNet: duplicate node id ${quote(t.id)}`);
    }
    transitionIndex.set(t.id, i);
  });
  const inputs: number[][] = spec.transitions.map(() => []);
  const outputs: number[][] = spec.transitions.map(() => []);
  for (const arc of spec.arcs) {
    const fromPlace = placeIndex.get(arc.from);
    const toPlace = placeIndex.get(arc.to);
    const fromTransition = transitionIndex.get(arc.from);
    const toTransition = transitionIndex.get(arc.to);
    if (fromPlace !== undefined && toTransition !== undefined) inputs[toTransition]!.push(fromPlace);
    else if (fromTransition !== undefined && toPlace !== undefined) outputs[fromTransition]!.push(toPlace);
    else {
      throw new InvalidModelError(`buildWorkflowNet: arc ${quote(arc.from)} -> ${quote(arc.to)} does not join a place and a transition`);
    }
  }
  const byNumber = (a: number, b: number) => a - b;
  return {
    places: [...spec.places],
    transitions: spec.transitions.map((t, i) => ({
      id: t.id,
      label: t.label ?? null,
      inputs: inputs[i]!.sort(byNumber),
      outputs: outputs[i]!.sort(byNumber),
    })),
    initialMarking: compileMarking(spec.initialMarking, placeIndex, 'initialMarking'),
    finalMarking: compileMarking(spec.finalMarking, placeIndex, 'finalMarking'),
  };
}

function compileMarking(marking: Readonly<Record<string, number>>, placeIndex: ReadonlyMap<string, number>, field: string): number[] {
  const out: number[] = [];
  for (const [id, tokens] of Object.entries(marking)) {
    const p = placeIndex.get(id);
    if (p === undefined) throw new InvalidModelError(`buildWorkflowNet: ${field} names unknown place ${quote(id)}`);
    if (!Number.isInteger(tokens) || tokens < 0) {
      throw new InvalidModelError(`buildWorkflowNet: ${field} of ${quote(id)} is ${quote(tokens)}, expected a whole number >= 0`);
    }
    for (let k = 0; k < tokens; k++) out.push(p);
  }
  return out.sort((a, b) => a - b);
}

/**
 * The net with every label renamed through `labels` (model label -> log activity);
 * labels not in the map stay as they are.
 */
export function relabelNet(net: WorkflowNet, labels: Readonly<Record<string, string>>): WorkflowNet {
  return {
    ...net,
    transitions: net.transitions.map((t) => (t.label !== null && Object.hasOwn(labels, t.label) ? { ...t, label: labels[t.label]! } : t)),
  };
}

/** The distinct visible labels of the net, sorted. */
export function netLabels(net: WorkflowNet): string[] {
  const labels = new Set<string>();
  for (const t of net.transitions) if (t.label !== null) labels.add(t.label);
  return [...labels].sort();
}
