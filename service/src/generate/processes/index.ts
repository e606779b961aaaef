import { AKADEMIKER } from './akademiker';
import { DAGPENGE } from './dagpenge';
import { REKRUTTERING } from './rekruttering';
import type { DeadlineRule, ProcessDefinition, ProcessKey } from './types';

export type { Actor, ActivitySpec, DeadlineRule, JobcenterProfile, ProcessDefinition, ProcessKey, Transition } from './types';

/** The pilot processes the generator can write, by key. Illustrative models, not measured. */
export const PROCESSES: Readonly<Record<ProcessKey, ProcessDefinition>> = {
  akademiker: AKADEMIKER,
  dagpenge: DAGPENGE,
  rekruttering: REKRUTTERING,
};

export const PROCESS_KEYS: readonly ProcessKey[] = ['akademiker', 'dagpenge', 'rekruttering'];

/** Per process, the activities that close a case (a case ending elsewhere is open). */
export const PROCESS_END_ACTIVITIES: Readonly<Record<ProcessKey, readonly string[]>> = {
  akademiker: AKADEMIKER.endActivities,
  dagpenge: DAGPENGE.endActivities,
  rekruttering: REKRUTTERING.endActivities,
};

/** Every known deadline rule of the pilot processes (see `DeadlineRule` for the semantics). */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  ...AKADEMIKER.deadlines,
  ...DAGPENGE.deadlines,
  ...REKRUTTERING.deadlines,
];

/**
 * The process key for a key or for the Proces column value of an extract
 * (e.g. `'Placering af dagpengemodtagere'` -> `'dagpenge'`), or null if unknown.
 */
export function processKeyOf(keyOrLabel: string): ProcessKey | null {
  const text = keyOrLabel.trim();
  for (const key of PROCESS_KEYS) {
    if (key === text || PROCESSES[key].label === text) return key;
  }
  return null;
}
