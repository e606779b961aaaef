import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { EventLogBuilder } from '@sagsflow/shared';
import type { Pseudonymizer } from '../privacy/index';
import { createPseudonymText } from '../privacy/pseudonymize';
// Deep imports, not the readers' index: that pulls in the mapping's zod schema at the command's start.
import { ReadError } from '../readers/errors';
import type { ColumnMapping, ReadReport } from '../readers/index';
import { describeColumns, type ColumnRoles } from './column-roles';
import { IngestError } from './errors';
import type { IngestOptions } from './load-report';
import { createLoadSink, createLoadStore, type LoadCounts } from './load-sink';
import type { StoredEventFields } from '../db/append-seed';
import type { TextScrubber } from './text-scrubber';
import { reserveAhead } from './reserve-ahead';
import { readInWorker, READ_WORKER_MIN_BYTES } from './worker-read';

/**
 * What reading a load's files has found so far; `readLoadFiles` fills it file by file, so that
 * a load that fails part-way records the files it read to the end.
 */
export interface ReadTally {
  read: number;
  duplicates: number;
  /** Duplicate policies of the files read (`drop`, `keep`). */
  policies: Set<string>;
  identical: number;
  /** Sink counts as of the last file read to the end. */
  settled: LoadCounts | null;
  /** What the loader did with each column of the first file. */
  columns: ColumnRoles | null;
  /** The column mapping the first file was read with (given or guessed): the load's lineage. */
  mapping: ColumnMapping | null;
  /** The file names scrubbed with the values the reader worker pseudonymised (null: scrub here). */
  scrubbedNames: string[] | null;
  /** versions (issue 13): events of an `--append` extract already in the version appended to (dropped). */
  crossDuplicates: number;
}

/** Where and how a load's files are read. */
export interface ReadFilesContext {
  sqlite: Database.Database;
  loadId: number;
  log: string;
  version: number;
  files: readonly string[];
  /** The file names with CPR masked (progress, messages). */
  names: readonly string[];
  bytesTotal: number;
  /** `ingest <files>`: the head of every message. */
  what: string;
  options: IngestOptions;
  secret: Buffer;
  pseudonymizer: Pseudonymizer;
  text: TextScrubber;
  personalColumns: string[];
  isPersonal: (key: string) => boolean;
  onProgress: (file: string, fileIndex: number, bytesRead: number) => void;
  /** versions (issue 13): drops an event before it is stored (`ingest --append`'s duplicates of the version appended to). */
  skipEvent?: ((event: StoredEventFields) => boolean) | undefined;
  /** versions (issue 13): called with the builder before any file is read (`ingest --append` seeds it). */
  onBuilder?: ((builder: EventLogBuilder) => void) | undefined;
}

/** An empty tally. */
export function emptyTally(): ReadTally {
  return {
    read: 0,
    duplicates: 0,
    policies: new Set(),
    identical: 0,
    settled: null,
    columns: null,
    mapping: null,
    scrubbedNames: null,
    crossDuplicates: 0,
  };
}

type FileResult = Partial<Pick<ReadReport, 'mapping' | 'mappingGuessed' | 'columns' | 'duplicatePolicy' | 'identical'>> &
  Pick<ReadReport, 'rows'>;

/**
 * Reads every file of the load into the `events` and `quarantine` tables (cleaned and
 * pseudonymised first) and into an event log builder for precompute. Large loads are read and
 * cleaned in a worker while this thread stores; small ones (and injected readers) on this thread.
 * Returns the builder and the final sink counts; `tally` holds the per-file figures.
 */
