import { Lifecycle, type CaseAlignment, type EventLog, type TraceAlignment } from '@sagsflow/shared';

/**
 * The alignment of each case of the full log (all lifecycle events, as the step table has them),
 * from the alignments of the log of complete events it was aligned on: `kept` lists the positions
 * in the full case of its complete events (or events without a lifecycle). Null for cases that
 * were not aligned (open cases, traces over the search budget, cases without complete events).
 *
 * @param alignmentOfComplete the alignment of case c of `complete`, or null
 */
export function alignmentOfFullCase(
  full: EventLog,
  complete: EventLog,
  alignmentOfComplete: (c: number) => TraceAlignment | null,
): (c: number) => CaseAlignment | null {
  const completeIndex = new Map(complete.caseIds.map((id, c) => [id, c]));
  return (c) => {
    const cc = completeIndex.get(full.caseIds[c]!);
    const alignment = cc === undefined ? null : alignmentOfComplete(cc);
    if (alignment === null || alignment.status !== 'aligned') return null;
    const start = full.caseOffsets[c]!;
    const kept: number[] = [];
    for (let e = start; e < full.caseOffsets[c + 1]!; e++) {
      const life = full.lifecycle[e]!;
      if (life === Lifecycle.complete || life === Lifecycle.none) kept.push(e - start);
    }
    return { moves: alignment.moves, kept };
  };
}
