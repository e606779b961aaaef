import type { Delimiter } from './csv-sniff';
import type { ColumnMapping } from './mapping';
import type { DetectedEncoding } from './text-decoder';
import type { ReadCounts, Rejection, RejectionReason } from './types';

/** What the CSV part worker reads: the file from byte `start` (a line start) to its end. */
export interface PartRequest {
  file: string;
  start: number;
  head: { delimiter: Delimiter; header: string[] };
  mapping: ColumnMapping | undefined;
  keepDuplicates: boolean;
}

/**
 * What the CSV part worker found: the part's accepted events in input order as columns
 * (strings interned: `caseOf[i]` indexes `cases`), its rejections (lines counted from 1 at the
 * part's start), and for each record that was the first of its kind in the part its 64-bit
 * hash (`firstHashes[2k]`, `[2k+1]`) and outcome (`firstOutcomes[k]`: the event index, or
 * `-(rejection index) - 1`). Or, when the part could not be read, why.
 */
export type PartResult =
  | {
      ok: true;
      encoding: DetectedEncoding | null;
      sawInvalidBytes: boolean;
      rows: ReadCounts;
      /** Exact duplicates seen within the part, kept or not. */
      identical: number;
      byReason: Partial<Record<RejectionReason, number>>;
      cases: string[];
      activities: string[];
      resources: string[];
      lifecycles: string[];
      caseOf: Uint32Array;
      activityOf: Uint32Array;
      resourceOf: Int32Array;
      lifecycleOf: Int32Array;
      time: Float64Array;
      rejections: Rejection[];
      firstHashes: Uint32Array;
      firstOutcomes: Int32Array;
    }
  | { ok: false; message: string };
