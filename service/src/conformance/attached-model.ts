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
  const name = modelFile ? null : process ? processNameOf(process) : null;
  const path = modelFile || (name ? processEntry(name).modelPath : null);
  if (!path || (!modelFile && !existsSync(path))) return undefined;
  // The BPMN reader (bpmn-moddle) is loaded only for a load that has a model.
  const { loadModel } = await import('./load-model');
  return loadModel(path, modelLabels ?? {});
}
