import type { EventLog, OutcomeSpec } from '@sagsflow/shared';

/**
 * Per case whether its outcome is a success (null when the case has no outcome value): from the
 * case attribute named by the mapping's `outcome`, or, when that column was read as an event
 * attribute, from its last value in the case (the outcome is recorded when the case ends).
 * Null when the log has no such column.
 */
export function outcomeOfCase(log: EventLog, spec: OutcomeSpec): ((c: number) => boolean | null) | null {
  const success = new Set(spec.success);
  const caseColumn = log.caseAttributes.get(spec.attribute);
  if (caseColumn) {
    const good = caseColumn.values.map((v) => success.has(v));
    return (c) => (caseColumn.codes[c]! < 0 ? null : good[caseColumn.codes[c]!]!);
  }
  const column = log.eventAttributes.get(spec.attribute);
  if (!column) return null;
  const good = column.values.map((v) => success.has(v));
  return (c) => {
    for (let e = log.caseOffsets[c + 1]! - 1; e >= log.caseOffsets[c]!; e--) {
      if (column.codes[e]! >= 0) return good[column.codes[e]!]!;
    }
    return null;
  };
}
