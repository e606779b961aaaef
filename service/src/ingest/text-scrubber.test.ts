import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { createPseudonymizer } from '../privacy/index';
import { ingestFiles } from './ingest-files';
import { LENIENT_POLICY, tempDir } from '../testing/ingest-fixtures';
import { createTextScrubber, looksLikeFreeText, personalKey } from './text-scrubber';

const p = createPseudonymizer(Buffer.from('test-key'));

describe('createTextScrubber', () => {
  it('pseudonymises remembered names whatever separates their words, and masks CPR numbers', () => {
    const t = createTextScrubber(p);
    t.remember('Anna Jensen');
    t.remember('C-17');
    expect(t.scrub('Ring til anna jensen (010203-1234) om sag C-17.')).toBe(
      `Ring til ${p.pseudonym('Anna Jensen')} (******-****) om sag ${p.pseudonym('C-17')}.`,
    );
    expect(t.scrub('udtraek_Anna_Jensen_0102031234.csv')).toBe(`udtraek_${p.pseudonym('Anna Jensen')}_******-****.csv`);
    expect(t.scrub('Annabelle Jensenius')).toBe('Annabelle Jensenius');
  });
  it('personalKey: the words of the Unicode WORD regex, lower-cased, for ASCII and other values alike', () => {
    const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
    const reference = (v: string): string | null => {
      if (v.length < 3 || !/\p{L}/u.test(v)) return null;
      const words = v.match(WORD);
      return words && words.length <= 4 ? words.join(' ').toLowerCase() : null;
    };
    const values = [
      'DAG-2024-000220',
      'Charlotte Poulsen',
      '100198-3844',
      "O'Brien",
      "d'Artagnan's sword",
      "ab'9cd",
      "ab'cd'ef",
      "ab' cd",
      'x1',
      'a b c d e',
      'a b c d',
      '  Anna  Jensen  ',
      'Søren Kierkegaard',
      'Jens–Peter Hansen',
      'O’Brien',
      '12345',
      '---',
      'A1B2',
      'udtraek_Anna_Jensen_0102031234.csv',
      'a-b-c',
      'A_B_C_D_E',
      'x.y.Z',
      "ab'cd-ef",
      "ab'cd'ef gh",
      'Anna-Jensen Hansen',
      '-Anna-Jensen',
      'Anna-Jensen-',
      'Anna--Jensen',
      'ANNA JENSEN',
      'Mette',
      'Jens 2',
    ];
    for (const v of values) expect([v, personalKey(v)]).toEqual([v, reference(v)]);
    expect(personalKey("O'Brien Hansen")).toBe("o'brien hansen");
  });
  it('looksLikeFreeText: long and wordy values only', () => {
    expect(looksLikeFreeText('Placering af dagpengemodtagere')).toBe(false);
    expect(looksLikeFreeText('Borgeren ringede og bad om at flytte mødet til næste uge')).toBe(true);
  });
});

