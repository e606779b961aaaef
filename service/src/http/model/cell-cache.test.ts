import { describe, expect, it } from 'vitest';
import { createCellCache } from './cell-cache';

describe('createCellCache', () => {
  it('keeps a cell across generations while its stamp holds and recomputes only the cells whose stamp moved', () => {
    let generation = 0;
    const stamps: Record<string, string> = { a: 'a1', b: 'b1' };
    const cache = createCellCache(() => generation, { maxBytes: 1000, maxEntryBytes: 100 });
    const computed: string[] = [];
    const get = (cell: string, part: string) =>
      cache.get(
        cell,
        () => stamps[cell]!,
        part,
        () => (computed.push(`${cell}.${part}`), `${stamps[cell]}.${part}`),
        () => 10,
      );
    expect([get('a', 'steps'), get('a', 'map'), get('b', 'steps')]).toEqual(['a1.steps', 'a1.map', 'b1.steps']);
    expect([get('a', 'steps'), get('b', 'steps')]).toEqual(['a1.steps', 'b1.steps']);
    stamps['a'] = 'a2';
    expect(get('a', 'steps')).toBe('a1.steps');
    generation++;
    expect([get('a', 'steps'), get('a', 'map'), get('b', 'steps')]).toEqual(['a2.steps', 'a2.map', 'b1.steps']);
    expect(computed).toEqual(['a.steps', 'a.map', 'b.steps', 'a.steps', 'a.map']);
    expect(cache.bytes()).toBe(30);
  });

  it('evicts the least recently used parts beyond maxBytes and keeps none above maxEntryBytes', () => {
    const cache = createCellCache(() => 0, { maxBytes: 25, maxEntryBytes: 20 });
    let computed = 0;
    const get = (cell: string, bytes: number) =>
      cache.get(
        cell,
        () => 's',
        'p',
        () => ++computed,
        () => bytes,
      );
    get('a', 10);
    get('b', 10);
    get('a', 10);
    get('c', 10);
    expect(cache.bytes()).toBe(20);
    expect(get('a', 10)).toBe(1);
    expect(get('b', 10)).toBe(4);
    expect(get('big', 30)).toBe(5);
    expect(get('big', 30)).toBe(6);
  });
});

describe('createCellCache derived values', () => {
  it('keeps a value derived from cells while none of their stamps moved', () => {
    let generation = 0;
    const stamps: Record<string, string> = { a: 'a1', b: 'b1', c: 'c1' };
    const cache = createCellCache(() => generation, { maxBytes: 1000, maxEntryBytes: 100 });
    const ref = (id: string) => ({ id, stamp: () => stamps[id]! });
    let computed = 0;
    const merged = (ids: string[]) =>
      cache.derived(
        ids.join('+'),
        ids.map(ref),
        () => `${ids.map((id) => stamps[id]).join('+')}#${++computed}`,
        () => 10,
      );
    expect(merged(['a', 'b'])).toBe('a1+b1#1');
    expect(merged(['b', 'c'])).toBe('b1+c1#2');
    generation++;
    stamps['c'] = 'c2';
    expect(merged(['a', 'b'])).toBe('a1+b1#1');
    expect(merged(['b', 'c'])).toBe('b1+c2#3');
    expect(merged(['b', 'c'])).toBe('b1+c2#3');
  });
});
