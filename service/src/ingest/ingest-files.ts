import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SagsflowDatabase } from '../db/client';
import { deleteLogVersion } from '../db/versions';
import { archiveVersion, nextVersion } from '../versions/index';
import { keepVersion } from './keep-version';
import { seedAppend, type AppendSeed, type StoredEventFields } from './append';
import { precomputeModel, readViewerBuild } from '../precompute/index';
import { precomputeConformance } from '../conformance/precompute-conformance';
import { precomputeFindings } from '../findings/precompute-findings';
import { precomputeCompliance } from '../precompute/compliance';
import { createPseudonymizer, keyFilePath, maskCpr, resolveSecret, SECRET_ENV } from '../privacy/index';
import { ReadError, readLog, type ColumnMapping } from '../readers/index';
import { DEFAULT_FINDINGS_SETTINGS, type EventLogBuilder, type FindingsSettings } from '@sagsflow/shared';
import { isPersonalKey, personalColumnKeys } from './personal-keys';
import { readInWorker, READ_WORKER_MIN_BYTES } from './worker-read';
import { contentHash, contentHashInWorker } from './content-hash';
import { IngestError } from './errors';
import type { IngestOptions, LoadReport } from './load-report';
import { createLoadSink, createLoadStore, type LoadCounts } from './load-sink';
import { checkLoadPolicy, DEFAULT_LOAD_POLICY } from './load-policy';
import { describeColumns, type ColumnRoles } from './column-roles';
import { createTextScrubber } from './text-scrubber';
import { currentLoad, insertLoadRow, KEY_CHECK_TEXT, recordFailedLoad, reportOfLoad, storedKeyCheck } from './load-rows';

