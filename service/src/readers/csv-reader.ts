import type { ColumnMapping } from './mapping';
import { CsvTokenizer, type RecordHandler } from './csv-tokenizer';
import { createCsvRowHandler } from './csv-row';
import { sniffDelimiter, type Delimiter } from './csv-sniff';
import { ReadError } from './errors';
import { resolveMapping, type ResolvedMapping } from './resolve-mapping';
import type { ReadTally } from './tally';
import { AutoDecoder, type DetectedEncoding } from './text-decoder';
import { CaseRunDuplicates } from './case-run-duplicates';
import { RecordHashSet } from './record-hash-set';

/** What the CSV reader found out about a file besides its records. */
export interface CsvFacts {
  encoding: DetectedEncoding;
  delimiter: Delimiter;
  resolved: ResolvedMapping;
}

const SAMPLE_CHARS = 1 << 16;
/** The most records the duplicate check's table is sized for ahead of reading them (16 M: a 256 MB table). */
const MAX_RESERVED_RECORDS = 1 << 24;
/** A field longer than this is taken for an unclosed quote rather than held in memory. */
export const MAX_FIELD_CHARS = 16 << 20;

/**
 * Bytes of a read chunk decoded and tokenized at a time. Their text (at most 60,000 characters,
 * 120 KB as two-byte) stays below V8's large-object size (128 KB): it is made and dropped in the
 * young generation, where a 1 MiB chunk's text took fresh large-object pages, about 25,000 page
 * faults in the reader of a 1,000,000-event file.
 */
const DECODE_PIECE = 60_000;

/** The start of a CSV file as the reader understood it: enough to read any later part of the file. */
export interface CsvHead {
  delimiter: Delimiter;
  /** The header's column names (made unique). */
  header: string[];
  resolved: ResolvedMapping;
  /**
   * The byte offset of the line after the header when the header is a plain first line (no
   * quote, no stray CR) within the first chunk read, else null: a later reader may start there.
   */
  bodyStart: number | null;
  /** The encoding decided by the first chunk read (null: only ASCII so far): final for the rest of the file. */
  encoding: DetectedEncoding | null;
}

/** The reader's state at a line start where it may hand the rest of the file over (see `CsvHandOver`). */
export interface CsvBoundary {
  /** True when a record ends exactly there (false: inside a quoted field that spans lines). */
  atRecordStart: boolean;
  /** The encoding decided so far (null: only ASCII seen). */
  encoding: DetectedEncoding | null;
  sawInvalidBytes: boolean;
  /** The 1-based line number the next record would have. */
  nextLine: number;
  /** The hashes of the records read so far (the duplicate check). */
  seen: RecordHashSet;
}

/**
 * Lets another reader take over the rest of a file (the CSV summary reads it in blocks on two
 * threads after the first MB, see `readEvents`). `plan` sees the header and may name a byte offset (a line start); when this
 * read reaches it, `handOver` decides: true ends the read there, false reads on as usual.
 */
export interface CsvHandOver {
  plan(head: CsvHead): number | null;
  handOver(state: CsvBoundary): boolean;
}

/**
 * Streams CSV records from byte chunks into `tally`: encoding and delimiter are detected
 * from the start of the data, the first record is the header, the mapping is resolved
 * against it, and every later record is handled by `createCsvRowHandler`.
 */
