/**
 * Child process for `restart.test.ts`: a server app over the database argv[2] with the upload
 * folders argv[3] (a large extract, running) and argv[4] (the tiny one, queued behind it);
 * prints `running` once the first job is reading, so the test can kill -9 it there.
 */
import { join } from 'node:path';
import { createApp } from '../app';
import { openDatabase } from '../db/client';
import { createJobRunner } from '../http/jobs/job-runner';

const [dbPath, bigDir, tinyDir] = process.argv.slice(2) as [string, string, string];
const store = openDatabase(dbPath);
const jobs = createJobRunner();
createApp({ db: store.db, sqlite: store.sqlite, dbPath, uploadDir: join(bigDir, '..'), jobs, log: () => {}, preview: false });
const policy = { maxQuarantineShare: 1, maxCaseDrop: 1 };
const big = jobs.submit(
  { dbPath, files: [join(bigDir, 'big.csv')], log: 'big', minGroupSize: 5, policy },
  { tokenId: 't1', cleanupDir: bigDir },
);
jobs.submit(
  { dbPath, files: [join(tinyDir, '010203-1234 tiny.csv')], log: 'tiny', minGroupSize: 5, policy },
  { tokenId: 't1', cleanupDir: tinyDir },
);
process.stdout.write(`job ${big.id}\n`);
const timer = setInterval(() => {
  if (big.phase === 'read') {
    process.stdout.write('running\n');
    clearInterval(timer);
  }
}, 20);
