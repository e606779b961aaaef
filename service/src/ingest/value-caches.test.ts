import { describe, expect, it } from 'vitest';
import { EventAttributeCache, memoize } from './value-caches';

describe('memoize', () => {
  it('converts each distinct value once and returns the same answers as the converter', () => {
    const calls: string[] = [];
    const upper = memoize((v) => {
      calls.push(v);
      return v.toUpperCase();
    });
    expect(['a', 'a', 'b', 'a', 'b', 'c'].map(upper)).toEqual(['A', 'A', 'B', 'A', 'B', 'C']);
    expect(calls).toEqual(['a', 'b', 'c']);
  });

  it('tells apart values that share a slot of its table (same length, same last and middle character)', () => {
    const calls: string[] = [];
    const upper = memoize((v) => {
      calls.push(v);
      return v.toUpperCase();
    });
    const values = ['xab', 'yab', 'zab', 'xab', 'yab', 'zab', 'yab', '', 'xab', ''];
    expect(values.map(upper)).toEqual(values.map((v) => v.toUpperCase()));
    expect(calls).toEqual(['xab', 'yab', 'zab', '']);
  });

  it('past the limit it still answers correctly (converting again)', () => {
    let n = 0;
    const f = memoize((v) => `${v}!${n++}`, 1);
    expect([f('x'), f('y'), f('x'), f('y')]).toEqual(['x!0', 'y!1', 'x!0', 'y!2']);
  });
});

describe('EventAttributeCache', () => {
  const cleaned: string[] = [];
  const clean = (key: string, value: string, sameAsEvent: boolean) => {
    cleaned.push(`${key}=${value}`);
    return sameAsEvent || key === 'Borger' ? `p(${value})` : value;
  };

  it('reuses the cleaned attributes and JSON while the raw values repeat, recomputes on a change', () => {
    cleaned.length = 0;
    const c = new EventAttributeCache(clean);
    c.update({ Frist: '2024-07-15', Borger: 'Ib' }, 'C1', 'R1');
    expect(c.json).toBe('{"Frist":"2024-07-15","Borger":"p(Ib)"}');
    const json = c.json;
    c.update({ Frist: '2024-07-15', Borger: 'Ib' }, 'C1', 'R2');
    expect(c.json).toBe(json);
    c.update({ Frist: '2024-08-01', Borger: 'Ib' }, 'C2', 'R2');
    expect(c.attrs).toEqual({ Frist: '2024-08-01', Borger: 'p(Ib)' });
    c.update({ Frist: '2024-08-01' }, 'C2', 'R2');
    expect(c.json).toBe('{"Frist":"2024-08-01"}');
    expect(cleaned).toEqual(['Frist=2024-07-15', 'Borger=Ib', 'Frist=2024-08-01', 'Borger=Ib', 'Frist=2024-08-01']);
  });

  it('a value equal to the row case id or resource is pseudonymised and never reused for another row', () => {
    const c = new EventAttributeCache(clean);
    c.update({ Ref: 'C7' }, 'C7', null);
    expect(c.attrs).toEqual({ Ref: 'p(C7)' });
    c.update({ Ref: 'C7' }, 'C8', null);
    expect(c.attrs).toEqual({ Ref: 'C7' });
    c.update({ Ref: 'R1', Empty: '' }, 'C8', 'R1');
    expect(c.json).toBe('{"Ref":"p(R1)"}');
    c.clear();
    expect([c.attrs, c.json]).toEqual([null, null]);
  });

  it('the same raw object again is served from the cache unless one of its values is the new row case id or resource', () => {
    cleaned.length = 0;
    const c = new EventAttributeCache(clean);
    const raw = { Frist: '2024-07-15', Ref: 'C2' };
    c.update(raw, 'C1', 'R1');
    c.update(raw, 'C1', 'R2');
    expect(c.json).toBe('{"Frist":"2024-07-15","Ref":"C2"}');
    c.update(raw, 'C2', 'R2');
    expect(c.attrs).toEqual({ Frist: '2024-07-15', Ref: 'p(C2)' });
    c.update(raw, 'C3', 'R2');
    expect(c.attrs).toEqual({ Frist: '2024-07-15', Ref: 'C2' });
    c.clear();
    c.update(raw, 'C3', 'R2');
    expect(cleaned).toEqual([
      'Frist=2024-07-15',
      'Ref=C2',
      'Frist=2024-07-15',
      'Ref=C2',
      'Frist=2024-07-15',
      'Ref=C2',
      'Frist=2024-07-15',
      'Ref=C2',
    ]);
  });
});
