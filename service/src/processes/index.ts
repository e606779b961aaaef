/**
 * The process catalogue: one definition per pilot process (name, labels, activities,
 * end activities, and the paths of its rule catalogue and BPMN model under the root
 * folder `processes/<name>/`). Ingest, precompute, the generator and the reports read it.
 *
 * @example
 * const p = processEntry('dagpenge'); // { label: { da: 'Placering af dagpengemodtagere', ... }, rulesPath, ... }
 * processNameOf('Placering af dagpengemodtagere'); // 'dagpenge'
 */
import { fileURLToPath } from 'node:url';
import { PROCESS_ACTIVITIES } from './activities';
import { PROCESS_NAMES, type ProcessEntry, type ProcessName } from './types';

export { PROCESS_NAMES, type ProcessEntry, type ProcessName } from './types';

/** The root folder holding one folder per process (`processes/<name>/rules.yaml`, `model.bpmn`). */
export const PROCESSES_FOLDER = fileURLToPath(new URL('../../../processes', import.meta.url));

const LABELS: Readonly<Record<ProcessName, { da: string; en: string }>> = {
  akademiker: { da: 'Akademikerområdet', en: 'Unemployed academics' },
  dagpenge: { da: 'Placering af dagpengemodtagere', en: 'Placements of unemployment-insurance recipients' },
  rekruttering: { da: 'Rekrutteringsanmodning', en: 'Recruitment requests' },
};

/** Every pilot process, by name. */
export const PROCESS_CATALOGUE: Readonly<Record<ProcessName, ProcessEntry>> = Object.fromEntries(
  PROCESS_NAMES.map((name): [ProcessName, ProcessEntry] => [
    name,
    {
      name,
      label: LABELS[name],
      activities: PROCESS_ACTIVITIES[name].activities,
      endActivities: PROCESS_ACTIVITIES[name].endActivities,
      rulesPath: `${PROCESSES_FOLDER}/${name}/rules.yaml`,
      modelPath: `${PROCESSES_FOLDER}/${name}/model.bpmn`,
    },
  ]),
) as Record<ProcessName, ProcessEntry>;

/** The definition of a pilot process. */
export function processEntry(name: ProcessName): ProcessEntry {
  return PROCESS_CATALOGUE[name];
}

/**
 * The process name for a name or for a label (the `Proces` column value of an extract,
 * Danish or English), or null if unknown.
 */
export function processNameOf(nameOrLabel: string): ProcessName | null {
  const text = nameOrLabel.trim();
  for (const name of PROCESS_NAMES) {
    const { label } = PROCESS_CATALOGUE[name];
    if (name === text || label.da === text || label.en === text) return name;
  }
  return null;
}

/** Per process, the activities that close a case. */
export const PROCESS_END_ACTIVITIES: Readonly<Record<ProcessName, readonly string[]>> = Object.fromEntries(
  PROCESS_NAMES.map((name) => [name, PROCESS_CATALOGUE[name].endActivities]),
) as Record<ProcessName, readonly string[]>;
