import { compareText } from '../compare-text';
import { netLabels, type WorkflowNet } from './workflow-net';

/** How the model's task labels and the log's activities meet. */
export interface LabelComparison {
  /** Model labels that no event of the log carries, sorted. */
  modelTasksNotInLog: string[];
  /** Log activities that no model transition carries, sorted. */
  logActivitiesNotInModel: string[];
}

/**
 * Lists the model tasks that never occur in the log and the log activities the model
 * does not know (after any relabelling with `relabelNet`).
 */
export function compareLabels(net: WorkflowNet, logActivities: Iterable<string>): LabelComparison {
  const model = new Set(netLabels(net));
  const log = new Set(logActivities);
  return {
    modelTasksNotInLog: [...model].filter((a) => !log.has(a)).sort(compareText),
    logActivitiesNotInModel: [...log].filter((a) => !model.has(a)).sort(compareText),
  };
}
