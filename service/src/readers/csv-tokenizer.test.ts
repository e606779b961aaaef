import { describe, expect, it } from 'vitest';
import { CsvTokenizer } from './csv-tokenizer';
import { sniffDelimiter } from './csv-sniff';

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
