import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';
import { sniffDelimiter } from './csv-sniff';
import { RecordHashSet } from './record-hash-set';

type Out = Array<{ fields: string[]; line: number; problem: string | null }>;

function tokenize(chunks: readonly string[], delimiter = ','): Out {
  const out: Out = [];
  const t = new CsvTokenizer(delimiter.charCodeAt(0), (fields, line, problem) => out.push({ fields, line, problem }));
  for (const c of chunks) t.push(c);
  t.end();
  return out;
}

const TEXT = 'a,b,c\r\n1,"x, y",3\n"multi\nline ""quoted""",,"end"\n\n4,5,6';

describe('CsvTokenizer', () => {
  it('splits quoted fields with delimiters, doubled quotes and line breaks, and gives each record its first line', () => {
    expect(tokenize([TEXT])).toEqual([
      { fields: ['a', 'b', 'c'], line: 1, problem: null },
      { fields: ['1', 'x, y', '3'], line: 2, problem: null },
      { fields: ['multi\nline "quoted"', '', 'end'], line: 3, problem: null },
      { fields: ['4', '5', '6'], line: 6, problem: null },
    ]);
  });

  it('with reuseFields hands every record over in one array, with the same fields however the text is cut', () => {
    const whole = tokenize([TEXT]);
    for (let i = 0; i <= TEXT.length; i++) {
      const out: Out = [];
      const arrays = new Set<string[]>();
      const t = new CsvTokenizer(
        44,
        (fields, line, problem) => {
          arrays.add(fields);
          out.push({ fields: [...fields], line, problem });
        },
        1,
        true,
      );
      t.push(TEXT.slice(0, i));
      t.push(TEXT.slice(i));
      t.end();
      expect(out).toEqual(whole);
      expect(arrays.size).toBe(1);
    }
  });

  it('gives the same records however the text is cut into chunks', () => {
    const whole = tokenize([TEXT]);
    for (let i = 0; i <= TEXT.length; i++) {
      for (let j = i; j <= TEXT.length; j += 3) {
        expect(tokenize([TEXT.slice(0, i), TEXT.slice(i, j), TEXT.slice(j)]), `cut at ${i}, ${j}`).toEqual(whole);
      }
    }
  });

  it('gives the same records for every cut of text mixing CR, CRLF, quoted line breaks and empty fields', () => {
    const text = 'a;b\r1;2\r\n"x\r\ny";3\n\n;\n"q""";"";z\r\n;;\n';
    const whole = tokenize([text], ';');
    expect(whole.map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
      [['x\r\ny', '3'], 3],
      [['', ''], 6],
      [['q"', '', 'z'], 7],
      [['', '', ''], 8],
    ]);
    for (let i = 0; i <= text.length; i++) {
      for (let j = i; j <= text.length; j++) {
        expect(tokenize([text.slice(0, i), text.slice(i, j), text.slice(j)], ';'), `cut at ${i}, ${j}`).toEqual(whole);
      }
    }
  });

  it('handles CR-only line ends, a missing final line break and semicolons', () => {
    expect(tokenize(['x;y\r1;2\r3;"4;5"'], ';').map((r) => r.fields)).toEqual([
      ['x', 'y'],
      ['1', '2'],
      ['3', '4;5'],
    ]);
  });

  it('keeps stray quotes inside unquoted fields and text after a closing quote', () => {
    expect(tokenize(['a"b,"c"d,e\n']).map((r) => r.fields)).toEqual([['a"b', 'cd', 'e']]);
  });

  it('flags a quoted field that is never closed', () => {
    const out = tokenize(['a,b\n1,"open\n2,3\n']);
    expect(out[1]).toEqual({ fields: ['1', 'open\n2,3\n'], line: 2, problem: 'unterminated-quote' });
  });
});

describe('CsvTokenizer record hash', () => {
  /** Each record's fields and its hash: the fast path's (`recordHashed`) ended by `textHash`, else null. */
  function hashed(chunks: readonly string[], delimiter = ',') {
    const out: Array<{ fields: string[]; hash: [number, number] | null; text: string | null }> = [];
    const set = new RecordHashSet();
    const t: CsvTokenizer = new CsvTokenizer(delimiter.charCodeAt(0), (fields) => {
      let hash: [number, number] | null = null;
      if (t.recordHashed) {
        set.textHash(t.recordHash1, t.recordHash2, t.recordLast, t.recordTo - t.recordFrom);
        hash = [set.lastHigh, set.lastLow];
      }
      out.push({ fields, hash, text: t.recordText === null ? null : t.recordText.slice(t.recordFrom, t.recordTo) });
    });
    for (const c of chunks) t.push(c);
    t.end();
    return out;
  }

  it("gives textRangeHash's hash of each plain line, for even and odd starts, one- and two-byte text and CRLF", () => {
    const text = 'C1,Tilmelding,2024-07-01 08:02:36\nC12;x\r\nJobcenter København Nord,Søren Ærø,x\n,,\na€b—c\u{1F600}d,e\nodd\n\nlast,one';
    const records = hashed([text]);
    expect(records.map((r) => r.fields)).toEqual(tokenize([text]).map((r) => r.fields));
    const reference = new RecordHashSet();
    // Every line but the last (no line break: read by the slow path) is split and hashed by the fast path.
    expect(records.map((r) => r.hash !== null)).toEqual([...records.slice(1).map(() => true), false]);
    for (const r of records) {
      if (r.hash === null) continue;
      expect(r.text).toBe(r.fields.join(','));
      reference.textRangeHash(r.text!, 0, r.text!.length);
      expect(r.hash).toEqual([reference.lastHigh, reference.lastLow]);
    }
  });

  it('hashes a line of a short chunk after a longer one from that chunk, not the longer one left in the buffer', () => {
    const long = `${'z'.repeat(10_000)},y\n`;
    const [first, second] = hashed([long, 'C1,A,t1\n']);
    const reference = new RecordHashSet();
    reference.textRangeHash('C1,A,t1', 0, 7);
    expect(second!.hash).toEqual([reference.lastHigh, reference.lastLow]);
    expect(first!.fields).toEqual(['z'.repeat(10_000), 'y']);
  });

  it('leaves quoted records unhashed (the duplicate check hashes their fields)', () => {
    const records = hashed(['a,"b,c"\nd,e\n']);
    expect(records.map((r) => r.hash === null)).toEqual([true, false]);
  });
});

describe('sniffDelimiter', () => {
  it('picks the delimiter that gives the header several columns and the rows as many', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n', true)).toBe(',');
    expect(sniffDelimiter('Sags-id;Aktivitet;Tidspunkt\n1;"Møde, første";01-03-2024 10:00\n', true)).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2\n', true)).toBe('\t');
    expect(sniffDelimiter('Navn;Beløb\n"Hansen, Jens";"1,5"\n"Nielsen, Ib";"2,5"\n', true)).toBe(';');
  });

  it('falls back to a comma when nothing splits the header', () => {
    expect(sniffDelimiter('single\n1\n', true)).toBe(',');
  });
});
