import { describe, expect, it } from 'vitest';
import { RecordHashSet } from './record-hash-set';

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
