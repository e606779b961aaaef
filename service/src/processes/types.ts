/** The pilot processes, by name. */
export const PROCESS_NAMES = ['akademiker', 'dagpenge', 'rekruttering'] as const;
export type ProcessName = (typeof PROCESS_NAMES)[number];

/**
 * One process definition, read by ingest, precompute, the generator and the reports:
 * its name, its labels, the activity names its extracts use, the activities that close a
 * case, and where its rule catalogue and BPMN model live (`processes/<name>/` at the root).
 */
export interface ProcessEntry {
  name: ProcessName;
  /** The label in Danish (also the `Proces` column value of extracts) and in English. */
  label: { da: string; en: string };
  /** The activity names, as domain-rules.md § 4 proposes them (Fasit-like). */
  activities: readonly string[];
  /** Activities that close a case; a case whose last event is not one of them is open. */
  endActivities: readonly string[];
  /** Absolute path of the process's rule catalogue (`processes/<name>/rules.yaml`). */
  rulesPath: string;
  /** Absolute path of the process's BPMN model (`processes/<name>/model.bpmn`). */
  modelPath: string;
}
