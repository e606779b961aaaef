import type { EventLogBuilder } from '@sagsflow/shared';
import type { SagsflowDatabase } from '../db/client';
import { isPersonalKey, personalColumnKeys } from './personal-keys';
import { contentHash, loadHashesInWorker, type FileDigest } from './content-hash';
import type { IngestOptions, LoadReport } from './load-report';
import { createTextScrubber, type TextScrubber } from './text-scrubber';
import { currentLoad, currentVersionOf, insertLoadRow } from '../db/load-queries';
import { beginLoad, type LoadTransaction } from '../db/load-transaction';
import { loadKey, type LoadKey } from './load-key';
import { emptyTally, readLoadFiles, type ReadTally } from './read-files';
import { failedLoad } from './finish-load';
import type { LoadCounts } from './load-sink';
import { fileDigests } from '../governance/lineage';
import { describeLoad, type LoadRun } from './load-run';
// versions (issue 13)
import { nextVersion } from '../db/log-versions/index';
import type { AppendSeed } from '../versions/append-seed';

/**
 * Loads extracts as a new version of a log, in one transaction: reads every file through the
 * readers, pseudonymises in the sink before anything is kept, writes events and quarantine,
 * precomputes the model tables, deletes the previous version's rows and makes the new version
 * current. Any failure rolls everything back (the previous version stays as it was) and throws
 * an `IngestError` with a one-line message; the attempt is recorded as a `failed` load.
 * Loading the same files (same bytes, mapping and process) as the current version writes
 * nothing and returns `status: 'unchanged'`. The load policy (`options.policy`, see
 * `checkLoadPolicy`) refuses a load with too many quarantined rows or too few cases; `dryRun`
 * does everything but rolls back at the end and reports what would have been stored.
 *
 * The load holds the write lock of `store` from start to end, so run it on its own connection
 * (`openDatabase(path)`) when other code writes to the same database meanwhile.
 *
 * @example
 * const report = await ingestFiles(store, { files: ['extract.csv'], log: 'dagpenge', process: 'dagpenge' });
 * console.log(report.rows, report.cases);
 */
export async function ingestFiles(store: SagsflowDatabase, options: IngestOptions): Promise<LoadReport> {
  const run = describeLoad(store, options);
  const current = currentLoad(store.db, options.log);
  const hashed = await hashLoad(run.files, options, current, run.bytesTotal, () => run.progress('hash', null, 0, 0));
  if ('unchanged' in hashed) return (await import('./load-report-of')).unchangedReport(run, current!, hashed.unchanged);
  const { hashing } = hashed;
  const digests = options.dryRun ? null : (hashed.digests ?? fileDigests(run.files));
  digests?.catch(() => undefined);
  const scrubbing = loadScrubbing(run);
  const tally: ReadTally = emptyTally();
  let tx: LoadTransaction | null = null;
  try {
    tx = beginLoad(store.sqlite);
    const { latest, version, loadId } = openLoadRow(run, scrubbing.key);
    // What runs after the read (precompute, the report, the commit) is loaded while the files are read.
    const storing = import('./store-read-load');
    storing.catch(() => undefined);
    const { builder, got, appended } = await readIntoLoad(run, { loadId, latest, version }, scrubbing, tally);
    const { storeReadLoad } = await storing;
    const { text } = scrubbing;
    return await storeReadLoad(run, tx, { loadId, latest, version, current, hashing, digests, tally, builder, got, appended, text });
  } catch (err) {
    tx?.rollback();
    const { what, names, bytesTotal, startedAt, now } = run;
    throw await failedLoad(store.sqlite, err, { what, options, names, bytesTotal, startedAt, now, hashing, tally });
  } finally {
    tx?.end();
  }
}

/**
 * The load's content hash (files, mapping, process, model, rules and duplicate choice):
 * `unchanged` when it equals the current version's (hashed here, only when the sizes match),
 * else a hash computed in a worker while the load runs, with the files' digests (lineage) from
 * the same read of the files.
 */
