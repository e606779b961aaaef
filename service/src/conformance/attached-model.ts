import { existsSync } from 'node:fs';
import { processEntry, processNameOf } from '../processes/index';
import { loadModel, type LoadedModel } from './load-model';

/**
 * The model a load attaches: the `--model` file if given, else the model of `--process`
 * (`processes/<name>/model.bpmn`) when that file exists, else none.
 */
export async function attachedModel(
  modelFile: string | undefined,
  process: string | undefined,
  modelLabels: Readonly<Record<string, string>> | undefined,
): Promise<LoadedModel | undefined> {
  if (modelFile) return loadModel(modelFile, modelLabels ?? {});
  const name = process ? processNameOf(process) : null;
  if (!name) return undefined;
  const path = processEntry(name).modelPath;
  return existsSync(path) ? loadModel(path, modelLabels ?? {}) : undefined;
}
