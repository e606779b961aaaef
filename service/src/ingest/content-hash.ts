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

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { createReadStream } = require('node:fs');
(async () => {
  const hash = createHash('sha256');
  for (const file of workerData.files) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk);
    hash.update('\\u0000file-end\\u0000');
  }
  hash.update(workerData.extra);
  parentPort.postMessage(hash.digest('hex'));
})().catch((err) => parentPort.postMessage({ error: String(err && err.message || err) }));
`;

/** `contentHash` computed on a worker thread, so that it overlaps the read on another core. */
export function contentHashInWorker(files: readonly string[], extra: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files: [...files], extra: JSON.stringify(extra ?? null) } });
    worker.once('message', (m: string | { error: string }) => {
      void worker.terminate();
      if (typeof m === 'string') resolve(m);
      else reject(new Error(`content hash failed: ${m.error}`));
    });
    worker.once('error', reject);
  });
}