export async function readLoadFiles(ctx: ReadFilesContext, tally: ReadTally): Promise<{ builder: EventLogBuilder; counts: LoadCounts }> {
  const onFile = (result: FileResult) => {
    const mapping: ColumnMapping | undefined = result.mapping;
    if (tally.columns === null && mapping && result.columns)
      tally.columns = describeColumns(mapping, result.columns, result.mappingGuessed ?? false, ctx.isPersonal);
    if (tally.mapping === null && mapping) tally.mapping = mapping;
    tally.read += result.rows.read;
    tally.duplicates += result.rows.duplicates;
    if (result.duplicatePolicy) tally.policies.add(result.duplicatePolicy);
    tally.identical += result.identical ?? result.rows.duplicates;
  };
  return ctx.options.readLog === undefined && ctx.bytesTotal >= READ_WORKER_MIN_BYTES
    ? readWithWorker(ctx, tally, onFile)
    : readOnThisThread(ctx, tally, onFile);
}

/** Large loads: the files are read and cleaned in a worker while this thread stores each batch. */
async function readWithWorker(ctx: ReadFilesContext, tally: ReadTally, onFile: (result: FileResult) => void) {
  const { options, files, names } = ctx;
  const store = createLoadStore({ sqlite: ctx.sqlite, loadId: ctx.loadId, log: ctx.log, version: ctx.version, skipEvent: ctx.skipEvent });
  ctx.onBuilder?.(store.builder);
  const sizes = files.map((f) => statSync(f).size);
  const fileStart = (i: number) => sizes.slice(0, i).reduce((a, b) => a + b, 0);
  const reserve = reserveAhead(store.builder, ctx.bytesTotal);
  const counts = await readInWorker({
    files,
    mapping: options.mapping,
    keepDuplicates: options.keepDuplicates,
    secret: ctx.secret,
    personalColumns: ctx.personalColumns,
    freeText: freeTextColumns(options),
    fileNames: [...names],
    onFileNames: (scrubbed) => {
      tally.scrubbedNames = scrubbed;
    },
    storeBatch: store.batchStore(createPseudonymText(ctx.secret)),
    onProgress: (i, b) => {
      const read = fileStart(i) + b;
      reserve(read);
      ctx.onProgress(names[i]!, i, read);
    },
    onFile: (result, fileCounts) => {
      onFile(result);
      tally.settled = fileCounts;
    },
    readFailed: (message, readError, cause) => new IngestError('read-failed', readError ? message : `${ctx.what}: ${message}`, { cause }),
    worker: options.readWorker,
  });
  store.finish();
  return { builder: store.builder, counts };
}

/** Small loads and injected readers: read, clean and store on this thread, file by file. */
async function readOnThisThread(ctx: ReadFilesContext, tally: ReadTally, onFile: (result: FileResult) => void) {
  const { options, files, names } = ctx;
  // The readers (the XES parser among them) are loaded on this thread only for a load read here.
  const read = options.readLog ?? (await import('../readers/read-log')).readLog;
  const state = createLoadSink({
    sqlite: ctx.sqlite,
    pseudonymizer: ctx.pseudonymizer,
    loadId: ctx.loadId,
    log: ctx.log,
    version: ctx.version,
    isPersonal: ctx.isPersonal,
    freeText: new Set(freeTextColumns(options)),
    text: ctx.text,
    skipEvent: ctx.skipEvent,
  });
  ctx.onBuilder?.(state.builder);
  let before = 0;
  for (let i = 0; i < files.length; i++) {
    const file = files[i]!;
    state.setFile(names[i]!);
    const sink = { ...state.sink, onProgress: (b: number) => ctx.onProgress(names[i]!, i, before + b) };
    let result;
    try {
      result = await read(file, { mapping: options.mapping, sink, keepDuplicates: options.keepDuplicates });
    } catch (err) {
      const message = err instanceof ReadError ? err.message : `${ctx.what}: ${(err as Error).message}`;
      throw new IngestError('read-failed', message, { cause: err });
    }
    onFile(result);
    tally.settled = state.counts();
    before += statSync(file).size;
  }
  state.finish();
  return { builder: state.builder, counts: state.counts() };
}

/** The free-text columns of the mapping, by their name and their name without `case:`. */
function freeTextColumns(options: IngestOptions): string[] {
  return (options.mapping?.freeText ?? []).flatMap((c) => [c, c.replace(/^case:/, '')]);
}
