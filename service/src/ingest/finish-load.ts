import type { SagsflowDatabase } from '../db/client';
import { finishLoadRow, makeVersionCurrent, recordFailedLoad } from '../db/load-queries';
import { recordLoadGovernance } from '../governance/load-governance';
import { modelLineage, sha256Of } from '../governance/lineage';
import type { ColumnMapping } from '../readers/index';
import { IngestError } from './errors';
import type { IngestOptions, LoadReport } from './load-report';
import type { ReadTally } from './read-files';

/**
 * The last writes of a stored load before its commit: the finished `loads` row, the version made
 * current, and the load's governance record with its lineage (the files' sizes and SHA-256).
 */
export async function finishLoad(
  store: SagsflowDatabase,
  report: LoadReport,
  options: IngestOptions,
  read: { digests: Promise<{ bytes: number; sha256: string }[]>; mapping: ColumnMapping | null | undefined },
): Promise<void> {
  const { sqlite } = store;
  finishLoadRow(sqlite, report);
  makeVersionCurrent(sqlite, {
    log: report.log,
    process: options.process ?? null,
    version: report.version,
    minGroupSize: options.minGroupSize ?? null,
    at: report.finishedAt,
  });
  const sums = await read.digests;
  recordLoadGovernance(store, {
    loadId: report.loadId,
    log: options.log,
    governance: options.governance,
    lineage: {
      sourceFiles: report.files.map((name, i) => ({ name, bytes: sums[i]!.bytes, sha256: sums[i]!.sha256 })),
      mapping: read.mapping,
      rules: options.rules ? { name: options.rules.catalogue.catalogue, sha256: sha256Of(options.rules.text) } : null,
      model: modelLineage(options.model?.file),
    },
    version: report.version,
    teamColumn: read.mapping?.team,
    model: options.model,
  });
}

/**
 * The error a failed load throws (an `IngestError`, `store-failed` for an unexpected one), after
 * recording the attempt as a `failed` load with the counts of the files it read to the end.
 */
export async function failedLoad(
  sqlite: SagsflowDatabase['sqlite'],
  err: unknown,
  at: {
    what: string;
    options: IngestOptions;
    names: string[];
    bytesTotal: number;
    startedAt: number;
    now: () => Date;
    hashing: Promise<string>;
    tally: ReadTally;
  },
): Promise<IngestError> {
  const error = err instanceof IngestError ? err : new IngestError('store-failed', `${at.what}: ${(err as Error).message}`, { cause: err });
  const got = at.tally.settled;
  const hash = await at.hashing.catch(() => '');
  error.loadId = recordFailedLoad(sqlite, {
    log: at.options.log,
    process: at.options.process ?? null,
    files: at.names,
    hash,
    bytes: at.bytesTotal,
    startedAt: at.startedAt,
    finishedAt: at.now().getTime(),
    message: error.message,
    counts: {
      read: at.tally.read,
      duplicates: at.tally.duplicates + at.tally.crossDuplicates,
      accepted: (got?.accepted ?? 0) - at.tally.crossDuplicates,
      quarantined: got?.quarantined ?? 0,
    },
    quarantinedByReason: got?.quarantinedByReason ?? {},
  });
  return error;
}
