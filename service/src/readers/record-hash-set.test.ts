import { describe, expect, it } from 'vitest';
import { RecordHashSet, TextUnits } from './record-hash-set';

describe('RecordHashSet', () => {
  it('add returns false only for a record equal in every field to an earlier one', () => {
    const set = new RecordHashSet();
    expect(set.add(['1', 'A', '2024-01-01'])).toBe(true);
    expect(set.add(['1', 'A', '2024-01-02'])).toBe(true);
    expect(set.add(['1', 'A', '2024-01-01'])).toBe(false);
    expect(set.size).toBe(2);
  });

  it('tells apart records whose fields only join to the same text', () => {
    const set = new RecordHashSet();
    for (const r of [['a,b'], ['a', 'b'], ['ab', ''], ['', 'ab'], ['a', 'b', ''], ['ab']]) expect(set.add(r), JSON.stringify(r)).toBe(true);
  });

  it('finds no false duplicates among 300,000 distinct similar records and keeps them all through growth', () => {
    const set = new RecordHashSet();
    let fresh = 0;
    for (let i = 0; i < 300_000; i++) if (set.add([`C${i >> 3}`, `act${i & 7}`, `2024-01-01T00:00:${i % 60}`])) fresh++;
    expect(fresh).toBe(300_000);
    let again = 0;
    for (let i = 0; i < 300_000; i += 1000) if (!set.add([`C${i >> 3}`, `act${i & 7}`, `2024-01-01T00:00:${i % 60}`])) again++;
    expect(again).toBe(300);
  });
});

describe('RecordHashSet.addText / addFields', () => {
  it('a delimited text and the same fields read one by one are one record; a field holding the delimiter is not confused', () => {
    const set = new RecordHashSet();
    const line = 'x;C1;A;2024-01-01;y';
    expect(set.addText(line, 2, line.length - 2)).toBe(true);
    expect(set.addFields(['C1', 'A', '2024-01-01'], ';')).toBe(false);
    expect(set.addText(`C1;A;2024-01-01`, 0, 15)).toBe(false);
    expect(set.addFields(['C1;A', '2024-01-01'], ';')).toBe(true);
    expect(set.addFields(['C1', 'A;2024-01-01'], ';')).toBe(true);
    expect(set.addFields(['C1;A', '2024-01-01'], ';')).toBe(false);
    expect(set.addFields(['C1', 'A', '2024-01-02'], ';')).toBe(true);
    expect(set.size).toBe(4);
  });

  it('finds no false duplicates among 300,000 distinct similar lines', () => {
    const set = new RecordHashSet();
    let fresh = 0;
    for (let i = 0; i < 300_000; i++) {
      const line = `C${i >> 3},act${i & 7},2024-01-01T00:00:${i % 60}`;
      if (set.addText(line, 0, line.length)) fresh++;
    }
    expect(fresh).toBe(300_000);
  });

  it('is empty after clear, with its grown table kept, and takes the same records again', () => {
    const set = new RecordHashSet();
    for (let i = 0; i < 5000; i++) set.addText(`c${i},a,t`, 0, `c${i},a,t`.length);
    set.add(['x', 'y']);
    set.clear();
    expect(set.size).toBe(0);
    expect(set.add(['x', 'y'])).toBe(true);
    expect(set.add(['x', 'y'])).toBe(false);
    expect(set.addText('c7,a,t', 0, 6)).toBe(true);
    expect(set.size).toBe(2);
  });
});

describe('RecordHashSet.addUnits', () => {
  it("gives addText's hash of every range, at even and odd starts, for one-byte and two-byte texts", () => {
    const texts = ['C1,Tilmelding,2024-07-01 08:02:36', 'Jobcenter København Nord;Søren Ærø;x', 'a€b—c\u{1F600}d,e', '', 'x'];
    for (const text of texts) {
      const units = new TextUnits();
      expect(units.load(text)).toBe(true);
      for (let from = 0; from <= text.length; from++) {
        for (let to = from; to <= text.length; to++) {
          const byText = new RecordHashSet();
          const byUnits = new RecordHashSet();
          expect(byUnits.addUnits(units, from, to)).toBe(byText.addText(text, from, to));
          expect([byUnits.lastHigh, byUnits.lastLow]).toEqual([byText.lastHigh, byText.lastLow]);
        }
      }
    }
  });

  it('tells a record met again through units or text as the same record, and keeps a longer text loaded over a shorter one', () => {
    const set = new RecordHashSet();
    const units = new TextUnits();
    const chunk = 'C1,A,t1\nC1,B,t2\n';
    units.load(chunk);
    expect(set.addUnits(units, 0, 7)).toBe(true);
    expect(set.addUnits(units, 8, 15)).toBe(true);
    expect(set.addText('C1,B,t2', 0, 7)).toBe(false);
    const longer = `${'z'.repeat(10_000)}\nC1,A,t1`;
    units.load(longer);
    expect(set.addUnits(units, 10_001, longer.length)).toBe(false);
    expect(set.addFields(['C1', 'A', 't1'], ',')).toBe(false);
    expect(set.size).toBe(2);
  });
});