export async function readCsv(
  file: string,
  chunks: AsyncIterator<Buffer>,
  mapping: ColumnMapping | undefined,
  tally: ReadTally,
  onChunk: () => void,
  split?: CsvHandOver,
  expectedBytes = 0,
): Promise<CsvFacts> {
  const decoder = new AutoDecoder();
  let sample = '';
  let done = false;
  let first = true;
  let consumed = 0;
  let duplicates = new CaseRunDuplicates(new RecordHashSet());
  let firstChunk: Buffer | null = null;
  while (sample.length < SAMPLE_CHARS) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      sample += decoder.end();
      break;
    }
    if (first) {
      first = false;
      firstChunk = next.value;
      const problem = AutoDecoder.unsupported(next.value);
      if (problem) throw new ReadError(file, problem);
    }
    consumed += next.value.length;
    sample += decoder.decode(next.value);
    onChunk();
  }
  const delimiter = sniffDelimiter(sample, done);
  // Sized for the file should the check leave the case runs (not when the rest may go to the blocks, which keep their own tables).
  if (!done && !split) duplicates = new CaseRunDuplicates(new RecordHashSet(), expectedRecords(sample, consumed, expectedBytes));
  let resolved: ResolvedMapping | null = null;
  let handleRow: RecordHandler | null = null;
  const tokenizer = new CsvTokenizer(
    delimiter.charCodeAt(0),
    (fields, line, problem) => {
      if (handleRow) return handleRow(fields, line, problem);
      if (problem) throw new ReadError(file, 'the header line has a quote that is never closed', { line });
      const header = uniqueNames(fields);
      resolved = resolveMapping(header, mapping, file);
      handleRow = createCsvRowHandler({
        resolved,
        width: header.length,
        delimiter,
        tally,
        sawInvalidBytes: () => decoder.sawInvalid,
        source: tokenizer,
        caseRuns: duplicates,
      });
      if (split) stopAt = split.plan({ delimiter, header, resolved, bodyStart, encoding: decoder.encoding });
    },
    1,
    true,
  );
  let stopAt: number | null = null;
  // A plain header line is pushed on its own, so the rest of the file may be handed over right after it.
  const headerBytes = split && firstChunk ? plainHeaderEnd(firstChunk) : -1;
  const headerChars = headerBytes > 0 ? sample.indexOf('\n') + 1 : 0;
  // Where the one-thread read stands when it hands the rest of the file over to the blocks.
  const boundaryHere = () => ({
    atRecordStart: tokenizer.atRecordStart,
    encoding: decoder.encoding,
    sawInvalidBytes: decoder.sawInvalid,
    nextLine: tokenizer.recordLine,
    seen: duplicates.table(),
  });
  const bodyStart = headerChars > 0 ? headerBytes : null;
  if (bodyStart !== null) {
    tokenizer.push(sample.slice(0, headerChars));
    sample = sample.slice(headerChars);
    if (stopAt === bodyStart) {
      stopAt = null;
      if (resolved !== null && split!.handOver(boundaryHere())) return { encoding: decoder.detected, delimiter, resolved };
    }
  }
  tokenizer.push(sample);
  sample = '';
  const push = (bytes: Buffer) => {
    for (let at = 0; at < bytes.length; at += DECODE_PIECE) {
      tokenizer.push(decoder.decode(bytes, at, Math.min(bytes.length, at + DECODE_PIECE)));
      if (tokenizer.pendingChars > MAX_FIELD_CHARS) {
        throw new ReadError(
          file,
          `a quoted field runs on for more than ${MAX_FIELD_CHARS / (1 << 20)} M characters: a closing quote is probably missing`,
          { line: tokenizer.recordLine },
        );
      }
    }
  };
  if (!done) {
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      let bytes = next.value;
      if (stopAt !== null && consumed + bytes.length >= stopAt && stopAt >= consumed) {
        const cut = stopAt - consumed;
        stopAt = null;
        if (cut > 0) push(bytes.subarray(0, cut));
        if (split!.handOver(boundaryHere())) {
          if (resolved === null) throw new ReadError(file, 'the file is empty: expected a header line with column names');
          return { encoding: decoder.detected, delimiter, resolved };
        }
        bytes = bytes.subarray(cut);
      }
      consumed += bytes.length;
      push(bytes);
      onChunk();
    }
    tokenizer.push(decoder.end());
  }
  tokenizer.end();
  if (resolved === null) throw new ReadError(file, 'the file is empty: expected a header line with column names');
  return { encoding: decoder.detected, delimiter, resolved };
}

/**
 * About how many records a file of `bytes` holds, from the lines of its first `sampleBytes`
 * (decoded as `sample`): the duplicate check's table is sized for them once instead of growing
 * (each growth moves every hash to a random place in a larger table).
 */
function expectedRecords(sample: string, sampleBytes: number, bytes: number): number {
  let lines = 0;
  for (let at = sample.indexOf('\n'); at >= 0; at = sample.indexOf('\n', at + 1)) lines++;
  if (lines < 2 || bytes <= sampleBytes) return 0;
  return Math.min(Math.round((bytes / sampleBytes) * lines), MAX_RESERVED_RECORDS);
}

/**
 * The byte offset just after the first line feed of `chunk` when the line before it is a plain
 * header (no quote, no carriage return but one right before the line feed, not empty), else -1.
 */
function plainHeaderEnd(chunk: Buffer): number {
  const lf = chunk.indexOf(10);
  if (lf <= 0) return -1;
  for (let i = 0; i < lf; i++) {
    const c = chunk[i]!;
    if (c === 34 || (c === 13 && i !== lf - 1)) return -1;
  }
  return lf === 1 && chunk[0] === 13 ? -1 : lf + 1;
}

/** Trims header names and renames repeats `Name (2)`, `Name (3)` so each column has its own name. */
function uniqueNames(fields: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return fields.map((f) => {
    const name = f.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 || name === '' ? name : `${name} (${n})`;
  });
}
