import type { EventLog } from '@sagsflow/shared';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE } from '../precompute/case-groups';
import type { FindingsSpec } from './compute-findings';

/** Case attributes with more values than this are read by no finding (as `automationScores` deciders they single cases out). */
const MAX_READ_VALUES = 50;

/**
 * The log as the findings read it: the same events and cases, with only the attribute columns
 * a finding reads (the jobcenter, the process, the outcome column, and case attributes of at most
 * 50 values, the automation score's deciders). Column order is kept. The worker thread gets this
 * copy, so personal columns of many values (CPR numbers, names) are neither copied to it nor
 * narrowed per jobcenter; the findings are the same.
 */
export function findingsLog(log: EventLog, spec: Pick<FindingsSpec, 'outcome'>): EventLog {
  const outcome = spec.outcome?.attribute;
  const caseAttributes = new Map(
    [...log.caseAttributes].filter(
      ([name, column]) =>
        name === JOBCENTER_ATTRIBUTE || name === PROCESS_ATTRIBUTE || name === outcome || column.values.length <= MAX_READ_VALUES,
    ),
  );
  const eventAttributes = new Map([...log.eventAttributes].filter(([name]) => name === outcome));
  if (caseAttributes.size === log.caseAttributes.size && eventAttributes.size === log.eventAttributes.size) return log;
  return { ...log, caseAttributes, eventAttributes };
}
