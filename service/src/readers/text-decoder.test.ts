import { describe, expect, it } from 'vitest';
import { AutoDecoder } from './text-decoder';
import { decodeWin1252 } from './win1252';

/** The text of `chunk` decoded in ranges of `piece` bytes, and the decoder's verdict. */
function inRanges(chunk: Buffer, piece: number): { text: string; encoding: string; sawInvalid: boolean } {
  const decoder = new AutoDecoder();
  let text = '';
  for (let at = 0; at < chunk.length; at += piece) text += decoder.decode(chunk, at, Math.min(chunk.length, at + piece));
  text += decoder.end();
  return { text, encoding: decoder.detected, sawInvalid: decoder.sawInvalid };
}

function whole(chunk: Buffer): { text: string; encoding: string; sawInvalid: boolean } {
  const decoder = new AutoDecoder();
  const text = decoder.decode(chunk) + decoder.end();
  return { text, encoding: decoder.detected, sawInvalid: decoder.sawInvalid };
}

describe('AutoDecoder.decode in ranges', () => {
  const utf8 = Buffer.from('sag;aktivitet\n' + 'S1;Jobcenter København Øst – ÆØÅ €\n'.repeat(50), 'utf8');

  it('decodes UTF-8 cut inside multi-byte characters to the same text as the whole chunk', () => {
    for (const piece of [1, 2, 3, 7, 64, 1000])
      expect(inRanges(utf8, piece)).toEqual({ text: utf8.toString('utf8'), encoding: 'utf-8', sawInvalid: false });
  });

  it('drops a UTF-8 byte order mark once, also when the first range is shorter than the mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    expect(inRanges(withBom, 2)).toEqual({ text: utf8.toString('utf8'), encoding: 'utf-8-bom', sawInvalid: false });
    expect(inRanges(withBom, 500)).toEqual(whole(withBom));
  });

  it('decides Windows-1252 from the rest of the chunk, as a whole decode does, when the first non-ASCII byte is in a later range', () => {
    const ascii = Buffer.from('sag;aktivitet\n' + 'S1;plain text\n'.repeat(20), 'latin1');
    const danish = Buffer.from([0x4b, 0xf8, 0x62, 0x65, 0x6e, 0x68, 0x61, 0x76, 0x6e, 0x0a]); // "København\n" in Windows-1252
    const chunk = Buffer.concat([ascii, danish, danish, danish]);
    const expected = whole(chunk);
    expect(expected.encoding).toBe('windows-1252');
    expect(inRanges(chunk, 16)).toEqual(expected);
    expect(inRanges(chunk, 16).text).toBe(decodeWin1252(chunk));
  });

  it('decides UTF-8 from the bytes after a range that ends inside the first multi-byte character', () => {
    // The range ends between 0xc3 and 0xb8 ("ø"): looking only at the range would see one bad byte and pick Windows-1252.
    const chunk = Buffer.from('abcø' + 'ø'.repeat(10), 'utf8');
    expect(inRanges(chunk, 4)).toEqual({ text: chunk.toString('utf8'), encoding: 'utf-8', sawInvalid: false });
  });

  it('reports a replaced invalid UTF-8 byte in any range', () => {
    const bad = Buffer.concat([utf8, Buffer.from([0x41, 0xff, 0x42, 0x0a])]);
    const out = inRanges(bad, 100);
    expect(out.encoding).toBe('utf-8');
    expect(out.sawInvalid).toBe(true);
    expect(out.text).toBe(bad.toString('utf8'));
  });
});
