import { describe, expect, it } from 'vitest';
import { CaseInterner } from './case-interner';
import { EventLogBuilder } from './builder';

describe('CaseInterner', () => {
  it('gives one id per case in first-seen order by hash, telling apart cases whose hashes collide', () => {
    const cases = new CaseInterner();
    expect(cases.internHashed('a', 7)).toBe(0);
    expect(cases.internHashed('b', 7)).toBe(1);
    expect(cases.internHashed('a', 7)).toBe(0);
    expect(cases.internHashed('c', -3)).toBe(2);
    expect(cases.internHashed('b', 7)).toBe(1);
    expect(cases.values).toEqual(['a', 'b', 'c']);
  });

  it('grows its table past thousands of cases and keeps the ids', () => {
    const cases = new CaseInterner();
    for (let i = 0; i < 20_000; i++) expect(cases.internHashed(`c${i}`, i % 97)).toBe(i);
    for (let i = 0; i < 20_000; i += 777) expect(cases.internHashed(`c${i}`, i % 97)).toBe(i);
    expect(cases.values).toHaveLength(20_000);
  });

  it('moves to a map of strings at the first case without a hash, with the same ids for every case', () => {
    const cases = new CaseInterner();
    cases.internHashed('a', 1);
    cases.internHashed('b', 2);
    expect(cases.intern('b')).toBe(1);
    expect(cases.intern('new')).toBe(2);
    expect(cases.internHashed('a', 1)).toBe(0);
    expect(cases.internHashed('other', 9)).toBe(3);
    expect(cases.internOwn('other')).toBe(3);
    expect(cases.values).toEqual(['a', 'b', 'new', 'other']);
  });
});

describe('EventLogBuilder.addColumns with case hashes', () => {
  const batch = (cases: string[], caseOf: number[], hashes?: number[]) => ({
    size: caseOf.length,
    cases,
    activities: ['x', 'y'],
    resources: [],
    lifecycles: [],
    caseOf: Uint32Array.from(caseOf),
    activityOf: Uint32Array.from(caseOf.map((_, i) => i % 2)),
    resourceOf: new Int32Array(caseOf.length).fill(-1),
    lifecycleOf: new Int32Array(caseOf.length).fill(-1),
    time: Float64Array.from(caseOf.map((_, i) => i)),
    ...(hashes ? { caseHashes: Int32Array.from(hashes) } : {}),
  });

  it('builds the log of the same batches without hashes, also when a later event comes without one', () => {
    const build = (withHashes: boolean) => {
      const b = new EventLogBuilder();
      b.addColumns(batch(['k1', 'k2'], [0, 0, 1], withHashes ? [5, 5] : undefined));
      b.addColumns(batch(['k2', 'k3'], [0, 1, 1], withHashes ? [5, 8] : undefined));
      b.addEvent('k1', 'z', 10);
      b.addColumns(batch(['k4', 'k3'], [0, 1], withHashes ? [1, 8] : undefined));
      return b.build();
    };
    const [hashed, plain] = [build(true), build(false)];
    expect(hashed.caseIds).toEqual(['k1', 'k2', 'k3', 'k4']);
    expect(hashed).toEqual(plain);
  });
});
