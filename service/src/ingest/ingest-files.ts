import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SagsflowDatabase } from '../db/client';
import { deleteLogVersion } from '../db/versions';
import { readViewerBuild } from '../precompute/index';
import { maskCpr } from '../privacy/index';
import { isPersonalKey, personalColumnKeys } from './personal-keys';
import { contentHash, contentHashInWorker } from './content-hash';
import { IngestError } from './errors';
import type { IngestOptions, IngestProgress, LoadReport } from './load-report';
import { checkLoadPolicy, DEFAULT_LOAD_POLICY } from './load-policy';
import { createTextScrubber } from './text-scrubber';
import { reportOfLoad } from './load-rows';
import { currentLoad, currentVersionOf, insertLoadRow, loadEndActivities } from '../db/load-queries';
import { beginLoad, type LoadTransaction } from '../db/load-transaction';
import { deferEventIndexes } from '../db/event-insert';
import { loadKey } from './load-key';
import { emptyTally, readLoadFiles, type ReadTally } from './read-files';
import { failedLoad, finishLoad } from './finish-load';
import type { LoadCounts } from './load-sink';
import { precomputeLoad } from './precompute-load';
import { loadPurposeRefusal, retentionAfterLoad } from '../governance/load-governance';
import { fileDigests } from '../governance/lineage';
// versions (issue 13)
import { archiveVersion, nextVersion } from '../db/log-versions/index';
import { keepVersion } from '../db/keep-version';
import { seedAppend, type AppendSeed } from '../db/append-seed';
import { findingsSettingsOf } from './precompute-load';

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
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  const files = [...options.files];
  // File names can hold CPR numbers and names: CPR is masked from the start (the load row,
  // messages); names are pseudonymised once the load has read the values it pseudonymises.
  const names = files.map((f) => maskCpr(basename(f)));
  const what = `ingest ${names.join(', ') || '(no files)'}`;
  const bytesTotal = totalBytes(files, what);
  const progress = (phase: IngestProgress['phase'], file: string | null, fileIndex: number, bytesRead: number) =>
    options.onProgress?.({ phase, file, fileIndex, files: files.length, bytesRead, bytesTotal });

  const current = currentLoad(store.db, options.log);
  const hashed = await hashLoad(files, options, current, bytesTotal, () => progress('hash', null, 0, 0));
  if ('unchanged' in hashed) {
    return {
      ...reportOfLoad(current!, options.log, hashed.unchanged),
      status: 'unchanged',
      startedAt,
      finishedAt: now().getTime(),
      model: null,
    };
  }
  const { hashing } = hashed;
  const digests = options.dryRun ? null : fileDigests(files);
  digests?.catch(() => undefined);

  const key = loadKey(store, what);
  const personalColumns = personalColumnKeys(options.mapping?.pseudonymize);
  const personalSet = new Set(personalColumns);
  const text = createTextScrubber(key.pseudonymizer);
  const { sqlite } = store;
  const tally: ReadTally = emptyTally();
  let loadId = -1;
  // ingest --append: the version appended to, and how many of its events the new extract repeated.
  let seed: AppendSeed | null = null;
  let tx: LoadTransaction | null = null;
  try {
    tx = beginLoad(sqlite);
    const latest = currentVersionOf(store.db, options.log);
    const version = nextVersion(sqlite, options.log);
    loadId = insertLoadRow(sqlite, {
      log: options.log,
      version,
      process: options.process ?? null,
      files: names,
      bytes: bytesTotal,
      keyCheck: key.keyCheck,
      startedAt,
    });
    const rebuildEventIndexes = deferEventIndexes(sqlite);
    const { builder, counts: got } = await readLoadFiles(
      {
        sqlite,
        loadId,
        log: options.log,
        version,
        files,
        names,
        bytesTotal,
        what,
        options,
        secret: key.secret,
        pseudonymizer: key.pseudonymizer,
        text,
        personalColumns,
        isPersonal: (k) => isPersonalKey(k, personalSet),
        onProgress: (file, i, bytes) => progress('read', file, i, bytes),
        ...(options.append && latest !== null
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
    rebuildEventIndexes();
    tally.settled = got;
    const appended = seed as AppendSeed | null;
    const crossDuplicates = appended?.duplicates ?? 0;
    tally.crossDuplicates = crossDuplicates;
    refuseNothingLoaded(what, tally.read, got, appended);
    const noPurpose = loadPurposeRefusal(sqlite, options.log, options.governance, tally.columns);
    if (noPurpose !== null && !options.dryRun) throw new IngestError('purpose-missing', `${what}: ${noPurpose}`);
    progress('precompute', null, files.length, bytesTotal);
    const eventLog = builder.build();
    const refusals = checkLoadPolicy(
      {
        read: tally.read,
        quarantined: got.quarantined,
        byReason: got.quarantinedByReason,
        cases: eventLog.caseIds.length,
        previousCases: current?.cases ?? null,
      },
      { ...DEFAULT_LOAD_POLICY, ...options.policy },
    );
    if (refusals.length > 0 && !options.dryRun)
      throw new IngestError('policy-refused', `${what}: refused by the load policy: ${refusals.join('; ')}`);
    if (noPurpose !== null) refusals.push(noPurpose);
    if (latest !== null) archiveVersion(sqlite, options.log, latest);
    deleteLogVersion(sqlite, options.log, { keepVersion: version });
    const { model, compliance, conformance } = precomputeLoad(eventLog, { sqlite, log: options.log, version, what, options });
    const pruned = keepVersion(store, options, version, findingsSettingsOf(options.mapping), appended?.from);
    progress('commit', null, files.length, bytesTotal);
    const report: LoadReport = {
      loadId,
      log: options.log,
      version,
      status: 'stored',
      contentHash: await hashing,
      rows: {
        read: tally.read,
        accepted: got.accepted - crossDuplicates,
        duplicates: tally.duplicates + crossDuplicates,
        quarantined: got.quarantined,
      },
      quarantinedByReason: got.quarantinedByReason,
      cases: eventLog.caseIds.length,
      events: got.accepted - crossDuplicates + (appended?.events ?? 0),
      firstTimestamp: spanEnd(got.firstTimestamp, appended?.firstTimestamp ?? null, Math.min),
      lastTimestamp: spanEnd(got.lastTimestamp, appended?.lastTimestamp ?? null, Math.max),
      startedAt,
      finishedAt: now().getTime(),
      model,
      compliance,
      viewer: readViewerBuild(sqlite, options.log, version),
      files: tally.scrubbedNames ?? files.map((f) => text.scrub(basename(f))),
      columns: tally.columns,
      ...(refusals.length > 0 ? { refusals } : {}),
      ...(conformance ? { conformance } : {}),
      duplicatePolicy: [...tally.policies].sort().join(',') || 'drop',
      identical: tally.identical + crossDuplicates,
      ...(pruned.length > 0 ? { prunedVersions: pruned } : {}),
      ...(appended ? { appendedTo: appended.from } : {}),
    };
    if (options.dryRun) {
      tx.rollback();
      return { ...report, status: 'dry-run' };
    }
    await finishLoad(store, report, options, { digests: digests!, mapping: options.mapping ?? tally.mapping });
    tx.commit();
    report.retention = retentionAfterLoad(store, options.log, options.governance, now());
    const ends = loadEndActivities(store.db, loadId);
    if (ends) report.endActivities = JSON.parse(ends) as LoadReport['endActivities'];
    return report;
  } catch (err) {
    tx?.rollback();
    throw await failedLoad(sqlite, err, { what, options, names, bytesTotal, startedAt, now, hashing, tally });
  } finally {
    tx?.end();
  }
}

/** Refuses a load that accepted no row, or (`--append`) none that is not already in the version appended to. */
function refuseNothingLoaded(what: string, read: number, got: LoadCounts, appended: AppendSeed | null): void {
  if (got.accepted === 0) {
    const reasons = Object.entries(got.quarantinedByReason)
      .map(([r, n]) => `${r}: ${n}`)
      .join(', ');
    throw new IngestError(
      'nothing-loaded',
      `${what}: nothing could be loaded: ${read} rows read, none accepted${reasons ? ` (quarantined ${reasons})` : ''}`,
    );
  }
  if (appended && got.accepted - appended.duplicates === 0)
    throw new IngestError(
      'nothing-loaded',
      `${what}: nothing new to append: all ${read} rows read are already in version ${appended.from} or quarantined`,
    );
}

/** The summed size of the files; a missing or unreadable file stops the load before anything is written. */
function totalBytes(files: readonly string[], what: string): number {
  if (files.length === 0) throw new IngestError('no-files', `${what}: no input files given`);
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      throw new IngestError('read-failed', `${what}: cannot read ${f} (no such file or not readable)`);
    }
  }
  return bytes;
}

/**
 * The load's content hash (files, mapping, process, model, rules and duplicate choice):
 * `unchanged` when it equals the current version's (hashed here, only when the sizes match),
 * else a hash computed in a worker while the load runs.
 */
async function hashLoad(
  files: readonly string[],
  options: IngestOptions,
  current: ReturnType<typeof currentLoad>,
  bytesTotal: number,
  onHashing: () => void,
): Promise<{ unchanged: string } | { hashing: Promise<string> }> {
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
  const hashing = contentHashInWorker(files, extra);
  hashing.catch(() => undefined);
  return { hashing };
}

/** The smaller (or larger, with `Math.max`) of two optional timestamps. */
function spanEnd(a: number | null, b: number | null, pick: (x: number, y: number) => number): number | null {
  return a === null ? b : b === null ? a : pick(a, b);
}
