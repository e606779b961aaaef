import { describe, expect, it } from 'vitest';
import { createBatchInserter } from './batch-insert';
import { openDatabase } from './client';

describe('createBatchInserter', () => {
  it('add + flush writes every row once, full batches and the remainder, in order', () => {
    const store = openDatabase(':memory:');
    const ins = createBatchInserter(store.sqlite, 'audit', ['ts', 'token_id', 'action', 'target', 'detail'], 3);
    for (let i = 0; i < 7; i++) ins.add([i, null, 'read', `t${i}`, null]);
    expect(ins.written).toBe(6);
    ins.flush();
    expect(ins.written).toBe(7);
    expect(store.sqlite.prepare('select target from audit order by id').pluck().all()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    expect(() => ins.add([1])).toThrow(/expected 5 values, got 1/);
    store.close();
  });
});
