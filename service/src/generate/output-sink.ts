import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';

/**
 * Where generated text goes: a file path (opened and closed here; gzip-compressed when
 * it ends in `.gz`) or a caller's Writable (left open). Text is encoded as UTF-8 or
 * Windows-1252; writes wait for 'drain' when the stream's buffer is full, so memory stays flat.
 */
export class OutputSink {
  bytes = 0;
  private readonly stream: Writable;
  /** The file stream when the sink opened one (after the gzip stream, if any). */
  private readonly file: Writable | null;
  private failure: Error | null = null;
  private readonly target: string;

  constructor(
    out: Writable | string,
    private readonly encoding: 'utf8' | 'win1252',
  ) {
    this.target = typeof out === 'string' ? out : 'the output stream';
    this.file = typeof out === 'string' ? createWriteStream(out) : null;
    if (this.file && typeof out === 'string' && out.endsWith('.gz')) {
      this.stream = createGzip();
      this.stream.pipe(this.file);
    } else {
      this.stream = this.file ?? (out as Writable);
    }
    const onError = (err: Error): void => {
      this.failure ??= new Error(`cannot write ${this.target}: ${err.message}`, { cause: err });
    };
    this.stream.on('error', onError);
    if (this.file && this.file !== this.stream) this.file.on('error', onError);
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    const buf = this.encoding === 'utf8' ? Buffer.from(text, 'utf8') : encodeWindows1252(text);
    this.bytes += buf.length;
    if (!this.stream.write(buf)) await this.drained();
  }

  /** Ends and awaits the file when the sink opened it; otherwise just checks for errors. */
  async close(): Promise<void> {
    if (this.file) {
      this.stream.end();
      await finished(this.file).catch(() => this.throwFailure());
    }
    if (this.failure) throw this.failure;
  }

  /** Waits for 'drain', or fails when the stream (or the file behind a gzip stream) errors. */
  private async drained(): Promise<void> {
    if (this.failure) throw this.failure;
    const behind = this.file !== null && this.file !== this.stream ? this.file : null;
    const abort = behind ? new AbortController() : null;
    const drain = once(this.stream, 'drain', abort ? { signal: abort.signal } : {});
    try {
      await (behind && abort ? Promise.race([drain, once(behind, 'error', { signal: abort.signal })]) : drain);
    } catch {
      this.throwFailure();
    } finally {
      abort?.abort();
    }
    if (this.failure) throw this.failure;
  }

  private throwFailure(): never {
    throw this.failure ?? new Error(`cannot write ${this.target}`);
  }
}

/** Windows-1252 equals Latin-1 outside 0x80-0x9F: encode natively unless a character needs the table. */
function encodeWindows1252(text: string): Buffer {
  return NEEDS_TABLE.test(text) ? iconv.encode(text, 'win1252') : Buffer.from(text, 'latin1');
}

const NEEDS_TABLE = /[\u0080-\u009f\u0100-\uffff]/;
