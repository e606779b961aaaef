/**
 * Insert replay: what the loading thread's inserters cost per row, against SQLite's floor for the
 * same rows. Reads the rows of a finished load (`npm run bench:ingest -- --keep` keeps its database)
 * and writes them again, in rowid order, into empty tables of the same schema, through
 * `createSparseInserter` (step tables, with `HISTOGRAM_BLOCKS`) or `createBatchInserter` (events,
 * cases), then with `INSERT … SELECT … WHERE 1` of the finished rows (no binding, no JavaScript: the
 * floor, as `bench/sqlite-floor.mjs` takes it). Each inside a transaction that is rolled back; CPU
 * of this process per row, each repeated. Compare inserter changes within one run, as ratios.
 *
 * Run: `node --import tsx bench/insert-replay.ts LOADED.sqlite [--tables steps,viewer_steps,events,cases] [--runs 3]`
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createBatchInserter, type SqlValue } from '../service/src/db/batch-insert';
import { EVENT_COLUMNS } from '../service/src/db/event-insert';
import { HISTOGRAM_BLOCKS } from '../service/src/db/histogram-blocks';
import { createSparseInserter } from '../service/src/db/sparse-insert';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const source = process.argv[2];
if (source === undefined || source.startsWith('--')) {
  console.error('usage: node --import tsx bench/insert-replay.ts LOADED.sqlite [--tables steps,viewer_steps,events,cases] [--runs 3]');
  process.exit(2);
}
const tables = arg('tables', 'steps,viewer_steps,events,cases').split(',');
const runs = Number(arg('runs', '3'));
/** Columns a load writes later (findings, insights) or as constants (log, version), not per row. */
const NOT_WRITTEN = new Set(['id', 'log', 'version', 'violation_cases', 'violated_rules', 'log_move_cases', 'model_move_cases']);
const NOT_WRITTEN_STEPS = new Set([...NOT_WRITTEN, 'skipped_activities', 'findings']);
const HISTOGRAM = /^[hds]\d\d$/;
/** The text columns of the step tables' rows. */
const TEXT = /^(process|jobcenter|period|variant_key|from_activity|to_activity)$/;

const target = join(tmpdir(), `sagsflow-insert-replay-${process.pid}.sqlite`);
const from = new Database(source, { readonly: true, fileMustExist: true });
const to = new Database(target);
to.pragma(`page_size = ${from.pragma('page_size', { simple: true }) as number}`);
to.pragma('journal_mode = WAL');
to.pragma('cache_size = -16384');
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One way to write the rows: the inserter, or the floor. */
type Writer = (rows: readonly SqlValue[][]) => void;