async function hashLoad(
  files: readonly string[],
  options: IngestOptions,
  current: ReturnType<typeof currentLoad>,
  bytesTotal: number,
  onHashing: () => void,
): Promise<{ unchanged: string } | { hashing: Promise<string>; digests?: Promise<FileDigest[]> }> {
  const extra = {
    mapping: options.mapping ?? null,
    process: options.process ?? null,
    ...(options.model ? { model: options.model.digest } : {}),
    ...(options.rules ? { rules: options.rules.text } : {}),
    ...(options.keepDuplicates === undefined ? {} : { keepDuplicates: options.keepDuplicates }),
    ...(options.append ? { append: true } : {}),
  };
  if (current !== null && current.bytes === bytesTotal) {
    onHashing();
    const hash = await contentHash(files, extra);
    return hash === current.contentHash ? { unchanged: hash } : { hashing: Promise.resolve(hash) };
  }
  // The hash worker starts after this turn, once the reader worker has its request (the read is what waits).
  const hashes = new Promise<void>((resolve) => setImmediate(resolve)).then(() => loadHashesInWorker(files, extra));
  const hashing = hashes.then((h) => h.content);
  const digests = hashes.then((h) => h.files);
  hashing.catch(() => undefined);
  digests.catch(() => undefined);
  return { hashing, digests };
}

/** How a load pseudonymises: its key (refused when it differs from earlier loads'), the personal columns and the text scrubber. */
interface LoadScrubbing {
  key: LoadKey;
  personalColumns: string[];
  personalSet: Set<string>;
  text: TextScrubber;
}

/** The key, personal columns and text scrubber of a load; a key that differs from earlier loads' stops it here. */
function loadScrubbing(run: LoadRun): LoadScrubbing {
  const key = loadKey(run.store, run.what);
  const personalColumns = personalColumnKeys(run.options.mapping?.pseudonymize);
  const personalSet = new Set(personalColumns);
  const text = createTextScrubber(key.pseudonymizer);
  return { key, personalColumns, personalSet, text };
}

/** Inserts the load row of the next version of the log, in the load's transaction; `latest` is the current version (null: none). */
function openLoadRow(run: LoadRun, key: LoadKey): { latest: number | null; version: number; loadId: number } {
  const { store, options } = run;
  const latest = currentVersionOf(store.db, options.log);
  const version = nextVersion(store.sqlite, options.log);
  const loadId = insertLoadRow(store.sqlite, {
    log: options.log,
    version,
    process: options.process ?? null,
    files: run.names,
    bytes: run.bytesTotal,
    keyCheck: key.keyCheck,
    startedAt: run.startedAt,
  });
  return { latest, version, loadId };
}

/**
 * Reads the files into the load and settles the tally.
 * With `--append` and a current version, the builder is seeded with that version's events and
 * the extract's events already in it are dropped: `appended` tells how many.
 */
async function readIntoLoad(
  run: LoadRun,
  target: { loadId: number; latest: number | null; version: number },
  scrubbing: LoadScrubbing,
  tally: ReadTally,
): Promise<{ builder: EventLogBuilder; got: LoadCounts; appended: AppendSeed | null }> {
  const { store, options } = run;
  const { sqlite } = store;
  const { loadId, latest, version } = target;
  const { key, personalSet } = scrubbing;
  // ingest --append: the version appended to, and how many of its events the new extract repeated.
  let seed: AppendSeed | null = null;
  const seedAppend = options.append && latest !== null ? (await import('../versions/append-seed')).seedAppend : null;
  const { builder, counts: got } = await readLoadFiles(
    {
      sqlite,
      loadId,
      log: options.log,
      version,
      files: run.files,
      names: run.names,
      bytesTotal: run.bytesTotal,
      what: run.what,
      options,
      secret: key.secret,
      pseudonymizer: key.pseudonymizer,
      text: scrubbing.text,
      personalColumns: scrubbing.personalColumns,
      isPersonal: (k) => isPersonalKey(k, personalSet),
      onProgress: (file, i, bytes) => run.progress('read', file, i, bytes),
      ...(seedAppend && latest !== null
        ? {
            skipEvent: (e) => seed?.isDuplicate(e) ?? false,
            onBuilder: (b) => {
              seed = seedAppend(
                sqlite,
                { log: options.log, from: latest, to: version, process: options.process ?? null },
                b,
                options.keepDuplicates === true,
              );
            },
          }
        : {}),
    },
    tally,
  );
  tally.settled = got;
  const appended = seed as AppendSeed | null;
  tally.crossDuplicates = appended?.duplicates ?? 0;
  return { builder, got, appended };
}