describe('createTextScrubber against keying every value as it is remembered', () => {
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  /** The scrubber as it was: each value keyed when remembered, the first 200,000 keys kept. */
  const eager = () => {
    const personal = new Map<string, string>();
    return {
      remember(value: string): void {
        if (personal.size >= 200_000) return;
        const key = personalKey(value);
        if (key !== null && !personal.has(key)) personal.set(key, value);
      },
      scrub(text: string): string {
        const masked = createTextScrubber(p).scrub(text);
        const words = [...masked.matchAll(WORD)];
        let out = '';
        let at = 0;
        for (let i = 0; i < words.length; i++) {
          for (let n = Math.min(4, words.length - i); n >= 1; n--) {
            const value = personal.get(
              words
                .slice(i, i + n)
                .map((w) => w[0])
                .join(' ')
                .toLowerCase(),
            );
            if (value === undefined) continue;
            out += masked.slice(at, words[i]!.index!) + p.pseudonym(value);
            at = words[i + n - 1]!.index! + words[i + n - 1]![0].length;
            i += n - 1;
            break;
          }
        }
        return out + masked.slice(at);
      },
    };
  };
  const texts = [
    'udtraek_anna-jensen_C-17_2024.csv',
    'ANNA JENSEN og Søren Ærø, sag c-150001 og C-249999',
    "Bo O'Brien ringede om DAG-2024-000007 (Ærø)",
    '010203-1234 Jens–Peter Hansen C-3',
    'ingen navne her.csv',
  ];

  it('scrubs like it, the first scrub from the waiting values and later ones after keying them, also past the limit of keys', () => {
    const values: string[] = [];
    for (let i = 0; i < 250_000; i++) values.push(i % 5 === 0 ? `c-${i}` : `C-${i}`, `${10_000 + i}-1234`);
    values.splice(10, 0, 'Anna Jensen', 'anna jensen', 'Søren Ærø', "Bo O'Brien", 'Jens-Peter Hansen', 'DAG-2024-000007', 'Ærø');
    for (const textsFirst of [texts, [...texts].reverse()]) {
      const lazy = createTextScrubber(p);
      const reference = eager();
      for (const v of values) {
        lazy.remember(v);
        reference.remember(v);
      }
      for (const text of textsFirst) expect(lazy.scrub(text), text).toBe(reference.scrub(text));
      lazy.remember('Ib Holm');
      reference.remember('Ib Holm');
      expect(lazy.scrub('til ib holm')).toBe(reference.scrub('til ib holm'));
    }
  });

  it('answers a first scrub whose match lies past the limit of keys by keying the waiting values', () => {
    const lazy = createTextScrubber(p);
    const reference = eager();
    for (let i = 0; i < 200_010; i++) {
      lazy.remember(`Sag ${i}`);
      reference.remember(`Sag ${i}`);
    }
    for (const text of ['sag 199999 og sag 200005.csv', 'sag 3']) expect(lazy.scrub(text)).toBe(reference.scrub(text));
    expect(lazy.scrub('sag 200005')).toBe('sag 200005');
  });

  it('with few values remembered: the first scrub finds them waiting, a value remembered after it counts for the next', () => {
    const lazy = createTextScrubber(p);
    lazy.remember('Anna Jensen');
    lazy.remember('ANNA JENSEN');
    expect(lazy.scrub('anna jensen.csv')).toBe(`${p.pseudonym('Anna Jensen')}.csv`);
    lazy.remember('Bo Holm');
    expect(lazy.scrub('Bo Holm, Anna Jensen')).toBe(`${p.pseudonym('Bo Holm')}, ${p.pseudonym('Anna Jensen')}`);
  });
});

describe('free text and file names in a load', () => {
  const t = tempDir();
  afterAll(() => t.remove());
  const NOTE = 'Borgeren Anna Jensen ringede fra 010203-1234 og bad om et nyt møde';
  const csv = [
    'Sags-id,Borger,Aktivitet,Tidspunkt,Note,Kort',
    `S-1,Anna Jensen,Tilmelding,2024-01-10 09:00,${NOTE},ok`,
    'S-1,Anna Jensen,Afmeldt,2024-01-12 09:00,,ok',
  ].join('\n');
  const stored = (store: ReturnType<typeof openDatabase>) =>
    store.sqlite.prepare('SELECT attributes FROM events ORDER BY id').pluck().all() as (string | null)[];

  it('a wordy column is not stored unless the mapping lists it in freeText', async () => {
    const store = openDatabase(':memory:');
    await ingestFiles(store, { files: [t.write('a.csv', csv)], log: 'a', policy: LENIENT_POLICY });
    expect(stored(store)).toEqual(['{"Kort":"ok"}', '{"Kort":"ok"}']);
    store.close();
  });

  it('a freeText column is stored with CPR masked and the pseudonymised names replaced by their pseudonyms', async () => {
    const store = openDatabase(':memory:');
    const mapping = { case: 'Sags-id', activity: 'Aktivitet', timestamp: 'Tidspunkt', pseudonymize: ['Borger'], freeText: ['Note'] };
    await ingestFiles(store, { files: [t.write('b.csv', csv)], log: 'b', mapping, policy: LENIENT_POLICY });
    const note = JSON.parse(stored(store)[0]!)['Note'] as string;
    expect(note).toMatch(/^Borgeren p_[0-9a-f]{16} ringede fra \*{6}-\*{4} og bad om et nyt møde$/);
    expect(JSON.stringify(store.sqlite.prepare('SELECT * FROM events').all())).not.toContain('Anna');
    store.close();
  });

  it('a file name with a CPR number and a name is stored masked in Loads', async () => {
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [t.write('udtraek Anna Jensen 010203-1234.csv', csv)], log: 'c', policy: LENIENT_POLICY });
    const files = JSON.parse(store.sqlite.prepare('SELECT files FROM loads WHERE id = ?').pluck().get(r.loadId) as string) as string[];
    expect(files).toEqual([r.files[0]]);
    expect(files[0]).toMatch(/^udtraek p_[0-9a-f]{16} \*{6}-\*{4}\.csv$/);
    store.close();
  });
});
