/**
 * The sample-data generator: synthetic, realistic extracts of the three pilot processes.
 * Activity lists, probabilities and timings are illustrative, not measured.
 */
export { generateLog, EXTRACT_COLUMNS, EXTRACT_WINDOW } from './generate-log';
export type { GenerateOptions, GenerateReport } from './generate-log';
export type { PlantedChange } from './plant-change';
export type { DirtCounts } from './dirt';
export { BAD_TIMESTAMPS, DIRT_RATES } from './dirt';
export { danishHolidays, easterSunday, isWorkingDay, daysFromCivil, civilFromDays } from './calendar';
export type { Holiday, CivilDate } from './calendar';
export { WORKDAY_START_SECONDS, WORKDAY_SECONDS } from './work-clock';
export { PROCESSES, PROCESS_KEYS, PROCESS_END_ACTIVITIES, DEADLINE_RULES, processKeyOf } from './processes/index';
export type { DeadlineRule, ProcessDefinition, ProcessKey } from './processes/index';
/** Aliases of PROCESS_KEYS / ProcessKey (the CLI's names). */
export { PROCESS_KEYS as PROCESS_NAMES } from './processes/index';
export type { ProcessKey as ProcessName } from './processes/index';
export { Rng } from './prng';
export { measureGenerate, EVENTS_PER_CASE } from './measure-generate';
export type { GenerateMeasurement } from './measure-generate';
