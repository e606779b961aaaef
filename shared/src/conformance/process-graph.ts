/**
 * A BPMN process reduced to what conformance needs, as plain data: flow nodes and
 * sequence flows. The service reads BPMN XML into this shape (flattening embedded
 * subprocesses, mapping event-based gateways to exclusive ones and intermediate events
 * to `silent`); `processGraphToNet` translates it into a workflow net.
 */
export interface ProcessGraph {
  nodes: readonly ProcessNode[];
  flows: readonly ProcessFlow[];
}

/** The kinds of flow node the translation knows. */
export type ProcessNodeKind = 'start' | 'end' | 'task' | 'silent' | 'exclusive' | 'parallel' | 'inclusive';

/** One flow node; `name` is the activity label of a task. */
export interface ProcessNode {
  id: string;
  kind: ProcessNodeKind;
  name?: string;
}

/** One sequence flow between two nodes. */
export interface ProcessFlow {
  id: string;
  source: string;
  target: string;
}
