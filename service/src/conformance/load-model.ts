import {
  InvalidModelError,
  processGraphToNet,
  relabelNet,
  checkWorkflowNet,
  type ProcessGraph,
  type WorkflowNet,
} from '../../../shared/src/index';
import { BpmnError, readBpmn } from './read-bpmn';

/** A BPMN model read and translated, with its labels mapped to log activities. */
export interface LoadedModel {
  file: string;
  graph: ProcessGraph;
  /** The workflow net, labels renamed through `modelLabels`. */
  net: WorkflowNet;
  /** Task nodes of the BPMN model. */
  tasks: number;
}

/**
 * Reads a BPMN file, translates it to a workflow net, checks the net is sound enough to
 * replay and renames its labels through `modelLabels` (model label -> log activity).
 * Every problem is a `BpmnError` naming the file.
 */
export async function loadModel(file: string, modelLabels: Readonly<Record<string, string>> = {}): Promise<LoadedModel> {
  const graph = await readBpmn(file);
  return modelFromGraph(file, graph, modelLabels);
}

/** The same as `loadModel` for a graph already read. */
export function modelFromGraph(file: string, graph: ProcessGraph, modelLabels: Readonly<Record<string, string>> = {}): LoadedModel {
  try {
    const net = relabelNet(processGraphToNet(graph), modelLabels);
    checkWorkflowNet(net);
    return { file, graph, net, tasks: graph.nodes.filter((n) => n.kind === 'task').length };
  } catch (error) {
    if (error instanceof InvalidModelError) throw new BpmnError(file, error.message, { cause: error });
    throw error;
  }
}
