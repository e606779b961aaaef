import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/**
 * Reads every file of a zip archive held in memory (stored or deflated entries, no
 * zip64, no encryption: what `pbiviz package` writes). Returns name -> bytes.
 *
 * Walks the central directory (PKWARE APPNOTE 4.3.12/4.3.16) rather than the local
 * headers, so archives written with data descriptors read the same.
 */
export function readZip(zip: Buffer, source = 'zip'): Map<string, Buffer> {
  const eocd = findEndOfCentralDirectory(zip, source);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`readZip: ${source}: broken central directory at byte ${at}`);
    }
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    files.set(name, readEntry(zip, localHeader, method, compressedSize, `${source}: ${name}`));
  }
  return files;
}

function findEndOfCentralDirectory(zip: Buffer, source: string): number {
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 65_557); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new Error(`readZip: ${source} is not a zip archive (no end of central directory)`);
}

function readEntry(zip: Buffer, header: number, method: number, size: number, what: string): Buffer {
  if (zip.readUInt32LE(header) !== LOCAL_FILE_HEADER) {
    throw new Error(`readZip: ${what}: no local file header at byte ${header}`);
  }
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + size);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  throw new Error(`readZip: ${what}: compression method ${method} is not supported, expected 0 or 8`);
}
