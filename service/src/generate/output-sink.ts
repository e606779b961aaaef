import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';

/**
 * Where generated text goes: a file path (opened and closed here) or a caller's
 * Writable (left open). Text is encoded as UTF-8 or Windows-1252; writes wait for
 * 'drain' when the stream's buffer is full, so memory stays flat.
 */
export class OutputSink {
  bytes = 0;
  private readonly stream: Writable;
  private readonly owned: boolean;
  private failure: Error | null = null;
  private readonly target: string;

  constructor(
    out: Writable | string,
    private readonly encoding: 'utf8' | 'win1252',
  ) {
    this.owned = typeof out === 'string';
    this.target = typeof out === 'string' ? out : 'the output stream';
    this.stream = typeof out === 'string' ? createWriteStream(out) : out;
    this.stream.on('error', (err) => {
      this.failure = new Error(`generateLog: cannot write ${this.target}: ${err.message}`, { cause: err });
    });
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    const buf = this.encoding === 'utf8' ? Buffer.from(text, 'utf8') : encodeWindows1252(text);
    this.bytes += buf.length;
    if (!this.stream.write(buf)) await once(this.stream, 'drain').catch(() => this.throwFailure());
  }

  /** Ends and awaits the file when the sink opened it; otherwise just checks for errors. */
  async close(): Promise<void> {
    if (this.owned) {
      this.stream.end();
      await finished(this.stream).catch(() => this.throwFailure());
    }
    if (this.failure) throw this.failure;
  }

  private throwFailure(): never {
    throw this.failure ?? new Error(`generateLog: cannot write ${this.target}`);
  }
}

/** Windows-1252 equals Latin-1 outside 0x80-0x9F: encode natively unless a character needs the table. */
function encodeWindows1252(text: string): Buffer {
  return NEEDS_TABLE.test(text) ? iconv.encode(text, 'win1252') : Buffer.from(text, 'latin1');
}

const NEEDS_TABLE = /[\u0080-\u009f\u0100-\uffff]/;