function writersOf(table: string, columns: string[]): Record<string, Writer> & { prepare?: Writer } {
  const constants = { log: 'replay', version: 1 };
  if (table === 'steps' || table === 'viewer_steps') {
    const zeroDefault = new Set(columns.filter((c) => HISTOGRAM.test(c)));
    const dense = columns.map((c, i) => (zeroDefault.has(c) ? -1 : i)).filter((i) => i >= 0);
    const sparse = columns.map((c, i) => (zeroDefault.has(c) ? i : -1)).filter((i) => i >= 0);
    // Outside the timing: each row's dense values (also with text as UTF-8 bytes, one buffer per
    // distinct text, as the row replay binds them) and its non-zero histogram values (index, value),
    // set into one reused typed array and cleared after, as the model writer does.
    const bytes = new Map<string, Buffer>();
    const bytesOf = (v: SqlValue) => {
      if (typeof v !== 'string') return v;
      let b = bytes.get(v);
      if (b === undefined) bytes.set(v, (b = Buffer.from(v, 'utf8')));
      return b;
    };
    let split: { dense: SqlValue[]; bound: SqlValue[]; nonZero: number[]; listed: number[] }[] | null = null;
    const splitOf = (rows: readonly SqlValue[][]) =>
      (split ??= rows.map((r) => {
        const nonZero = sparse.flatMap((i, k) => (r[i] === 0 ? [] : [k, r[i] as number]));
        return {
          dense: dense.map((i) => r[i]!),
          bound: dense.map((i) => bytesOf(r[i]!)),
          nonZero,
          listed: nonZero.filter((_, k) => k % 2 === 0),
        };
      }));
    const textColumns = dense.map((i) => columns[i]!).filter((c) => TEXT.test(c));
    return {
      prepare: (rows) => void splitOf(rows),
      addSplit(rows) {
        const ins = createSparseInserter(to, table, columns, { zeroDefault, blocks: HISTOGRAM_BLOCKS, constants });
        const zeros = new Float64Array(sparse.length);
        for (const r of splitOf(rows)) {
          const nz = r.nonZero;
          for (let k = 0; k < nz.length; k += 2) zeros[nz[k]!] = nz[k + 1]!;
          ins.addSplit(r.dense, zeros);
          for (let k = 0; k < nz.length; k += 2) zeros[nz[k]!] = 0;
        }
      },
      // As the row replay writes them: the non-zero positions listed, text bound as bytes.
      listed(rows) {
        const ins = createSparseInserter(to, table, columns, { zeroDefault, blocks: HISTOGRAM_BLOCKS, constants, textColumns });
        const zeros = new Float64Array(sparse.length);
        for (const r of splitOf(rows)) {
          const nz = r.nonZero;
          for (let k = 0; k < nz.length; k += 2) zeros[nz[k]!] = nz[k + 1]!;
          ins.addSplit(r.bound, zeros, r.listed);
          for (let k = 0; k < nz.length; k += 2) zeros[nz[k]!] = 0;
        }
      },
    };
  }
  const textColumns = table === 'events' ? EVENT_COLUMNS.filter((c) => c !== 'timestamp' && c !== 'end_timestamp') : [];
  return {
    batch(rows) {
      const ins = createBatchInserter(to, table, columns, { constants, textColumns });
      for (const r of rows) ins.add(r);
      ins.flush();
    },
  };
}

try {
  to.exec(`ATTACH '${source.replace(/'/g, "''")}' AS loaded`);
  for (const table of tables) {
    const sql = from.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).pluck().get(table) as string | undefined;
    if (sql === undefined) throw new Error(`insert-replay: ${source} has no table ${table}`);
    to.exec(sql);
    const skip = table.endsWith('steps') ? NOT_WRITTEN_STEPS : NOT_WRITTEN;
    const all = (from.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).filter((c) => !skip.has(c));
    // A load binds the events' text as UTF-8 bytes, one buffer per distinct value.
    const bytes = new Map<string, Buffer>();
    const bytesOf = (text: string) => {
      let b = bytes.get(text);
      if (b === undefined) bytes.set(text, (b = Buffer.from(text, 'utf8')));
      return b;
    };
    const rows: SqlValue[][] = [];
    const select = from.prepare(`SELECT ${all.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).raw();
    for (const r of select.iterate() as IterableIterator<SqlValue[]>) {
      if (table === 'events') for (let i = 0; i < r.length; i++) if (typeof r[i] === 'string') r[i] = bytesOf(r[i] as string);
      rows.push(r);
    }
    const { prepare, ...own } = writersOf(table, all);
    prepare?.(rows);
    const writers: Record<string, Writer> = {
      ...own,
      floor: () => to.exec(`INSERT INTO main."${table}" SELECT * FROM loaded."${table}" WHERE 1`),
    };
    for (let run = 0; run < runs; run++) {
      for (const [name, write] of Object.entries(writers)) {
        to.exec('BEGIN IMMEDIATE');
        const c = cpuMs();
        write(rows);
        const ms = cpuMs() - c;
        to.exec('ROLLBACK');
        console.log(
          `${table.padEnd(13)} ${name.padEnd(8)} ${rows.length} rows  ${ms.toFixed(0).padStart(5)} ms CPU  ${((ms * 1000) / rows.length).toFixed(2)} µs a row`,
        );
      }
    }
  }
} finally {
  from.close();
  to.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
}
