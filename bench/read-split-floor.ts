/**
 * The Node read-and-split floor: the time plain Node takes to read a file (gunzip when it is
 * gzip), decode it as UTF-8 and split every line into its comma-separated fields, with no
 * parsing beyond that. `summary` is measured against it in the same run.
 */
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

/** Seconds to read, decode and split `file`; `lines` and `fields` prove the work was done. */
export async function readAndSplitFloor(file: string): Promise<{ seconds: number; lines: number; fields: number }> {
  const t = process.hrtime.bigint();
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  const stream: Readable = file.endsWith('.gz') ? raw.pipe(createGunzip({ chunkSize: 1 << 18 })) : raw;
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let lines = 0;
  let fields = 0;
  for await (const chunk of stream) {
    const text = rest + decoder.decode(chunk as Buffer, { stream: true });
    const split = text.split('\n');
    rest = split.pop() ?? '';
    for (const line of split) fields += line.split(',').length;
    lines += split.length;
  }
  if (rest !== '') {
    fields += rest.split(',').length;
    lines++;
  }
  return { seconds: Number(process.hrtime.bigint() - t) / 1e9, lines, fields };
}
