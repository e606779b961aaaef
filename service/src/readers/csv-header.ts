import { closeSync, openSync, readSync } from 'node:fs';
import { formatFromName } from './read-log';

/** The head of a file read to find its header line. */
const HEAD_BYTES = 1 << 16;

/**
 * Whether `file` is a plain (not gzip) CSV file whose header line mentions none of `names`
 * (compared case-insensitively, as UTF-8 and as Latin-1 text, as a substring so that prefixed
 * names such as `case:Sektor` count). False when the file cannot be read: the caller's reader
 * then reports why.
 */
export function isPlainCsvWithout(file: string, names: readonly string[]): boolean {
  if (formatFromName(file) !== 'csv') return false;
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return false;
  if (names.length === 0) return true;
  const end = head.indexOf(10);
  if (end < 0) return false;
  const line = head.subarray(0, end);
  const texts = [line.toString('utf8').toLowerCase(), line.toString('latin1').toLowerCase()];
  return !names.some((name) => texts.some((text) => text.includes(name.toLowerCase())));
}
