import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { HTTPException } from 'hono/http-exception';

/** A file received from an upload, on disk. */
export interface ReceivedFile {
  /** The name the client gave (directories stripped, unsafe characters replaced). */
  name: string;
  path: string;
  bytes: number;
}

/** What an upload carried: files written to disk and small text fields. */
export interface ReceivedUpload {
  files: ReceivedFile[];
  fields: Record<string, string>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

/** A file name safe to use on disk, keeping the extension (readers choose the format by it). */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '');
  return clean.length > 0 ? clean.slice(-200) : 'upload.csv';
}

function tooLarge(max: number): HTTPException {
  return new HTTPException(413, { message: `upload is larger than the limit of ${max} bytes` });
}

async function* limited(body: ReadableStream<Uint8Array>, max: number): AsyncGenerator<Buffer> {
  let total = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > max) throw tooLarge(max);
      yield Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
  } finally {
    reader.releaseLock();
  }
}

/** Streams a raw (non-multipart) body to `dir/name`. */
async function receiveRaw(body: ReadableStream<Uint8Array>, dir: string, name: string, max: number): Promise<ReceivedUpload> {
  const path = join(dir, safeFileName(name));
  const handle = await open(path, 'w', 0o600);
  let bytes = 0;
  try {
    for await (const chunk of limited(body, max)) {
      await handle.write(chunk);
      bytes += chunk.length;
    }
  } finally {
    await handle.close();
  }
  return { files: [{ name: safeFileName(name), path, bytes }], fields: {} };
}

function headerParam(headers: string, param: string): string | null {
  const m = new RegExp(`${param}\\*?=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\r\\n]*))`, 'i').exec(headers);
  if (!m) return null;
  const raw = m[1] ?? m[2] ?? '';
  return raw.startsWith("UTF-8''") ? decodeURIComponent(raw.slice(7)) : raw.replace(/\\(.)/g, '$1');
}

/**
 * Streams a `multipart/form-data` body: file parts go straight to files in `dir` (never
 * buffered whole), text fields (up to 64 KiB) are collected. The parser scans for the
 * boundary delimiter (RFC 7578 / RFC 2046 §5.1.1), holding back at most one delimiter's
 * length between chunks.
 */
async function receiveMultipart(body: ReadableStream<Uint8Array>, boundary: string, dir: string, max: number): Promise<ReceivedUpload> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const out: ReceivedUpload = { files: [], fields: {} };
  let buf: Buffer = Buffer.from('\r\n');
  let state: 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done' = 'preamble';
  let file: { handle: FileHandle; entry: ReceivedFile } | null = null;
  let field: { name: string; parts: Buffer[]; bytes: number } | null = null;
  const emit = async (data: Buffer) => {
    if (data.length === 0) return;
    if (file) {
      await file.handle.write(data);
      file.entry.bytes += data.length;
    } else if (field) {
      field.bytes += data.length;
      if (field.bytes > MAX_FIELD_BYTES)
        throw new HTTPException(400, { message: `upload: form field '${field.name}' is longer than ${MAX_FIELD_BYTES} bytes` });
      field.parts.push(Buffer.from(data));
    }
  };
  const endPart = async () => {
    if (file) {
      await file.handle.close();
      out.files.push(file.entry);
      file = null;
    }
    if (field) {
      out.fields[field.name] = Buffer.concat(field.parts).toString('utf8');
      field = null;
    }
  };
  try {
    const step = async (final: boolean): Promise<boolean> => {
      if (state === 'preamble' || state === 'body') {
        const at = buf.indexOf(delimiter);
        if (at < 0) {
          const keep = final ? 0 : delimiter.length - 1;
          if (state === 'body') await emit(buf.subarray(0, Math.max(0, buf.length - keep)));
          buf = buf.subarray(Math.max(0, buf.length - keep));
          return false;
        }
        if (state === 'body') await emit(buf.subarray(0, at));
        await endPart();
        buf = buf.subarray(at + delimiter.length);
        state = 'after-delimiter';
        return true;
      }
      if (state === 'after-delimiter') {
        if (buf.length < 2) return false;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = 'done';
          return false;
        }
        const eol = buf.indexOf('\r\n');
        if (eol < 0) return false;
        buf = buf.subarray(eol + 2);
        state = 'headers';
        return true;
      }
      if (state === 'headers') {
        const end = buf.indexOf(CRLF2);
        if (end < 0) {
          if (buf.length > MAX_HEADER_BYTES) throw new HTTPException(400, { message: 'upload: part headers are too long' });
          return false;
        }
        const headers = buf.subarray(0, end).toString('utf8');
        buf = buf.subarray(end + 4);
        const name = headerParam(headers, 'name') ?? '';
        const filename = headerParam(headers, 'filename');
        if (filename !== null) {
          const safe = safeFileName(filename);
          // One subfolder per part keeps two parts of the same name apart while the file keeps
          // the name the user gave it (reports, quarantine rows and job status show it).
          const partDir = join(dir, String(out.files.length));
          await mkdir(partDir, { mode: 0o700 });
          const path = join(partDir, safe);
          file = { handle: await open(path, 'w', 0o600), entry: { name: safe, path, bytes: 0 } };
        } else {
          field = { name, parts: [], bytes: 0 };
        }
        state = 'body';
        return true;
      }
      return false;
    };
    for await (const chunk of limited(body, max)) {
      buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
      while (await step(false));
    }
    while (await step(true));
    if ((state as string) !== 'done')
      throw new HTTPException(400, { message: 'upload: the multipart body ended before its closing boundary' });
    return out;
  } finally {
    const open_ = file as { handle: FileHandle } | null;
    if (open_) await open_.handle.close();
  }
}

/**
 * Receives an upload into `dir` (created with mode 0700): a `multipart/form-data` body with
 * one or more file parts, or a raw body named by `rawName`. Bodies above `maxBytes` are cut
 * off with 413 and the partial files removed.
 */
export async function receiveUpload(
  request: Request,
  dir: string,
  options: { maxBytes: number; rawName: string },
): Promise<ReceivedUpload> {
  const length = Number(request.headers.get('Content-Length') ?? Number.NaN);
  if (Number.isFinite(length) && length > options.maxBytes) throw tooLarge(options.maxBytes);
  if (!request.body) throw new HTTPException(400, { message: 'upload: the request has no body' });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const type = request.headers.get('Content-Type') ?? '';
  try {
    if (/^multipart\/form-data/i.test(type)) {
      const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
      if (!boundary) throw new HTTPException(400, { message: 'upload: multipart/form-data without a boundary' });
      return await receiveMultipart(request.body, boundary, dir, options.maxBytes);
    }
    return await receiveRaw(request.body, dir, options.rawName, options.maxBytes);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
