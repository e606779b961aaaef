import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ReadError } from './errors';

/** An opened input: its decompressed bytes as chunks, plus facts for progress and the report. */
export interface OpenedLog {
  chunks: AsyncIterator<Buffer>;
  compressed: boolean;
  size: number;
  /** Bytes of the stored file consumed so far. */
  bytesRead: () => number;
  close: () => void;
}

const CHUNK = 1 << 20;

/** Opens `file` for streaming; gzip is recognised by its magic bytes, whatever the name. */
export async function openLog(file: string): Promise<OpenedLog> {
  let size: number;
  const head = Buffer.alloc(2);
  try {
    const info = await stat(file);
    if (!info.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    size = info.size;
    const handle = await open(file, 'r');
    try {
      await handle.read(head, 0, 2, 0);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot open it (${code ?? String(cause)})`;
    throw new ReadError(file, why, { cause });
  }
  const compressed = head[0] === 0x1f && head[1] === 0x8b;
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  let stream: Readable = raw;
  if (compressed) {
    stream = pipeline(raw, createGunzip({ chunkSize: 1 << 18 }), () => undefined);
  }
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: AsyncIterator<Buffer> = {
    next: async () => {
      try {
        return await iterator.next();
      } catch (cause) {
        const problem = compressed ? `is not a valid gzip file (${(cause as Error).message})` : `read failed (${(cause as Error).message})`;
        throw new ReadError(file, problem, { cause });
      }
    },
  };
  return {
    chunks,
    compressed,
    size,
    bytesRead: () => raw.bytesRead,
    close: () => {
      stream.destroy();
      raw.destroy();
    },
  };
}
