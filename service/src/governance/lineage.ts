import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadRow } from '../db/schema';
import { maskCpr } from '../privacy/index';

/** One source file of a load: its name (masked as the load's `files`), size and SHA-256. */
export interface SourceFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** Where a version came from: its files, mapping, rule catalogue and model, and who loaded it. */
export interface Lineage {
  sourceFiles: SourceFile[];
  /** The column mapping used, as stored (null when unknown). */
  mapping: unknown;
  rules: { name: string; sha256: string } | null;
  model: { name: string; sha256: string } | null;
  /** `token:<name>` or `cli:<user>`. */
  loadedBy: string | null;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  const out = [];
  for (const file of workerData.files) {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    out.push({ bytes, sha256: hash.digest('hex') });
  }
  parentPort.postMessage(out);
})().catch((err) => parentPort.postMessage({ error: String((err && err.message) || err) }));
`;

/** Size and SHA-256 of each file, computed on a worker thread so that it overlaps the load's read. */
export function fileDigests(files: readonly string[]): Promise<{ bytes: number; sha256: string }[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files: [...files] } });
    worker.once('message', (m: { bytes: number; sha256: string }[] | { error: string }) => {
      void worker.terminate();
      if (Array.isArray(m)) resolve(m);
      else reject(new Error(`file digests failed: ${m.error}`));
    });
    worker.once('error', reject);
  });
}

/** SHA-256 (hex) of a text or of a file's bytes. */
export function sha256Of(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The model attached to a load as lineage: its file name and the SHA-256 of its bytes (null when it cannot be read). */
export function modelLineage(file: string | undefined): { name: string; sha256: string } | null {
  if (file === undefined) return null;
  try {
    return { name: maskCpr(basename(file)), sha256: sha256Of(readFileSync(file)) };
  } catch {
    return null;
  }
}

/** Who runs a load from the command line: `cli:<operating-system user>`. */
export function cliLoader(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/** Writes a load's lineage onto its `loads` row (inside the load's transaction). */
export function recordLineage(sqlite: Database.Database, loadId: number, lineage: Lineage): void {
  sqlite
    .prepare(
      `UPDATE loads SET source_files = ?, mapping = ?, rules_name = ?, rules_sha256 = ?, model_name = ?, model_sha256 = ?, loaded_by = ?
       WHERE id = ?`,
    )
    .run(
      JSON.stringify(lineage.sourceFiles),
      lineage.mapping === null || lineage.mapping === undefined ? null : JSON.stringify(lineage.mapping),
      lineage.rules?.name ?? null,
      lineage.rules?.sha256 ?? null,
      lineage.model?.name ?? null,
      lineage.model?.sha256 ?? null,
      lineage.loadedBy,
      loadId,
    );
}

/** The lineage of a stored load row, parsed (loads made before migration 0014 give empty parts). */
export function lineageOf(row: LoadRow): Lineage {
  return {
    sourceFiles: row.sourceFiles === null ? [] : (JSON.parse(row.sourceFiles) as SourceFile[]),
    mapping: row.mapping === null ? null : (JSON.parse(row.mapping) as unknown),
    rules: row.rulesName === null ? null : { name: row.rulesName, sha256: row.rulesSha256 ?? '' },
    model: row.modelName === null ? null : { name: row.modelName, sha256: row.modelSha256 ?? '' },
    loadedBy: row.loadedBy,
  };
}
