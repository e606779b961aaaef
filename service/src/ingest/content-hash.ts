import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * sha256 (hex) over the bytes of every file in order, then `extra` (the mapping and
 * process as JSON): equal inputs give an equal hash, so a repeated load can be recognised.
 */
export async function contentHash(files: readonly string[], extra: unknown): Promise<string> {
  const hash = createHash('sha256');
  for (const file of files) {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    hash.update('\u0000file-end\u0000');
  }
  hash.update(JSON.stringify(extra ?? null));
  return hash.digest('hex');
}
