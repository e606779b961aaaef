import type powerbi from 'powerbi-visuals-api';
import type { RawEvent, StepRow } from '../../../shared/src/index';
import type { UiStringKey } from '../i18n';

/** Where a converted row came from: a data view column/table and the row index in it. */
export interface RowSource {
  /** The identity-bearing object of one segment: a category column (steps) or the table (events). */
  readonly owner: powerbi.DataViewCategoryColumn | powerbi.DataViewTable;
  readonly index: number;
}

/** Step rows read from the categorical (steps) mapping. */
export interface StepsInput {
  readonly kind: 'steps';
  readonly rows: StepRow[];
  /** Highlighted cases per row (from `highlights` on the cases column), or null without highlights. */
  readonly highlightCases: number[] | null;
  /** Per row: the data view row it came from, for selection ids. */
  readonly sources: RowSource[];
  /** Whether `sumSeconds` / `histogram` were bound (performance view needs them). */
  readonly hasDurations: boolean;
  readonly hasHistograms: boolean;
}

/** Events read from the table (plain event log) mapping. */
export interface EventsInput {
  readonly kind: 'events';
  readonly events: RawEvent[];
  /** Per event: the data view row it came from, for selection ids. */
  readonly sources: RowSource[];
}

/** What a data view holds once read: steps, events, or nothing usable (with why). */
export type ConvertedInput = StepsInput | EventsInput | EmptyInput;

/** No usable rows: the landing page (nothing bound) or a message. */
export interface EmptyInput {
  readonly kind: 'empty';
  /** True when no field is bound at all: show the landing page. */
  readonly landing: boolean;
}

/** The converter's result: the input plus messages for the user (never an exception). */
export interface ConvertResult {
  readonly input: ConvertedInput;
  readonly messages: UiStringKey[];
  /** Rows skipped because a value could not be read. */
  readonly skippedRows: number;
  /** True while the host reports more segments to fetch (`metadata.segment`). */
  readonly moreData: boolean;
}
