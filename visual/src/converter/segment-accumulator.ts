import type { UiStringKey } from '../i18n';
import type { EventsSegment } from './read-events';
import type { StepsSegment } from './read-steps';
import type { SegmentReading } from './read-data-view';
import type { ConvertResult, EventsInput, StepsInput } from './types';

/** `VisualDataChangeOperationKind` values (an ambient const enum in the API typings). */
export const OPERATION_KIND = { create: 0, append: 1, segment: 2 } as const;

/**
 * Collects the rows of successive fetchMoreData segments into one input.
 *
 * A Create update starts over. Append (aggregated segments, `fetchMoreData(true)`: the data
 * view repeats every row so far) and Segment (`fetchMoreData(false)`: only the new rows)
 * updates continue. Hosts differ in which kind they send, so the two are told apart by the
 * first row: grouped rows are unique, so a data view starting with the same row as the
 * accumulated one repeats it and replaces it; otherwise its rows are added.
 */
export class SegmentAccumulator {
  private steps: StepsSegment | null = null;
  private events: EventsSegment | null = null;
  private skipped = 0;
  /** Bumped whenever the accumulated rows change; lets callers cache derived data. */
  version = 0;

  /** Adds one read data view and returns everything accumulated so far. */
  add(reading: SegmentReading, operationKind: number | undefined): ConvertResult {
    const append = operationKind === OPERATION_KIND.append || operationKind === OPERATION_KIND.segment;
    this.version++;
    if (reading.kind === 'empty') {
      this.steps = null;
      this.events = null;
      this.skipped = 0;
      const messages: UiStringKey[] = reading.message ? [reading.message] : [];
      return { input: { kind: 'empty', landing: reading.landing }, messages, skippedRows: 0, moreData: false };
    }
    if (reading.kind === 'steps') {
      this.events = null;
      const previous = append ? this.steps : null;
      const fresh = !previous || stepSignature(reading.segment, 0) === stepSignature(previous, 0);
      if (fresh) this.skipped = 0;
      this.steps = fresh ? reading.segment : concatSteps(previous, reading.segment);
      this.skipped += reading.segment.skippedRows;
      return this.result(stepsInput(this.steps), this.steps.rows.length, reading.moreData);
    }
    this.steps = null;
    const previous = append ? this.events : null;
    const fresh = !previous || eventSignature(reading.segment, 0) === eventSignature(previous, 0);
    if (fresh) this.skipped = 0;
    this.events = fresh ? reading.segment : concatEvents(previous, reading.segment);
    this.skipped += reading.segment.skippedRows;
    const input: EventsInput = { kind: 'events', events: this.events.events, sources: this.events.sources };
    return this.result(input, input.events.length, reading.moreData);
  }

  private result(input: StepsInput | EventsInput, rowCount: number, moreData: boolean): ConvertResult {
    const messages: UiStringKey[] = [];
    if (rowCount === 0 && !moreData) messages.push('Message_NoRows');
    if (this.skipped > 0) messages.push('Message_BadRows');
    return { input: rowCount === 0 ? { kind: 'empty', landing: false } : input, messages, skippedRows: this.skipped, moreData };
  }
}

function stepsInput(segment: StepsSegment): StepsInput {
  return {
    kind: 'steps',
    rows: segment.rows,
    highlightCases: segment.highlightCases,
    sources: segment.sources,
    hasDurations: segment.hasDurations,
    hasHistograms: segment.hasHistograms,
  };
}

function stepSignature(segment: StepsSegment, i: number): string | null {
  const row = segment.rows[i];
  return row ? `${row.variantKey}\u001f${row.stepIndex}\u001f${row.from}\u001f${row.to}` : null;
}

function eventSignature(segment: EventsSegment, i: number): string | null {
  const event = segment.events[i];
  return event ? `${event.caseId}\u001f${event.activity}\u001f${event.timestamp}` : null;
}

function concatSteps(a: StepsSegment, b: StepsSegment): StepsSegment {
  const highlightCases = a.highlightCases && b.highlightCases ? a.highlightCases.concat(b.highlightCases) : null;
  return {
    rows: a.rows.concat(b.rows),
    highlightCases,
    sources: a.sources.concat(b.sources),
    hasDurations: a.hasDurations || b.hasDurations,
    hasHistograms: a.hasHistograms || b.hasHistograms,
    skippedRows: a.skippedRows + b.skippedRows,
  };
}

function concatEvents(a: EventsSegment, b: EventsSegment): EventsSegment {
  return {
    events: a.events.concat(b.events),
    sources: a.sources.concat(b.sources),
    skippedRows: a.skippedRows + b.skippedRows,
  };
}
