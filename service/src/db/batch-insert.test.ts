import { describe, expect, it } from 'vitest';
import { createBatchInserter, withoutIndexes } from './batch-insert';
import { openDatabase } from './client';

describe('createBatchInserter', () => {
  it('add + flush writes every row once, full batches and the remainder, in order', () => {
    const store = openDatabase(':memory:');
    const ins = createBatchInserter(store.sqlite, 'audit', ['ts', 'token_id', 'target', 'detail'], {
      batchRows: 3,
      constants: { action: "it's" },
    });
    for (let i = 0; i < 7; i++) ins.add([i, null, `t${i}`, null]);
    expect(ins.written).toBe(6);
    ins.flush();
    expect(ins.written).toBe(7);
    expect(store.sqlite.prepare('select target from audit order by id').pluck().all()).toEqual(['t0', 't1', 't2', 't3', 't4', 't5', 't6']);
    expect(store.sqlite.prepare('select distinct action from audit').pluck().all()).toEqual(["it's"]);
    expect(() => ins.add([1])).toThrow(/expected 4 values, got 1/);
    store.close();
  });
  it('stores a text column given as UTF-8 bytes as the same text as the string, across batches, ids in order', () => {
    const store = openDatabase(':memory:');
    const ins = createBatchInserter(store.sqlite, 'audit', ['ts', 'target', 'detail'], {
      batchRows: 4,
      constants: { action: 'x' },
      textColumns: ['target'],
    });
    const names = Array.from({ length: 10 }, (_, i) => `Jobcenter Østerbro ${i}`);
    names.forEach((name, i) => ins.add([i, i % 2 ? Buffer.from(name, 'utf8') : name, null]));
    ins.flush();
    expect(ins.written).toBe(10);
    const rows = store.sqlite.prepare('select id, ts, target, typeof(target) from audit order by id').raw().all();
    expect(rows).toEqual(names.map((name, i) => [i + 1, i, name, 'text']));
    store.close();
  });
  it('a row that breaks a constraint fails its batch and keeps the rows before it (INSERT OR FAIL), for the transaction to roll back', () => {
    const store = openDatabase(':memory:');
    const db = store.sqlite;
    db.exec('CREATE TABLE t (a INTEGER NOT NULL, b TEXT)');
    const ins = createBatchInserter(db, 't', ['a', 'b'], { batchRows: 4 });
    const count = () => db.prepare('SELECT count(*) FROM t').pluck().get();
    db.exec('BEGIN');
    for (let i = 0; i < 4; i++) ins.add([i, 'first batch']);
    ins.add([4, 'kept until rollback']);
    ins.add([5, 'kept until rollback']);
    ins.add([null, 'breaks NOT NULL']);
    // The fourth row fills the batch and runs it: the error names the column, the two rows before it stay.
    expect(() => ins.add([7, 'never written'])).toThrow(/NOT NULL constraint failed: t\.a/);
    expect(count()).toBe(6);
    expect(ins.written).toBe(4);
    db.exec('ROLLBACK');
    expect(count()).toBe(0);
    store.close();
  });
});

describe('withoutIndexes', () => {
  it('withoutIndexes drops the indexes of a table during fn and recreates them after', () => {
    const store = openDatabase(':memory:');
    const names = () => store.sqlite.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'cases'").pluck().all();
    const before = names();
    expect(before).toEqual(['cases_case_idx', 'cases_scope_idx']);
    const during = withoutIndexes(store.sqlite, ['cases'], () => names());
    expect(during).toEqual([]);
    expect(names()).toEqual(before);
    store.close();
  });
});
