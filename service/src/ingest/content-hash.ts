import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * sha256 (hex) over the bytes of every file in order, then `extra` (the mapping and
 * process as JSON): equal inputs give an equal hash, so a repeated load can be recognised.
 */
export async function contentHash(files: readonly string[], extra: unknown): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    hash.update('\u0000file-end\u0000');
  }
  hash.update(JSON.stringify(extra ?? null));
  return hash.digest('hex');
}

/** Size and SHA-256 of one file: the lineage of a load's source (see `fileDigests` in governance/lineage). */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** What one read of a load's files gives: the content hash and each file's digest, both from a worker. */
export interface LoadHashes {
  content: Promise<string>;
  files: Promise<FileDigest[]>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  // Until the first file ends, the content hash has seen what that file's own hash has: it is
  // copied from it then, so the bytes of the first (usually only) file are hashed once.
  let content = null;
  const files = [];
  for (const file of workerData.files) {
    const own = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      if (content !== null) content.update(chunk);
      own.update(chunk);
      bytes += chunk.length;
    }
    content ??= own.copy();
    content.update('\\u0000file-end\\u0000');
    files.push({ bytes, sha256: own.digest('hex') });
  }
  content ??= createHash('sha256');
  content.update(workerData.extra);
  parentPort.postMessage({ content: content.digest('hex'), files });
})().catch((err) => parentPort.postMessage({ error: String(err && err.message || err) }));
`;

/**
 * `contentHash` and each file's size and SHA-256 (the load's lineage), from one read of the
 * files on a worker thread, so that it overlaps the load's read on another core.
 */
export function loadHashesInWorker(files: readonly string[], extra: unknown): LoadHashes {
  const both = new Promise<{ content: string; files: FileDigest[] }>((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files: [...files], extra: JSON.stringify(extra ?? null) } });
    worker.once('message', (m: { content: string; files: FileDigest[] } | { error: string }) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
  const failed = (what: string) => (err: Error) => Promise.reject(new Error(`${what} failed: ${err.message}`, { cause: err }));
  const content = both.then((b) => b.content, failed('content hash'));
  const digests = both.then((b) => b.files, failed('file digests'));
  content.catch(() => undefined);
  digests.catch(() => undefined);
  return { content, files: digests };
}

/** `contentHash` computed on a worker thread, so that it overlaps the read on another core. */
export function contentHashInWorker(files: readonly string[], extra: unknown): Promise<string> {
  return loadHashesInWorker(files, extra).content;
}
