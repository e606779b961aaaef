import { InvalidModelError, processGraphToNet, relabelNet, checkWorkflowNet, type ProcessGraph, type WorkflowNet } from '@sagsflow/shared';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BpmnError, parseBpmn } from './read-bpmn';

/** A BPMN model read and translated, with its labels mapped to log activities. */
export interface LoadedModel {
  file: string;
  graph: ProcessGraph;
  /** The workflow net, labels renamed through `modelLabels`. */
  net: WorkflowNet;
  /** Task nodes of the BPMN model. */
  tasks: number;
  /** sha256 of the BPMN text and the label mapping: a load with another model is another load. */
  digest: string;
}

/**
 * Reads a BPMN file, translates it to a workflow net, checks the net is sound enough to
 * replay and renames its labels through `modelLabels` (model label -> log activity).
 * Every problem is a `BpmnError` naming the file.
 */
export async function loadModel(file: string, modelLabels: Readonly<Record<string, string>> = {}): Promise<LoadedModel> {
  const xml = await readFile(file, 'utf8');
  const graph = await parseBpmn(xml, file);
  const digest = createHash('sha256').update(xml).update(JSON.stringify(modelLabels)).digest('hex');
  return modelFromGraph(file, graph, modelLabels, digest);
}

/** The same as `loadModel` for a graph already read. */
export function modelFromGraph(
  file: string,
  graph: ProcessGraph,
  modelLabels: Readonly<Record<string, string>> = {},
  digest = '',
): LoadedModel {
  try {
    const net = relabelNet(processGraphToNet(graph), modelLabels);
    checkWorkflowNet(net);
    return { file, graph, net, tasks: graph.nodes.filter((n) => n.kind === 'task').length, digest };
  } catch (error) {
    if (error instanceof InvalidModelError) throw new BpmnError(file, error.message, { cause: error });
    throw error;
  }
}
