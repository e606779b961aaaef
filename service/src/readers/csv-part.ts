import type { EventColumns } from '@sagsflow/shared/event-log/builder';
import type { Delimiter } from './csv-sniff';
import type { ColumnMapping } from './mapping';
import type { DetectedEncoding } from './text-decoder';
import type { ReadCounts, Rejection, RejectionReason } from './types';

/** What every block reader of one file shares: the file, its header and how to read records. */
export interface BlockPlan {
  file: string;
  head: { delimiter: Delimiter; header: string[] };
  mapping: ColumnMapping | undefined;
  keepDuplicates: boolean;
  /** Byte offsets: block k holds the records that start on a line start in `[cuts[k], cuts[k + 1])`. */
  cuts: number[];
  /** Also carry each event's jobcenter (`BlockEvents.jobcenterOf`), when the mapping has one. */
  jobcenter?: boolean | undefined;
  /** The file's encoding when decided before the blocks (by the start of the file); else each block decides it at its first non-ASCII byte. */
  encoding?: DetectedEncoding | null | undefined;
}

/**
 * A block's events, with the hash of each case id (`ByteInterner`'s, of its UTF-8 bytes: equal ids, equal hashes);
 * with `BlockPlan.jobcenter`, also each event's jobcenter (an index into `jobcenters`, -1: none).
 */
export type BlockEvents = EventColumns & { caseHashes: Int32Array; jobcenters?: readonly string[]; jobcenterOf?: Int32Array };

/** One block to read: block `index` of the plan, from `from` (a known record start when `exact`). */
export interface BlockRequest {
  index: number;
  from: number;
  to: number;
  /** True when `from` is a record start (else the block starts at the first line start at or after it). */
  exact: boolean;
  /** The encoding when known (a block read again after the blocks before it decided it), else null: the block decides. */
  encoding: DetectedEncoding | null;
  /** The line number of the block's first line when known, else 1 (lines counted from the block's start). */
  firstLine?: number;
}

/**
 * What a block reader found: the block's accepted events in input order as interned columns,
 * its rejections (lines counted from `firstLine` at the block's first line), and for each record that
 * was the first of its kind in the block its 64-bit hash (`firstHashes[2k]`, `[2k+1]`) and
 * outcome (`firstOutcomes[k]`: the event index, or `-(rejection index) - 1`). `start` and `end`
 * are the byte offsets of its first record and just after its last; `lines` the lines it spans.
 * Or, when the block could not be read, why.
 */
export type BlockResult =
  | {
      ok: true;
      index: number;
      start: number;
      end: number;
      /** The line number the block's first line was given (`BlockRequest.firstLine`), and how many lines it spans. */
      firstLine: number;
      lines: number;
      /** The encoding at the block's end; `decided` when this block decided it. */
      encoding: DetectedEncoding | null;
      decided: boolean;
      rows: ReadCounts;
      /** Exact duplicates seen within the block, kept or not. */
      identical: number;
      byReason: Partial<Record<RejectionReason, number>>;
      events: BlockEvents;
      rejections: Rejection[];
      firstHashes: Uint32Array;
      firstOutcomes: Int32Array;
    }
  | { ok: false; index: number; message: string };

/** What the CSV block worker is given: the plan, and a shared counter from which it takes block numbers. */
export interface BlockWorkerData {
  plan: BlockPlan;
  /** Int32Array over a SharedArrayBuffer: [next block to take]. */
  next: SharedArrayBuffer;
}

/** Messages of the CSV block worker: one per block it read, then `done`. */
export type BlockMessage = { type: 'block'; result: BlockResult } | { type: 'done' };
