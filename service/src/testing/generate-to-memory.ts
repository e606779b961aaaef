import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import iconv from 'iconv-lite';
import { generateLog, type GenerateOptions, type GenerateReport } from '../generate/generate-log';

/** Test helper: generates into memory; returns the report, the bytes and their SHA-256. */
export async function generateToMemory(
  options: Omit<GenerateOptions, 'out'>,
): Promise<{ report: GenerateReport; bytes: Buffer; sha256: string; text: string }> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const report = await generateLog({ ...options, out });
  const bytes = Buffer.concat(chunks);
  const text = options.dirty ? iconv.decode(bytes, 'win1252') : bytes.toString('utf8');
  return { report, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), text };
}

/** Test helper: splits CSV text into records of fields (RFC 4180 quotes, CRLF or LF). */
export function parseCsvRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || fields.length > 0) records.push([...fields, field]);
  return records;
}
