import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeWin1252 } from './win1252';

describe('decodeWin1252', () => {
  it('decodes every byte as iconv-lite win1252 does', () => {
    const all = Buffer.alloc(256);
    for (let b = 0; b < 256; b++) all[b] = b;
    expect(decodeWin1252(all)).toBe(iconv.decode(all, 'win1252'));
    for (let b = 0; b < 256; b++) expect(decodeWin1252(all.subarray(b, b + 1))).toBe(iconv.decode(all.subarray(b, b + 1), 'win1252'));
  });

  it('decodes Danish text, a part of a larger buffer and a byte order mark as iconv-lite does', () => {
    const text = 'Sagsbehandler Søren Æbelø, “Ålborg” – 100 € … Œuvre';
    const bytes = iconv.encode(text, 'win1252');
    expect(decodeWin1252(bytes)).toBe(text);
    const framed = Buffer.concat([Buffer.from('xx'), bytes, Buffer.from([0x81, 0x8d])]);
    expect(decodeWin1252(framed.subarray(2, 2 + bytes.length))).toBe(text);
    expect(decodeWin1252(framed)).toBe(iconv.decode(framed, 'win1252'));
    const bom = Buffer.from([0xef, 0xbb, 0xbf, 0x41]);
    expect(decodeWin1252(bom)).toBe(iconv.decode(bom, 'win1252'));
    expect(decodeWin1252(new Uint8Array(0))).toBe('');
  });
});
