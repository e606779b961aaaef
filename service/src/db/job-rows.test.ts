import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { insertJob, readJob, unfinishedJobs, updateJob } from './job-rows';

describe('job rows', () => {
  it('store a job as given and read it back; unfinished jobs come in the order they were queued', () => {
    const store = openDatabase(':memory:');
    const job = {
      id: 'j1',
      log: 'demo',
      files: ['a.csv'],
      tokenId: 't1',
      state: 'queued' as const,
      createdAt: 1_700_000_000_123,
      finishedAt: null,
      report: null,
      error: null,
    };
    insertJob(store.sqlite, job, { files: ['a.csv'], log: 'demo' }, '/uploads/up_1');
    insertJob(store.sqlite, { ...job, id: 'j0' }, { files: [] }, null);
    expect(readJob(store.sqlite, 'j1')).toEqual(job);
    expect(readJob(store.sqlite, 'nope')).toBeUndefined();
    expect(unfinishedJobs(store.sqlite).map((r) => [r.job.id, r.cleanupDir])).toEqual([
      ['j1', '/uploads/up_1'],
      ['j0', null],
    ]);
    const done = { ...job, state: 'done' as const, finishedAt: 1_700_000_000_999, report: { rows: 3 } };
    updateJob(store.sqlite, done);
    expect(readJob(store.sqlite, 'j1')).toEqual(done);
    expect(unfinishedJobs(store.sqlite)).toEqual([{ job: { ...job, id: 'j0' }, spec: { files: [] }, cleanupDir: null }]);
    store.close();
  });
});
