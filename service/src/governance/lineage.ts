import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { Worker } from 'node:worker_threads';
import { maskCpr } from '../privacy/index';

export { lineageOf, recordLineage, type Lineage, type SourceFile } from '../db/lineage-queries';

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
