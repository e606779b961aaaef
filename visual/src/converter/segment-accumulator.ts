import type powerbi from 'powerbi-visuals-api';
import type { UiStringKey } from '../i18n';
import { firstRowKey, rawRowCount, readDataView } from './read-data-view';
import type { EventsSegment } from './read-events';
import type { StepsSegment } from './read-steps';
import { appendDimensions } from './read-dimensions';
import { appendSources } from './row-sources';
import type { ConvertResult, EventsInput, StepsInput } from './types';
import { NO_DIMENSIONS } from '../model/row-dimensions';

/** `VisualDataChangeOperationKind` values (an ambient const enum in the API typings). */
export const OPERATION_KIND = { create: 0, append: 1, segment: 2 } as const;

/**
 * Reads successive fetchMoreData segments into one input.
 *
 * A Create update starts over. Append (aggregated segments, `fetchMoreData(true)`: the data
 * view repeats every row so far) and Segment (`fetchMoreData(false)`: only the new rows)
 * updates continue. Hosts differ in which kind they send, so the two are told apart by the
 * first row: grouped rows are unique, so a data view starting with the same row as the
 * accumulated one repeats it, and only its new rows (past those already read) are read.
 */
export class SegmentAccumulator {
  private steps: StepsSegment | null = null;
  private events: EventsSegment | null = null;
  private firstKey: string | null = null;
  /** Data view rows consumed so far (read or skipped). */
  private consumed = 0;

  /** Reads one data view and returns everything accumulated so far. */
  add(dataView: powerbi.DataView | undefined, operationKind: number | undefined): ConvertResult {
    const continues = operationKind === OPERATION_KIND.append || operationKind === OPERATION_KIND.segment;
    const key = firstRowKey(dataView);
    const repeats = continues && this.consumed > 0 && key !== null && key === this.firstKey;
    const fresh = !continues || (!this.steps && !this.events);
    const reading = readDataView(dataView, repeats ? this.consumed : 0);
    const rows = rawRowCount(dataView);
    if (reading.kind === 'empty') {
      this.steps = null;
      this.events = null;
      this.firstKey = null;
      this.consumed = 0;
      const messages: UiStringKey[] = reading.message ? [reading.message] : [];
      return { input: { kind: 'empty', landing: reading.landing }, messages, skippedRows: 0, moreData: false };
    }
    if (fresh || this.firstKey === null) this.firstKey = key;
    this.consumed = repeats || fresh ? rows : this.consumed + rows;
    if (reading.kind === 'steps') {
      this.events = null;
      this.steps = fresh || !this.steps ? reading.segment : concatSteps(this.steps, reading.segment);
      return result(stepsInput(this.steps), this.steps.rows.length, this.steps.skippedRows, reading.moreData);
    }
    this.steps = null;
    this.events = fresh || !this.events ? reading.segment : concatEvents(this.events, reading.segment);
    const input: EventsInput = { kind: 'events', events: this.events.events, sources: this.events.sources };
    return result(input, input.events.caseIds.length, this.events.skippedRows, reading.moreData);
  }
}

function result(input: StepsInput | EventsInput, rowCount: number, skipped: number, moreData: boolean): ConvertResult {
  const messages: UiStringKey[] = [];
  if (rowCount === 0 && !moreData) messages.push('Message_NoRows');
  if (skipped > 0) messages.push('Message_BadRows');
  return { input: rowCount === 0 ? { kind: 'empty', landing: false } : input, messages, skippedRows: skipped, moreData };
}

function stepsInput(segment: StepsSegment): StepsInput {
  const { rows, highlightCases, sources, hasDurations, hasHistograms, hasFineHistograms } = segment;
  const dimensions = segment.dimensions ?? NO_DIMENSIONS;
  return { kind: 'steps', rows, highlightCases, sources, hasDurations, hasHistograms, hasFineHistograms, dimensions };
}

function concatSteps(a: StepsSegment, b: StepsSegment): StepsSegment {
  for (const row of b.rows) a.rows.push(row);
  const highlightCases = a.highlightCases && b.highlightCases ? a.highlightCases.concat(b.highlightCases) : null;
  return {
    rows: a.rows,
    highlightCases,
    sources: appendSources(a.sources, b.sources),
    hasDurations: a.hasDurations || b.hasDurations,
    hasHistograms: a.hasHistograms || b.hasHistograms,
    hasFineHistograms: a.hasFineHistograms && b.hasFineHistograms,
    skippedRows: a.skippedRows + b.skippedRows,
    ...(a.dimensions && b.dimensions ? { dimensions: appendDimensions(a.dimensions, b.dimensions) } : {}),
  };
}

function concatEvents(a: EventsSegment, b: EventsSegment): EventsSegment {
  const push = <T>(to: T[], from: readonly T[]) => {
    for (const x of from) to.push(x);
  };
  push(a.events.caseIds, b.events.caseIds);
  push(a.events.activities, b.events.activities);
  push(a.events.timestamps, b.events.timestamps);
  push(a.events.resources, b.events.resources);
  return { events: a.events, sources: appendSources(a.sources, b.sources), skippedRows: a.skippedRows + b.skippedRows };
}
