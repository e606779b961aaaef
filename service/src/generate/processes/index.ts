import { PROCESS_END_ACTIVITIES, PROCESS_NAMES, processNameOf } from '../../processes/index';
import { AKADEMIKER } from './akademiker';
import { DAGPENGE } from './dagpenge';
import { REKRUTTERING } from './rekruttering';
import type { DeadlineRule, ProcessDefinition, ProcessKey } from './types';

export type { Actor, ActivitySpec, DeadlineRule, JobcenterProfile, ProcessDefinition, ProcessKey, Transition } from './types';

/**
 * How the generator simulates each pilot process, by key. Illustrative models, not
 * measured; the names, labels and end activities come from the process catalogue.
 */
export const PROCESSES: Readonly<Record<ProcessKey, ProcessDefinition>> = {
  akademiker: AKADEMIKER,
  dagpenge: DAGPENGE,
  rekruttering: REKRUTTERING,
};

/** The catalogue's process names, in order. */
export const PROCESS_KEYS: readonly ProcessKey[] = PROCESS_NAMES;

/** Per process, the activities that close a case (from the process catalogue). */
export { PROCESS_END_ACTIVITIES };

/** Every deadline the generator tallies in its report (see `DeadlineRule` for the semantics). */
export const DEADLINE_RULES: readonly DeadlineRule[] = [...AKADEMIKER.deadlines, ...DAGPENGE.deadlines, ...REKRUTTERING.deadlines];

/** The process key for a key or a `Proces` column value, or null (the catalogue's `processNameOf`). */
export const processKeyOf = processNameOf;