/** Page cache of the load's connection while it runs (negative = KiB); restored afterwards. */
const LOAD_CACHE_KIB = -65_536;

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
  if (files.length === 0) throw new IngestError('no-files', `${what}: no input files given`);
  let bytesTotal = 0;
  for (const f of files) {
    try {
      bytesTotal += statSync(f).size;
    } catch {
      throw new IngestError('read-failed', `${what}: cannot read ${f} (no such file or not readable)`);
    }
  }
  const progress = (phase: 'hash' | 'read' | 'precompute' | 'commit', file: string | null, fileIndex: number, bytesRead: number) =>
    options.onProgress?.({ phase, file, fileIndex, files: files.length, bytesRead, bytesTotal });

  const extra = {
    mapping: options.mapping ?? null,
    process: options.process ?? null,
    ...(options.model ? { model: options.model.digest } : {}),
    ...(options.rules ? { rules: options.rules.text } : {}),
    ...(options.keepDuplicates === undefined ? {} : { keepDuplicates: options.keepDuplicates }),
    ...(options.append ? { append: true } : {}),
  };
  const current = currentLoad(store.db, options.log);
  let hashing: Promise<string>;
  if (current !== null && current.bytes === bytesTotal) {
    progress('hash', null, 0, 0);
    const hash = await contentHash(files, extra);
    if (hash === current.contentHash) {
      return { ...reportOfLoad(current, options.log, hash), status: 'unchanged', startedAt, finishedAt: now().getTime(), model: null };
    }
    hashing = Promise.resolve(hash);
  } else {
    hashing = contentHashInWorker(files, extra);
    hashing.catch(() => undefined);
  }

  let secret: Buffer;
  try {
    secret = resolveSecret(store.path);
  } catch (err) {
    throw new IngestError(
      'store-failed',
      `${what}: cannot read or create the key file ${keyFilePath(store.path)} (${(err as Error).message})`,
      { cause: err },
    );
  }
  const pseudonymizer = createPseudonymizer(secret);
  const keyCheck = pseudonymizer.pseudonym(KEY_CHECK_TEXT);
  const stored = storedKeyCheck(store.sqlite);
  if (stored !== null && stored !== keyCheck) {
    throw new IngestError(
      'key-mismatch',
      `${what}: the pseudonymisation key differs from the one earlier loads of this database used, so pseudonyms would not match; set the same ${SECRET_ENV} or keep the key file ${keyFilePath(store.path)}`,
    );
  }
  const personalColumns = personalColumnKeys(options.mapping?.pseudonymize);
  const personalSet = new Set(personalColumns);
  const isPersonal = (key: string) => isPersonalKey(key, personalSet);
  const text = createTextScrubber(pseudonymizer);
  // Set by the reader worker: the file names scrubbed with the values it pseudonymised.
  let scrubbedNames: string[] | null = null;
  const read = options.readLog ?? readLog;
  const { sqlite } = store;
  const counts = { read: 0, accepted: 0, duplicates: 0, quarantined: 0 };
  const policies = new Set<string>();
  let identical = 0;
  // Sink counts as of the last file read to the end: a failed load records only whole files,
  // so that its rows read still equal accepted + duplicates + quarantined.
  let settled: LoadCounts | null = null;
  let loadId = -1;
  let columns: ColumnRoles | null = null;
  // ingest --append: the version appended to, and its events found again in the new extract.
  let seed: AppendSeed | null = null;
  let crossDuplicates = 0;
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${LOAD_CACHE_KIB}`);
  try {
    sqlite.exec('BEGIN IMMEDIATE');
    const latest = sqlite.prepare('SELECT current_version AS v FROM logs WHERE name = ?').get(options.log) as { v: number } | undefined;
    const version = nextVersion(sqlite, options.log);
    const appendTo = (builder: EventLogBuilder): AppendSeed | null =>
      options.append && latest
        ? seedAppend(
            sqlite,
            { log: options.log, from: latest.v, to: version, process: options.process ?? null },
            builder,
            options.keepDuplicates === true,
          )
        : null;
    const skipEvent = options.append ? (e: StoredEventFields) => seed?.isDuplicate(e) ?? false : undefined;
    loadId = insertLoadRow(sqlite, {
      log: options.log,
      version,
      process: options.process ?? null,
      files: names,
      bytes: bytesTotal,
      keyCheck,
      startedAt,
    });
    const freeTextColumns = (options.mapping?.freeText ?? []).flatMap((c) => [c, c.replace(/^case:/, '')]);
    const freeText = new Set(freeTextColumns);
    const noteColumns = (result: {
      mapping?: ColumnMapping | undefined;
      columns?: string[] | undefined;
      mappingGuessed?: boolean | undefined;
    }) => {
      if (columns === null && result.mapping && result.columns)
        columns = describeColumns(result.mapping, result.columns, result.mappingGuessed ?? false, isPersonal);
    };
    let builder;
    let got;
    if (options.readLog === undefined && bytesTotal >= READ_WORKER_MIN_BYTES) {
      // Large loads: files are read and cleaned in a worker while this thread stores.
      const store = createLoadStore({ sqlite, loadId, log: options.log, version, skipEvent });
      seed = appendTo(store.builder);
      const sizes = files.map((f) => statSync(f).size);
      const fileStart = (i: number) => sizes.slice(0, i).reduce((a, b) => a + b, 0);
      got = await readInWorker({
        files,
        mapping: options.mapping,
        keepDuplicates: options.keepDuplicates,
        secret,
        personalColumns,
        freeText: freeTextColumns,
        fileNames: names,
        onFileNames: (scrubbed) => {
          scrubbedNames = scrubbed;
        },
        output: store.output,
        onProgress: (i, b) => progress('read', names[i]!, i, fileStart(i) + b),
        onFile: (result, fileCounts) => {
          noteColumns(result);
          counts.read += result.rows.read;
          counts.duplicates += result.rows.duplicates;
          if (result.duplicatePolicy) policies.add(result.duplicatePolicy);
          identical += result.identical ?? result.rows.duplicates;
          settled = fileCounts;
        },
        readFailed: (message, readError, cause) => new IngestError('read-failed', readError ? message : `${what}: ${message}`, { cause }),
      });
      store.finish();
      builder = store.builder;
    } else {
      const state = createLoadSink({ sqlite, pseudonymizer, loadId, log: options.log, version, isPersonal, freeText, text, skipEvent });
      seed = appendTo(state.builder);
      let before = 0;
      for (let i = 0; i < files.length; i++) {
        const file = files[i]!;
        state.setFile(names[i]!);
        const sink = { ...state.sink, onProgress: (b: number) => progress('read', names[i]!, i, before + b) };
        let result;
        try {
          result = await read(file, { mapping: options.mapping, sink, keepDuplicates: options.keepDuplicates });
        } catch (err) {
          const message = err instanceof ReadError ? err.message : `${what}: ${(err as Error).message}`;
          throw new IngestError('read-failed', message, { cause: err });
        }
        noteColumns(result);
        counts.read += result.rows.read;
        counts.duplicates += result.rows.duplicates;
        if (result.duplicatePolicy) policies.add(result.duplicatePolicy);
        identical += result.identical ?? result.rows.duplicates;
        settled = state.counts();
        before += statSync(file).size;
      }
      state.finish();
      got = state.counts();
      builder = state.builder;
    }
    settled = got;
    crossDuplicates = seed?.duplicates ?? 0;
    counts.accepted = got.accepted - crossDuplicates;
    counts.duplicates += crossDuplicates;
    identical += crossDuplicates;
    counts.quarantined = got.quarantined;
    if (got.accepted === 0) {
      const reasons = Object.entries(got.quarantinedByReason)
        .map(([r, n]) => `${r}: ${n}`)
        .join(', ');
      throw new IngestError(
        'nothing-loaded',
        `${what}: nothing could be loaded: ${counts.read} rows read, none accepted${reasons ? ` (quarantined ${reasons})` : ''}`,
      );
    }
    if (seed && counts.accepted === 0)
      throw new IngestError(
        'nothing-loaded',
        `${what}: nothing new to append: all ${counts.read} rows read are already in version ${seed.from} or quarantined`,
      );
    progress('precompute', null, files.length, bytesTotal);
    const eventLog = builder.build();
    const refusals = checkLoadPolicy(
      {
        read: counts.read,
        quarantined: counts.quarantined,
        byReason: got.quarantinedByReason,
        cases: eventLog.caseIds.length,
        previousCases: current?.cases ?? null,
      },
      { ...DEFAULT_LOAD_POLICY, ...options.policy },
    );
    if (refusals.length > 0 && !options.dryRun)
      throw new IngestError('policy-refused', `${what}: refused by the load policy: ${refusals.join('; ')}`);
    if (latest) archiveVersion(sqlite, options.log, latest.v);
    deleteLogVersion(sqlite, options.log, { keepVersion: version });
    let model;
    let conformance;
    let compliance = null;
    try {
      const minGroupSize =
        options.minGroupSize ??
        (sqlite.prepare('SELECT min_group_size AS k FROM logs WHERE name = ?').get(options.log) as { k: number } | undefined)?.k ??
        5;
      model = (options.precompute ?? precomputeModel)(eventLog, {
        sqlite,
        log: options.log,
        version,
        process: options.process ?? null,
        minGroupSize,
        endActivities: options.mapping?.endActivities,
      });
      if (options.rules)
        compliance = precomputeCompliance(eventLog, { sqlite, log: options.log, version, process: options.process ?? null }, options.rules);
      if (options.model) {
        conformance = precomputeConformance(eventLog, {
          sqlite,
          log: options.log,
          version,
          process: options.process ?? null,
          model: options.model,
          endActivities: options.mapping?.endActivities,
        });
      }
    } catch (err) {
      throw new IngestError('precompute-failed', `${what}: precompute failed: ${(err as Error).message}`, { cause: err });
    }
    try {
      const k =
        options.minGroupSize ??
        (sqlite.prepare('SELECT min_group_size AS k FROM logs WHERE name = ?').get(options.log) as { k: number } | undefined)?.k ??
        5;
      const outcome = options.mapping?.outcome
        ? { attribute: options.mapping.outcome.column.replace(/^case:/, ''), success: options.mapping.outcome.success }
        : undefined;
      precomputeFindings(eventLog, {
        sqlite,
        log: options.log,
        version,
        process: options.process ?? null,
        minGroupSize: k,
        outcome,
        endActivities: options.mapping?.endActivities,
        settings: findingsSettingsOf(options.mapping),
      });
    } catch (err) {
      throw new IngestError('precompute-failed', `${what}: findings failed: ${(err as Error).message}`, { cause: err });
    }
    const pruned = keepVersion(store, options, version, findingsSettingsOf(options.mapping), seed?.from);
    progress('commit', null, files.length, bytesTotal);
    const hash = await hashing;
    const finishedAt = now().getTime();
    const report: LoadReport = {
      loadId,
      log: options.log,
      version,
      status: 'stored',
      contentHash: hash,
      rows: { ...counts },
      quarantinedByReason: got.quarantinedByReason,
      cases: eventLog.caseIds.length,
      events: counts.accepted + (seed?.events ?? 0),
      firstTimestamp: spanEnd(got.firstTimestamp, seed?.firstTimestamp ?? null, Math.min),
      lastTimestamp: spanEnd(got.lastTimestamp, seed?.lastTimestamp ?? null, Math.max),
      startedAt,
      finishedAt,
      model,
      compliance,
      viewer: readViewerBuild(sqlite, options.log, version),
      files: scrubbedNames ?? files.map((f) => text.scrub(basename(f))),
      columns,
      ...(refusals.length > 0 ? { refusals } : {}),
      ...(conformance ? { conformance } : {}),
      duplicatePolicy: [...policies].sort().join(',') || 'drop',
      identical,
      ...(pruned.length > 0 ? { prunedVersions: pruned } : {}),
      ...(seed ? { appendedTo: seed.from } : {}),
    };
    if (options.dryRun) {
      sqlite.exec('ROLLBACK');
      return { ...report, status: 'dry-run' };
    }
    finishLoad(sqlite, report, options);
    sqlite.exec('COMMIT');
    const ends = sqlite.prepare('SELECT end_activities AS e FROM loads WHERE id = ?').get(loadId) as { e: string | null } | undefined;
    if (ends?.e) report.endActivities = JSON.parse(ends.e) as LoadReport['endActivities'];
    return report;
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    const error = err instanceof IngestError ? err : new IngestError('store-failed', `${what}: ${(err as Error).message}`, { cause: err });
    const got = settled;
    const hash = await hashing.catch(() => '');
    error.loadId = recordFailedLoad(sqlite, {
      log: options.log,
      process: options.process ?? null,
      files: names,
      hash,
      bytes: bytesTotal,
      startedAt,
      finishedAt: now().getTime(),
      message: error.message,
      counts: { ...counts, accepted: (got?.accepted ?? 0) - crossDuplicates, quarantined: got?.quarantined ?? 0 },
      quarantinedByReason: got?.quarantinedByReason ?? {},
    });
    throw error;
  } finally {
    sqlite.pragma(`cache_size = ${cacheSize}`);
  }
}

function finishLoad(sqlite: SagsflowDatabase['sqlite'], r: LoadReport, options: IngestOptions): void {
  sqlite
    .prepare(
      `UPDATE loads SET finished_at = ?, rows_read = ?, rows_accepted = ?, rows_duplicates = ?, rows_quarantined = ?,
       quarantined_by_reason = ?, cases = ?, events = ?, first_timestamp = ?, last_timestamp = ?, status = 'stored', content_hash = ?,
       columns = ?, files = ?, duplicate_policy = ?, identical_events = ? WHERE id = ?`,
    )
    .run(
      r.finishedAt,
      r.rows.read,
      r.rows.accepted,
      r.rows.duplicates,
      r.rows.quarantined,
      JSON.stringify(r.quarantinedByReason),
      r.cases,
      r.events,
      r.firstTimestamp,
      r.lastTimestamp,
      r.contentHash,
      r.columns ? JSON.stringify(r.columns) : null,
      JSON.stringify(r.files),
      r.duplicatePolicy ?? null,
      r.identical ?? 0,
      r.loadId,
    );
  sqlite
    .prepare(
      `INSERT INTO logs (name, process, current_version, min_group_size, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET process = excluded.process, current_version = excluded.current_version,
       min_group_size = coalesce(?, logs.min_group_size), updated_at = excluded.updated_at`,
    )
    .run(r.log, options.process ?? null, r.version, options.minGroupSize ?? 5, r.finishedAt, r.finishedAt, options.minGroupSize ?? null);
}

/** The findings settings of a mapping file, as `precomputeFindings` takes them (unset keys keep their defaults). */
function findingsSettingsOf(mapping: ColumnMapping | undefined): Partial<FindingsSettings> | undefined {
  const f = mapping?.findings;
  if (!f) return undefined;
  const { automationWeights, ...rest } = f;
  const settings = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Partial<FindingsSettings>;
  if (automationWeights) {
    settings.automationWeights = {
      ...DEFAULT_FINDINGS_SETTINGS.automationWeights,
      ...Object.fromEntries(Object.entries(automationWeights).filter(([, v]) => v !== undefined)),
    };
  }
  return settings;
}

/** The smaller (or larger, with `Math.max`) of two optional timestamps. */
function spanEnd(a: number | null, b: number | null, pick: (x: number, y: number) => number): number | null {
  return a === null ? b : b === null ? a : pick(a, b);
}
