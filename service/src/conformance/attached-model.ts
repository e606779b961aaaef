import { existsSync } from 'node:fs';
import { processEntry, processNameOf } from '../processes/index';
import type { LoadedModel } from './load-model';

/**
 * The model a load attaches: the `--model` file if given, else the model of `--process`
 * (`processes/<name>/model.bpmn`) when that file exists, else none.
 */
export async function attachedModel(
  modelFile: string | undefined,
  process: string | undefined,
  modelLabels: Readonly<Record<string, string>> | undefined,
): Promise<LoadedModel | undefined> {
  // The BPMN reader (bpmn-moddle) is loaded only for a load that has a model.
  if (modelFile) return (await import('./load-model')).loadModel(modelFile, modelLabels ?? {});
  const name = process ? processNameOf(process) : null;
  if (!name) return undefined;
  const path = processEntry(name).modelPath;
  return existsSync(path) ? (await import('./load-model')).loadModel(path, modelLabels ?? {}) : undefined;
}
