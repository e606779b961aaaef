import { Worker } from 'node:worker_threads';
import { workerEntry } from '../runtime/build-info';
import { readCsvBlock, readCsvBlockOrThrow } from './csv-block';
import type { BlockEvents, BlockMessage, BlockPlan, BlockResult, BlockWorkerData } from './csv-part';
import type { CsvBoundary } from './csv-reader';
import { CrossBlockCases } from './cross-block-cases';
import type { DetectedEncoding } from './text-decoder';
import type { ReadReport, Rejection, RejectionReason } from './types';

/** Where the blocks' events, rejections and progress go (see `EventSink` of `readEvents`). */
export interface BlockSink {
  events(batch: BlockEvents, skip: Uint8Array | undefined): void;
  reject(rejection: Rejection): void;
  progress?(bytesRead: number, bytesTotal: number): void;
  /** Told once, after the first block, about how many more records the blocks hold (to make room). */
  expect?(records: number): void;
}

/** Blocks per file: enough for the two threads to end close together, few enough to cost nothing to merge. */
const BLOCKS = 48;
const MIN_BLOCK = 64 << 10;
const MAX_BLOCK = 2 << 20;

/** Cuts `[from, size)` into blocks (byte offsets; block k is `[cuts[k], cuts[k + 1])`). */
export function blockCuts(from: number, size: number): number[] {
  const step = Math.min(MAX_BLOCK, Math.max(MIN_BLOCK, Math.ceil((size - from) / BLOCKS)));
  const cuts = [from];
  for (let at = from + step; at < size; at += step) cuts.push(at);
  cuts.push(size);
  return cuts;
}

/**
 * Reads the blocks of `plan` on this thread and in a worker thread at once, both taking the
 * next block from a shared counter, and merges them in file order into `sink` and `report`
 * (which hold the part read before, up to `at`). The merge finishes the duplicate check across
 * blocks (each block reports the hash of every record new to it; `at.seen` holds those of the
 * records before, and `CrossBlockCases` spares it the records of cases no earlier block held) and checks each block against the sequential read: a block that did not start
 * where the one before it ended (a quoted field running over the cut), that decided another
 * encoding than the blocks before it, or that failed, is read again on this thread from the
 * right place with the right encoding. So the outcome is always that of a sequential read.
 * Returns why blocks were read again, or null.
 */
export class CsvBlocks {
  private readonly next = new SharedArrayBuffer(4);
  private readonly results: (BlockResult | undefined)[];
  private worker: Worker | null = null;
  private workerFailure: string | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly plan: BlockPlan) {
    this.results = new Array<BlockResult | undefined>(plan.cuts.length - 1);
  }

  /** Starts the worker thread (call early: it takes about 50 ms to start). */
  start(): void {
    const data: BlockWorkerData = { plan: this.plan, next: this.next };
    const entry = workerEntry('csv-part-worker', new URL('./csv-part-worker-entry.mjs', import.meta.url));
    const worker = new Worker(entry, { workerData: data, execArgv: process.execArgv.filter((a) => a.startsWith('--cpu-prof')) });
    this.worker = worker;
    worker.on('message', (m: BlockMessage) => {
      if (m.type === 'block') this.results[m.result.index] = m.result;
      this.wake?.();
    });
    const fail = (why: string) => {
      this.workerFailure ??= why;
      this.wake?.();
    };
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', () => fail('the worker stopped'));
  }

  /** Stops the worker (no block is taken after this). */
  stop(): void {
    Atomics.store(new Int32Array(this.next), 0, this.results.length);
    void this.worker?.terminate();
    this.worker = null;
  }

  /** Reads and merges every block after `at`; returns why some were read again on this thread, or null. */
  async read(at: CsvBoundary, sink: BlockSink, report: ReadReport, size: number): Promise<string | null> {
    const merge = new BlockMerge(this.plan, at, sink, report, size);
    const counter = new Int32Array(this.next);
    const { cuts } = this.plan;
    for (let k = Atomics.add(counter, 0, 1); k < this.results.length; k = Atomics.add(counter, 0, 1)) {
      this.results[k] = readCsvBlock(this.plan, {
        index: k,
        from: cuts[k]!,
        to: cuts[k + 1]!,
        exact: k === 0,
        encoding: this.plan.encoding ?? null,
      });
      merge.ready(this.results);
      // Lets the worker's results in, to merge them while this thread still has blocks to read.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    merge.ready(this.results);
    // Waits for the worker's blocks until all are merged (`results` has holes, and merged blocks are
    // set back to undefined: it cannot tell which blocks are still to come).
    while (!merge.done && this.workerFailure === null && this.worker !== null) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
      merge.ready(this.results);
    }
    merge.ready(this.results, true);
    this.stop();
    const why = merge.rereadWhy ?? (merge.reread ? (this.workerFailure ?? 'the worker stopped') : null);
    if (merge.encoding !== null && at.encoding === null) report.encoding = merge.encoding;
    return why;
  }
}

/** Merges block results in file order (see `CsvBlocks`). */
class BlockMerge {
  /** The next block to merge, where it must start, its first line and the encoding so far. */
  private k = 0;
  private start: number;
  private line: number;
  encoding: DetectedEncoding | null;
  reread = false;
  rereadWhy: string | null = null;
  private readonly cases: CrossBlockCases;

