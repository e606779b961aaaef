import type { StepRow } from '@sagsflow/shared';
import type { UiStringKey } from '../i18n';
import type { RowDimensions } from '../model/row-dimensions';
import type { RowSources } from './row-sources';

/** Step rows read from the categorical (steps) mapping. */
export interface StepsInput {
  readonly kind: 'steps';
  readonly rows: StepRow[];
  /** Highlighted cases per row (from `highlights` on the cases column), or null without highlights. */
  readonly highlightCases: number[] | null;
  /** Per row: the data view row it came from, for selection ids. */
  readonly sources: RowSources;
  /** Whether `sumSeconds` / `histogram` were bound (performance view needs them). */
  readonly hasDurations: boolean;
  readonly hasHistograms: boolean;
  /** Whether the fine histogram was bound (percentiles within a few percent; else coarse estimates). */
  readonly hasFineHistograms: boolean;
  /** The optional jobcenter, period and process of each row. */
  readonly dimensions: RowDimensions;
}

/** A plain event table, column-wise (one entry per event, no object per event). */
export interface EventColumns {
  readonly caseIds: string[];
  readonly activities: string[];
  /** Epoch milliseconds. */
  readonly timestamps: number[];
  readonly resources: (string | null)[];
}

/** Events read from the table (plain event log) mapping. */
export interface EventsInput {
  readonly kind: 'events';
  readonly events: EventColumns;
  /** Per event: the data view row it came from, for selection ids. */
  readonly sources: RowSources;
}

/** No usable rows: the landing page (nothing bound) or a message. */
export interface EmptyInput {
  readonly kind: 'empty';
  /** True when no field is bound at all: show the landing page. */
  readonly landing: boolean;
}

/** What a data view holds once read: steps, events, or nothing usable. */
export type ConvertedInput = StepsInput | EventsInput | EmptyInput;

/** The converter's result: the input plus messages for the user (never an exception). */
export interface ConvertResult {
  readonly input: ConvertedInput;
  readonly messages: UiStringKey[];
  /** Rows skipped because a value could not be read. */
  readonly skippedRows: number;
  /** True while the host reports more segments to fetch (`metadata.segment`). */
  readonly moreData: boolean;
}
