import { readFile } from 'node:fs/promises';
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import type { ProcessFlow, ProcessGraph, ProcessNode, ProcessNodeKind } from '@sagsflow/shared';

/** A BPMN file that cannot be read or translated; the message names the file and, where known, the element. */
export class BpmnError extends Error {
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(`${file}: ${message}`, options);
    this.name = 'BpmnError';
  }
}

const KIND_OF: Readonly<Record<string, ProcessNodeKind>> = {
  'bpmn:StartEvent': 'start',
  'bpmn:EndEvent': 'end',
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'task',
  'bpmn:ServiceTask': 'task',
  'bpmn:ManualTask': 'task',
  'bpmn:ScriptTask': 'task',
  'bpmn:SendTask': 'task',
  'bpmn:ReceiveTask': 'task',
  'bpmn:BusinessRuleTask': 'task',
  'bpmn:CallActivity': 'task',
  'bpmn:IntermediateCatchEvent': 'silent',
  'bpmn:IntermediateThrowEvent': 'silent',
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:EventBasedGateway': 'exclusive',
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:InclusiveGateway': 'inclusive',
};

/** Elements inside a process that carry no control flow and are skipped. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

/**
 * Reads a BPMN 2.0 file with bpmn-moddle into a `ProcessGraph`: start and end events,
 * tasks of any type (and call activities) by name, sequence flows, exclusive, parallel
 * and inclusive gateways, event-based gateways as exclusive ones, intermediate events as
 * silent steps, and embedded subprocesses flattened (the subprocess's incoming flows
 * lead to its start event, its end events merge into its outgoing flows). A file with
 * several processes uses the one with the most flow nodes. Any other flow element
 * (boundary event, complex gateway, event subprocess, transaction, ...) is refused with
 * its id and type.
 */
export async function readBpmn(file: string): Promise<ProcessGraph> {
  const xml = await readFile(file, 'utf8');
  return parseBpmn(xml, file);
}

/** Parses BPMN XML text; `file` names it in errors. */
export async function parseBpmn(xml: string, file = 'model.bpmn'): Promise<ProcessGraph> {
  let root: ModdleElement;
  let warnings: { message: string }[];
  try {
    ({ rootElement: root, warnings } = await new BpmnModdle().fromXML(xml));
  } catch (cause) {
    throw new BpmnError(file, `not a BPMN 2.0 file (${firstLine(cause)})`, { cause });
  }
  if (warnings.length > 0) {
    throw new BpmnError(file, `invalid BPMN: ${warnings.map((w) => w.message.replace(/\s+/g, ' ').trim()).join('; ')}`);
  }
  const processes = elements(root, 'rootElements').filter((e) => e.$type === 'bpmn:Process');
  if (processes.length === 0) throw new BpmnError(file, 'the file holds no bpmn:process');
  const process = processes.reduce((a, b) => (elements(b, 'flowElements').length > elements(a, 'flowElements').length ? b : a));
  const nodes: ProcessNode[] = [];
  const flows: ProcessFlow[] = [];
  const subProcesses = new Set<string>();
  const entries = new Set<string>();
  flatten(file, process, { nodes, flows, subProcesses, entries });
  return {
    nodes,
    flows: flows.map((f) => (subProcesses.has(f.source) && !entries.has(f.id) ? { ...f, source: `${f.source}#exit` } : f)),
  };
}

interface Collected {
  nodes: ProcessNode[];
  flows: ProcessFlow[];
  subProcesses: Set<string>;
  entries: Set<string>;
}

function flatten(file: string, container: ModdleElement, out: Collected): ProcessNode[] {
  const own: ProcessNode[] = [];
  for (const element of elements(container, 'flowElements')) {
    if (element.$type === 'bpmn:SequenceFlow') {
      out.flows.push({ id: idOf(file, element), source: refId(file, element, 'sourceRef'), target: refId(file, element, 'targetRef') });
      continue;
    }
    if (IGNORED.has(element.$type)) continue;
    if (element.$type === 'bpmn:SubProcess' && element['triggeredByEvent'] !== true) {
      flattenSubProcess(file, element, out);
      continue;
    }
    const kind = KIND_OF[element.$type];
    if (!kind) {
      throw new BpmnError(
        file,
        `element ${JSON.stringify(element.id ?? '?')} of type ${element.$type} cannot be translated to a workflow net`,
      );
    }
    const name = typeof element.name === 'string' ? element.name.replace(/\s+/g, ' ').trim() : undefined;
    own.push({ id: idOf(file, element), kind, ...(name ? { name } : {}) });
  }
  out.nodes.push(...own);
  return own;
}

/**
 * A subprocess becomes a silent entry node (its own id, so the flows into it stay) that
 * marks every inner start event, and an exclusive exit node `<id>#exit` that its end
 * events flow into and that the flows out of the subprocess leave from.
 */
function flattenSubProcess(file: string, sub: ModdleElement, out: Collected): void {
  const id = idOf(file, sub);
  const exit = `${id}#exit`;
  out.subProcesses.add(id);
  const inner = flatten(file, sub, out);
  out.nodes.push({ id, kind: 'silent' }, { id: exit, kind: 'exclusive' });
  for (const node of inner) {
    if (node.kind === 'start') {
      node.kind = 'silent';
      const entry = `${node.id}#entry`;
      out.entries.add(entry);
      out.flows.push({ id: entry, source: id, target: node.id });
    } else if (node.kind === 'end') {
      node.kind = 'silent';
      out.flows.push({ id: `${node.id}#exit`, source: node.id, target: exit });
    }
  }
}

function elements(element: ModdleElement, key: string): ModdleElement[] {
  const value = element[key];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function idOf(file: string, element: ModdleElement): string {
  if (typeof element.id !== 'string' || element.id === '') {
    throw new BpmnError(file, `an element of type ${element.$type} has no id`);
  }
  return element.id;
}

function refId(file: string, flow: ModdleElement, key: 'sourceRef' | 'targetRef'): string {
  const ref = flow[key] as ModdleElement | undefined;
  if (!ref || typeof ref.id !== 'string') {
    throw new BpmnError(file, `sequence flow ${JSON.stringify(flow.id ?? '?')} has no ${key}`);
  }
  return ref.id;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}
