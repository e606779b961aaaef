import type { AcceptedEvent, ReadCounts, ReadSink, RejectionReason } from './types';

const MAX_RAW = 2000;

/** Quotes a value for a message, cut to a readable length. */
export function quote(value: string, max = 100): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}...` : value);
}

/**
 * Counts where every record went and forwards it to the sink, so that
 * `read === accepted + duplicates + quarantined` holds by construction.
 */
export class ReadTally {
  readonly counts: ReadCounts = { read: 0, accepted: 0, duplicates: 0, quarantined: 0 };
  readonly byReason: Partial<Record<RejectionReason, number>> = {};

  /** Exact duplicates seen, kept or not. */
  identical = 0;

  constructor(
    private readonly file: string,
    private readonly sink: ReadSink,
    readonly keepDuplicates = false,
  ) {}

  /** Counts an exact duplicate that is kept as an event (it is accepted, or quarantined, on its own merits). */
  identicalKept(): void {
    this.identical++;
  }

  accept(accepted: AcceptedEvent): void {
    this.counts.read++;
    this.counts.accepted++;
    this.sink.onEvent(accepted);
  }

  duplicate(line: number, raw: string): void {
    this.identical++;
    this.counts.read++;
    this.counts.duplicates++;
    this.sink.onDuplicate?.(line, raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw);
  }

  reject(line: number, column: string | null, reason: RejectionReason, message: string, raw: string): void {
    this.counts.read++;
    this.counts.quarantined++;
    this.byReason[reason] = (this.byReason[reason] ?? 0) + 1;
    this.sink.onReject({
      file: this.file,
      line,
      column,
      reason,
      message,
      raw: raw.length > MAX_RAW ? raw.slice(0, MAX_RAW) : raw,
    });
  }
}