  /** Whether every block is merged. */
  get done(): boolean {
    return this.k === this.plan.cuts.length - 1;
  }

  constructor(
    private readonly plan: BlockPlan,
    private readonly at: CsvBoundary,
    private readonly sink: BlockSink,
    private readonly report: ReadReport,
    private readonly size: number,
  ) {
    this.start = plan.cuts[0]!;
    this.line = at.nextLine;
    this.encoding = at.encoding;
    this.cases = new CrossBlockCases(at.seen, at.seen.size > 0 || report.rows.read > 0);
  }

  /** Merges the blocks ready in order; with `all`, reads the missing ones on this thread first. */
  ready(results: (BlockResult | undefined)[], all = false): void {
    while (this.k < results.length) {
      let result = results[this.k];
      if (result === undefined && !all) return;
      const why = result === undefined ? 'the worker stopped' : this.mismatch(result);
      if (why !== null) {
        this.reread = true;
        if (result !== undefined) this.rereadWhy ??= why;
        result = readCsvBlockOrThrow(this.plan, {
          index: this.k,
          from: this.start,
          to: this.plan.cuts[this.k + 1]!,
          exact: true,
          encoding: this.encoding,
          firstLine: this.line,
        });
      }
      results[this.k] = undefined;
      this.merge(result as Extract<BlockResult, { ok: true }>);
      this.k++;
    }
  }

  /** Why a block's result is not what a sequential read gives at this point, or null when it is. */
  private mismatch(result: BlockResult): string | null {
    if (!result.ok) return result.message;
    if (result.start !== this.start) return 'a quoted field runs over the cut between two blocks';
    // A block that found UTF-8 in a file with a UTF-8 byte order mark read it as the BOM's UTF-8 is read.
    const same = result.encoding === this.encoding || (result.encoding === 'utf-8' && this.encoding === 'utf-8-bom');
    if (result.decided && this.encoding !== null && !same) return 'the blocks decided differently on the encoding';
    return null;
  }

  /** Adds a block to the report and hands its events and rejections to the sink. */
  private merge(result: Extract<BlockResult, { ok: true }>): void {
    const { events, rejections, firstHashes, firstOutcomes } = result;
    // Room in the duplicate check for as many records as the first block's lines per byte make of the rest of the file.
    if (this.k === 0) {
      const records = Math.ceil(((this.size - result.start) * result.lines) / Math.max(1, result.end - result.start));
      this.at.seen.reserve(this.at.seen.size + records);
      this.sink.expect?.(records);
    }
    let removedEvent: Uint8Array | undefined;
    const removedRejection = new Uint8Array(rejections.length);
    let removed = 0;
    let keptIdentical = 0;
    const report = this.report;
    const keep = report.duplicatePolicy === 'keep';
    const byReason = { ...result.byReason };
    const seen = this.at.seen;
    // Records of cases no earlier block held cannot be duplicates of earlier records (see CrossBlockCases).
    const { caseOf } = events;
    const old = this.cases.oldCases(this.k, { firstHashes, firstOutcomes, caseOf, caseHashes: events.caseHashes }, rejections.length);
    for (let k = 0; k < firstOutcomes.length; k++) {
      if (old !== null && old[caseOf[firstOutcomes[k]!]!] === 0) continue;
      if (seen.addHash(firstHashes[2 * k]!, firstHashes[2 * k + 1]!)) continue;
      if (keep) {
        // A kept duplicate stays where it went (accepted or quarantined); it is only counted.
        keptIdentical++;
        continue;
      }
      removed++;
      const outcome = firstOutcomes[k]!;
      if (outcome >= 0) (removedEvent ??= new Uint8Array(events.size))[outcome] = 1;
      else {
        const j = -outcome - 1;
        removedRejection[j] = 1;
        const reason = rejections[j]!.reason;
        byReason[reason] = (byReason[reason] ?? 0) - 1;
      }
    }
    this.sink.events(events, removedEvent);
    const offset = this.line - result.firstLine;
    let quarantined = 0;
    rejections.forEach((r, j) => {
      if (removedRejection[j]) return;
      this.sink.reject({ ...r, line: r.line + offset });
      quarantined++;
    });
    const rows = report.rows;
    rows.read += result.rows.read;
    rows.accepted += result.rows.accepted - (removed - quarantinedRemoved(removedRejection));
    rows.quarantined += quarantined;
    rows.duplicates += result.rows.duplicates + removed;
    report.identical += result.identical + removed + keptIdentical;
    for (const [reason, n] of Object.entries(byReason) as [RejectionReason, number][]) {
      if (n > 0) report.quarantinedByReason[reason] = (report.quarantinedByReason[reason] ?? 0) + n;
    }
    if (this.encoding === null && result.encoding !== null) this.encoding = result.encoding;
    this.start = result.end;
    this.line += result.lines;
    this.sink.progress?.(result.end, this.size);
  }
}

function quarantinedRemoved(removed: Uint8Array): number {
  let n = 0;
  for (let j = 0; j < removed.length; j++) n += removed[j]!;
  return n;
}
