#!/usr/bin/env node
// The SQLite floor of a load (`node bench/sqlite-floor.mjs LOADED.sqlite`): the time SQLite alone
// takes to write the rows a finished load stored, with no reading, parsing, mining or binding.
// Every table with rows is copied from LOADED.sqlite into an empty database of the same schema
// with `INSERT ... SELECT ... WHERE 1` (the WHERE keeps SQLite from copying pages wholesale, which
// only an empty target allows), in one transaction, with the indexes built after the rows, the
// same page size and page cache as a load, and the journal a load into a new database uses (the
// bench's ingest is one: `db/new-database.ts` builds the file under a temporary name with a
// rollback journal, no syncs and an exclusive lock), then COMMIT, the switch to WAL and the sync
// of the file that such a load ends with. Prints one JSON object: wall and CPU seconds, and
// milliseconds per step.
//
// The ingest row of `npm run bench` is measured against it: what a load spends above this floor
// is what reading, pseudonymising, mining and binding cost on the writing thread.
import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(join(import.meta.dirname, '..', 'service', 'package.json'));
const Database = require('better-sqlite3');

const source = process.argv[2];
if (source === undefined) {
  console.error('usage: node bench/sqlite-floor.mjs LOADED.sqlite');
  process.exit(2);
}
const target = join(tmpdir(), `sagsflow-sqlite-floor-${process.pid}.sqlite`);
const removeTarget = () => {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(target + suffix, { force: true });
};

const from = new Database(source, { readonly: true, fileMustExist: true });
const schema = from
  .prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
  .all();
const pageSize = from.pragma('page_size', { simple: true });
const rows = Object.fromEntries(
  schema.filter((s) => s.type === 'table').map((s) => [s.name, from.prepare(`SELECT count(*) FROM "${s.name}"`).pluck().get()]),
);
from.close();

removeTarget();
const to = new Database(target);
try {
  to.pragma(`page_size = ${pageSize}`);
  to.pragma('locking_mode = EXCLUSIVE');
  to.pragma('journal_mode = DELETE');
  to.pragma('synchronous = OFF');
  to.pragma('cache_size = -16384');
  for (const s of schema) if (s.type === 'table') to.exec(s.sql);
  to.exec(`ATTACH '${source.replace(/'/g, "''")}' AS loaded`);

  const ms = {};
  const time = (label, fn) => {
    const t = performance.now();
    fn();
    ms[label] = Math.round(performance.now() - t);
  };
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  to.exec('BEGIN IMMEDIATE');
  for (const [table, n] of Object.entries(rows)) {
    if (n > 0) time(table, () => to.exec(`INSERT INTO main."${table}" SELECT * FROM loaded."${table}" WHERE 1`));
  }
  time('indexes', () => {
    for (const s of schema) if (s.type !== 'table') to.exec(s.sql);
  });
  time('commit', () => to.exec('COMMIT'));
  time('sync', () => {
    to.pragma('journal_mode = WAL');
    to.close();
    const fd = openSync(target, 'r');
    fsyncSync(fd);
    closeSync(fd);
  });
  const used = process.cpuUsage(cpu);
  const big = Object.fromEntries(Object.entries(ms).filter(([, v]) => v >= 20));
  console.log(
    JSON.stringify({
      seconds: +((performance.now() - t0) / 1000).toFixed(2),
      cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
      rows: Object.values(rows).reduce((a, b) => a + b, 0),
      ms: big,
    }),
  );
} finally {
  if (to.open) to.close();
  removeTarget();
}
