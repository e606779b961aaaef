import { describe, expect, it } from 'vitest';
import { CountTable } from './count-table';

function visits(table: CountTable): [number, number][] {
  const out: [number, number][] = [];
  table.forEach((key, n) => out.push([key, n]));
  return out;
}

describe('CountTable', () => {
  const keys = [7, 3, 7, 0, 3, 7, 9];

  it('counts keys and visits them in first-counted order, as a Map would', () => {
    const table = new CountTable(10);
    for (const k of keys) table.add(k);
    const map = new Map<number, number>();
    for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
    expect(visits(table)).toEqual([...map]);
    expect(visits(table)).toEqual([
      [7, 3],
      [3, 2],
      [0, 1],
      [9, 1],
    ]);
  });

  it('gives the same visits for a key space too large for a typed array', () => {
    const large = new CountTable(2 ** 40);
    for (const k of keys) large.add(k * 2 ** 30);
    expect(visits(large)).toEqual([
      [7 * 2 ** 30, 3],
      [3 * 2 ** 30, 2],
      [0, 1],
      [9 * 2 ** 30, 1],
    ]);
  });
});
