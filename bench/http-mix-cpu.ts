/**
 * CPU of answering the heavy mix's analysis questions in process (`app.request`, no sockets), for
 * a machine too loaded for `bench:http`'s wall times. Seeds the bench's 200,000 step rows in a
 * database file, then times: the warming pass (when the server warms), every distinct question of
 * the mix once (variants of one jobcenter and month, of one month, the map of one jobcenter from
 * a month on: 504), then a commit of another log by a second connection (as an upload's load
 * does), a warming pass, and the questions again.
 * Run: `node --import tsx bench/http-mix-cpu.ts [--root <checkout>] [--steps 200000]`; `--root`
 * measures another checkout (e.g. the previous commit) in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const root = resolve(arg('root', '.'));
const stepCount = Number(arg('steps', '200000'));
const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

const { openDatabase } = await import(join(root, 'service/src/db/client.ts'));
const { createToken } = await import(join(root, 'service/src/tokens/index.ts'));
const { createApp } = await import(join(root, 'service/src/app.ts'));
const { BUCKET_COLUMNS, STEP_END, STEP_START } = await import('@sagsflow/shared');

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-mix-cpu-'));
const dbPath = join(dir, 'mix.sqlite');
const jobcenters = Array.from({ length: 10 }, (_, i) => `Jobcenter ${String(i + 1).padStart(2, '0')}`);
const periods = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/** The bench's step rows (`http-bench.ts`) for `log`, `count` rows, on connection `sqlite`. */
function seed(sqlite: import('better-sqlite3').Database, log: string, count: number, at: number): void {
  const cols = ['log', 'version', 'process', 'jobcenter', 'period', 'variant_key', 'step_index', 'from_activity', 'to_activity'];
  const all = [...cols, 'cases', 'sum_seconds', ...BUCKET_COLUMNS];
  const insert = sqlite.prepare(`INSERT INTO steps (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  let s0 = 42;
  const rand = () => (s0 = (s0 * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  sqlite.transaction(() => {
    sqlite
      .prepare('INSERT INTO logs (name, process, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)')
      .run(log, 'dagpenge', at, at);
    let rows = 0;
    for (let v = 0; rows < count; v++) {
      const period = periods[Math.floor(v / jobcenters.length) % periods.length]!;
      const key = (0x1000000000000 + v).toString(16).padStart(16, '0');
      const path = [STEP_START, ...Array.from({ length: 3 + (v % 6) }, (_, i) => `Aktivitet ${(v + i * 7) % 30}`), STEP_END];
      const cases = 1 + Math.floor(rand() * 40);
      for (let s = 0; s + 1 < path.length && rows < count; s++, rows++) {
        const hist = BUCKET_COLUMNS.map((_: string, i: number) => (i === 10 ? cases : 0));
        insert.run(log, 1, 'dagpenge', jobcenters[v % 10], period, key, s, path[s], path[s + 1], cases, cases * 86400 * rand(), ...hist);
      }
    }
    const jc = sqlite.prepare('INSERT INTO jobcenters (log, version, process, jobcenter, cases, events) VALUES (?, 1, ?, ?, ?, ?)');
    for (const j of jobcenters) jc.run(log, 'dagpenge', j, 1000, 8000);
  })();
}

const store = openDatabase(dbPath);
seed(store.sqlite, 'seeded', stepCount, Date.now());
const token = createToken(store.db, { role: 'analyst' }).token as string;
const app = createApp({ ...store, dbPath, uploadDir: join(dir, 'up'), warmCaches: true, preview: false, log: () => {} });
const headers = { Authorization: `Bearer ${token}` };
const questions = [
  ...jobcenters.flatMap((j) => periods.map((p) => `/api/logs/seeded/variants?jobcenter=${j}&period=${p}`)),
  ...jobcenters.flatMap((j) => periods.map((p) => `/api/logs/seeded/map?jobcenter=${j}&from=${p}`)),
  ...periods.map((p) => `/api/logs/seeded/variants?period=${p}`),
];
/** The mix's other kinds, each distinct question once: OData counts and pages, the jobcenters, the log list. */
const others = [
  ...jobcenters.map((j) => `/odata/Steps/$count?$filter=${encodeURIComponent(`jobcenter eq '${j}'`)}`),
  ...jobcenters.map((j) => `/odata/Steps?$top=100&$filter=${encodeURIComponent(`jobcenter eq '${j}'`)}`),
  ...Array.from({ length: 20 }, (_, i) => `/odata/Steps?$top=100&$filter=${encodeURIComponent(`id gt ${i * 9973}`)}`),
  '/odata/Jobcenters',
  '/api/logs',
];

async function warm(label: string): Promise<void> {
  if (typeof app.warmed !== 'function') return console.log(`${label}: no warming in this checkout`);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  await app.warmed();
  delay.disable();
  console.log(
    `${label}: ${cpuMs(c0).toFixed(0)} ms CPU, ${(performance.now() - t0).toFixed(0)} ms wall, longest turn ~${(delay.max / 1e6).toFixed(0)} ms, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
  );
}

async function ask(label: string, paths: readonly string[] = questions): Promise<void> {
  const times: number[] = [];
  const slowest: [number, string][] = [];
  const c0 = process.cpuUsage();
  for (const q of paths) {
    const t = performance.now();
    const res = await app.request(q, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${q}: HTTP ${res.status}`);
    times.push(performance.now() - t);
    slowest.push([times[times.length - 1]!, q]);
  }
  slowest.sort((a, b) => b[0] - a[0]);
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(1);
  console.log(
    `${label}: ${paths.length} questions ${cpuMs(c0).toFixed(0)} ms CPU; per question p50 ${q(0.5)} ms p95 ${q(0.95)} ms max ${q(1)} ms`,
  );
  if (process.argv.includes('--slowest'))
    console.log(
      slowest
        .slice(0, 4)
        .map(([ms, path]) => `  ${ms.toFixed(0)} ms ${path}`)
        .join('\n'),
    );
}

console.log(
  `${root}: ${stepCount} step rows; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await warm('warming pass at start');
await ask('the mix once, after start');
await ask("the mix's OData and log-list kinds once, after start", others);
await ask('the mix again (answers cached)');
const other = openDatabase(dbPath);
seed(other.sqlite, 'uploaded', stepCount / 2, Date.now());
other.close();
await warm('warming pass after another log is loaded');
await ask('the mix once, after another log was loaded');
await ask("the mix's OData and log-list kinds once, after that load", others);
console.log(
  `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
app.close();
store.close();
rmSync(dir, { recursive: true, force: true });
