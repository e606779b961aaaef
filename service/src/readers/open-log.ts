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

/** Limits on what a gzip file may unpack to: a 3 MB file of blank lines can unpack to 3 GiB. */
export interface GzipLimits {
  /** Most bytes a gzip file may unpack to. */
  maxUnpackedBytes: number;
  /** Largest unpacked/packed ratio, checked once `ratioFloorBytes` are unpacked. */
  maxRatio: number;
  ratioFloorBytes: number;
}

/** Default gzip limits: 4 GiB unpacked, and at most 200 times the packed size past the first 64 MiB (extracts pack 5-20x). */
export const DEFAULT_GZIP_LIMITS: GzipLimits = { maxUnpackedBytes: 4 * 1024 ** 3, maxRatio: 200, ratioFloorBytes: 64 * 1024 ** 2 };

const GIB = 1024 ** 3;
const humanBytes = (n: number) => (n >= GIB ? `${(n / GIB).toFixed(1)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`);

/** Opens `file` for streaming; gzip is recognised by its magic bytes, whatever the name, and unpacked within `limits`. */
export async function openLog(file: string, limits: GzipLimits = DEFAULT_GZIP_LIMITS): Promise<OpenedLog> {
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
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : `cannot open it (${code ?? String(cause)})`;
    throw new ReadError(file, why, { cause });
  }
  const compressed = head[0] === 0x1f && head[1] === 0x8b;
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  let stream: Readable = raw;
  if (compressed) {
    stream = pipeline(raw, createGunzip({ chunkSize: 1 << 18 }), () => undefined);
  }
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let unpacked = 0;
  const chunks: AsyncIterator<Buffer> = {
    next: async () => {
      let step: IteratorResult<Buffer>;
      try {
        step = await iterator.next();
      } catch (cause) {
        const problem = compressed ? `is not a valid gzip file (${(cause as Error).message})` : `read failed (${(cause as Error).message})`;
        throw new ReadError(file, problem, { cause });
      }
      if (compressed && !step.done) {
        unpacked += step.value.length;
        const ratio = unpacked / Math.max(1, raw.bytesRead);
        if (unpacked > limits.maxUnpackedBytes || (unpacked > limits.ratioFloorBytes && ratio > limits.maxRatio)) {
          stream.destroy();
          throw new ReadError(
            file,
            `unpacks to more than ${humanBytes(Math.min(unpacked, limits.maxUnpackedBytes))} (${Math.round(ratio)} times its packed size; limits ${humanBytes(limits.maxUnpackedBytes)} and ${limits.maxRatio}x): not read, it looks like a gzip bomb or a file of blank lines`,
          );
        }
      }
      return step;
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
