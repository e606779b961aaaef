/**
 * HTTP benchmark of the Sagsflow server (started with `startServer`, the real thing).
 * Run: `node --import tsx bench/http-bench.ts [--steps 200000] [--readers 200] [--events 300000]
 *   [--think-ms 1000] [--mix light|heavy] [--max-seconds 180]`
 *
 * 1. Seeds ~200k step rows, then times the OData page of 5,000 Steps rows (first page and the
 *    following keyset pages). Target: <= 100 ms.
 * 2. Uploads a generated CSV (`--events` events) as an ingest job and, while it runs, has
 *    `--readers` concurrent readers (in a worker thread, so the clients do not share the
 *    server's event loop) each loop: one request from a mix of reads (light: OData pages of 100
 *    rows by key or jobcenter, Jobcenters, the log list; heavy adds $count, variants of one
 *    jobcenter and period, of one period, and the map of one jobcenter from a period on), then `--think-ms` ±50% of
 *    think time. Target: no error, no request over 1 s.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createReadStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

interface ReaderConfig {
  url: string;
  token: string;
  readers: number;
  jobcenters: string[];
  periods: string[];
  thinkMs: number;
  mix: string;
  steps: number;
}
interface ReaderResult {
  latencies: number[];
  errors: string[];
  byKind: Record<string, number[]>;
  starts: number[];
}

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

function stats(values: number[]): string {
  if (values.length === 0) return 'n=0';
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return `n=${s.length} p50=${q(0.5).toFixed(1)} ms p95=${q(0.95).toFixed(1)} ms max=${s[s.length - 1]!.toFixed(1)} ms`;
}

async function readerThread(config: ReaderConfig): Promise<void> {
  let stop = false;
  parentPort!.on('message', (m) => {
    if (m === 'stop') stop = true;
  });
  const result: ReaderResult = { latencies: [], errors: [], byKind: {}, starts: [] };
  const headers = { Authorization: `Bearer ${config.token}` };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
  const requests: [string, () => string][] = [
    ['odata-page-100', () => `/odata/Steps?$top=100&$filter=${encodeURIComponent(`id gt ${Math.floor(Math.random() * config.steps)}`)}`],
    ['odata-jobcenter-100', () => `/odata/Steps?$top=100&$filter=${encodeURIComponent(`jobcenter eq '${pick(config.jobcenters)}'`)}`],
    ['odata-jobcenters', () => '/odata/Jobcenters'],
    ['logs', () => '/api/logs'],
  ];
  if (config.mix === 'heavy') {
    // Aggregations over the steps table under jobcenter and period filters (step and variant sums).
    requests.push(
      ['odata-count', () => `/odata/Steps/$count?$filter=${encodeURIComponent(`jobcenter eq '${pick(config.jobcenters)}'`)}`],
      ['variants', () => `/api/logs/seeded/variants?jobcenter=${pick(config.jobcenters)}&period=${pick(config.periods)}`],
      ['map', () => `/api/logs/seeded/map?jobcenter=${pick(config.jobcenters)}&from=${pick(config.periods)}`],
      ['variants-all', () => `/api/logs/seeded/variants?period=${pick(config.periods)}`],
    );
  }
  const loop = async () => {
    // Readers arrive spread over one think time, as people do, not in one burst.
    await new Promise((r) => setTimeout(r, Math.random() * config.thinkMs));
    while (!stop) {
      const [kind, path] = pick(requests);
      const t = performance.now();
      try {
        const res = await fetch(config.url + path(), { headers });
        await res.arrayBuffer();
        if (res.status !== 200) result.errors.push(`${kind}: HTTP ${res.status}`);
      } catch (e) {
        result.errors.push(`${kind}: ${(e as Error).message}`);
      }
      const ms = performance.now() - t;
      result.latencies.push(ms);
      result.starts.push(performance.timeOrigin + t);
      (result.byKind[kind] ??= []).push(ms);
      await new Promise((r) => setTimeout(r, config.thinkMs * (0.5 + Math.random())));
    }
  };
  await Promise.all(Array.from({ length: config.readers }, loop));
  parentPort!.postMessage(result);
}

async function main(): Promise<void> {
  const { openDatabase } = await import('../service/src/db/client');
  const { createToken } = await import('../service/src/tokens');
  const { generateLog } = await import('../service/src/generate/index');
  const { startServer } = await import('../service/src/server');
  const { BUCKET_COLUMNS, STEP_END, STEP_START } = await import('@sagsflow/shared');

  const stepCount = Number(arg('steps', '200000'));
  const readers = Number(arg('readers', '200'));
  const events = Number(arg('events', '300000'));
  const thinkMs = Number(arg('think-ms', '1000'));
  const mix = arg('mix', 'light');
  const maxSeconds = Number(arg('max-seconds', '180'));
  const dir = join(tmpdir(), 'sagsflow-http-bench');
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'http-bench.sqlite');
  for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true });

  const jobcenters = Array.from({ length: 10 }, (_, i) => `Jobcenter ${String(i + 1).padStart(2, '0')}`);
  const periods = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  const store = openDatabase(dbPath);
  let t = performance.now();
  const cols = [
    'log',
    'version',
    'process',
    'jobcenter',
    'period',
    'variant_key',
    'step_index',
    'from_activity',
    'to_activity',
    'cases',
    'sum_seconds',
    ...BUCKET_COLUMNS,
  ];
  const insert = store.sqlite.prepare(`INSERT INTO steps (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  store.sqlite.transaction(() => {
    const now = new Date();
    store.sqlite
      .prepare('INSERT INTO logs (name, process, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)')
      .run('seeded', 'dagpenge', now.getTime(), now.getTime());
    let rows = 0;
    for (let v = 0; rows < stepCount; v++) {
      const jobcenter = jobcenters[v % jobcenters.length]!;
      const period = periods[Math.floor(v / jobcenters.length) % periods.length]!;
      const key = (0x1000000000000 + v).toString(16).padStart(16, '0');
      const length = 3 + (v % 6);
      const path = [STEP_START, ...Array.from({ length }, (_, i) => `Aktivitet ${(v + i * 7) % 30}`), STEP_END];
      const cases = 1 + Math.floor(rand() * 40);
      for (let s = 0; s + 1 < path.length && rows < stepCount; s++, rows++) {
        const hist = BUCKET_COLUMNS.map((_, i) => (i === 10 ? cases : 0));
        insert.run('seeded', 1, 'dagpenge', jobcenter, period, key, s, path[s], path[s + 1], cases, cases * 86400 * rand(), ...hist);
      }
    }
    const jc = store.sqlite.prepare('INSERT INTO jobcenters (log, version, process, jobcenter, cases, events) VALUES (?, 1, ?, ?, ?, ?)');
    for (const j of jobcenters) jc.run('seeded', 'dagpenge', j, 1000, 8000);
  })();
  console.log(`seeded ${stepCount} step rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // Readers use an analyst token: they read the exact tables this bench seeds (a viewer token
  // reads the viewer-grade model, which a load builds and the seed does not).
  const analyst = createToken(store.db, { role: 'analyst' }).token;
  store.close();

  const csv = join(dir, `dagpenge-${events}.csv`);
  if (!existsSync(csv)) {
    t = performance.now();
    const r = await generateLog({ process: 'dagpenge', cases: Math.round(events / 7.926), seed: 7, out: csv });
    console.log(`generated ${r.events} events (${(r.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const server = await startServer({ dbPath, port: 0, log: (m) => console.error(m) });
  const auth = { Authorization: `Bearer ${analyst}` };
  try {
    // 1. OData pages of 5,000 rows
    const first: number[] = [];
    const deep: number[] = [];
    for (let round = 0; round < 5; round++) {
      let url: string | undefined = `${server.url}/odata/Steps`;
      for (let page = 0; url && page < 10; page++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: auth });
        const body = (await res.json()) as { value: unknown[]; '@odata.nextLink'?: string };
        const ms = performance.now() - t0;
        if (res.status !== 200 || body.value.length !== 5000)
          throw new Error(`page ${page}: HTTP ${res.status}, ${body.value.length} rows`);
        (page === 0 ? first : deep).push(ms);
        url = body['@odata.nextLink'];
      }
    }
    let pages = 0;
    t = performance.now();
    for (let url: string | undefined = `${server.url}/odata/Steps?$select=id,jobcenter,cases`; url; pages++) {
      const body = (await (await fetch(url, { headers: auth })).json()) as { '@odata.nextLink'?: string };
      url = body['@odata.nextLink'];
    }
    console.log(`OData Steps page of 5,000 rows (first page):  ${stats(first)}`);
    console.log(`OData Steps page of 5,000 rows (pages 2-10):   ${stats(deep)}`);
    console.log(`whole Steps table by nextLink ($select=3 cols): ${pages} pages in ${((performance.now() - t) / 1000).toFixed(2)} s`);

    // 2. readers during an ingest
    // Node 20 does not pass `--import tsx` hooks on to workers: register tsx in the worker first.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, {
      eval: true,
      workerData: { url: server.url, token: analyst, readers, jobcenters, periods, thinkMs, mix, steps: stepCount } satisfies ReaderConfig,
    });
    const done = new Promise<ReaderResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await new Promise((r) => setTimeout(r, 3000));
    t = performance.now();
    const size = statSync(csv).size;
    // A pooled keep-alive connection may be closed by the server just as the upload starts
    // (ECONNRESET); a streamed body cannot be replayed by fetch, so retry with a new stream.
    const send = () =>
      fetch(`${server.url}/api/logs/bench/uploads?filename=bench.csv&process=dagpenge`, {
        method: 'POST',
        body: Readable.toWeb(createReadStream(csv)) as ReadableStream,
        headers: { Authorization: `Bearer ${analyst}`, 'Content-Type': 'text/csv' },
        duplex: 'half',
      } as RequestInit);
    let upload: Response | null = null;
    for (let attempt = 1; !upload; attempt++) {
      try {
        upload = await send();
      } catch (e) {
        if (attempt >= 3) throw e;
        console.log(`upload attempt ${attempt}: ${(e as Error).message} (${String((e as { cause?: unknown }).cause)}), retrying`);
      }
    }
    const job = (await upload.json()) as { id: string; error?: string };
    if (upload.status !== 202) throw new Error(`upload: HTTP ${upload.status} ${JSON.stringify(job)}`);
    const uploaded = performance.now() - t;
    let state = '';
    let report: unknown = null;
    while (state !== 'done' && state !== 'failed' && performance.now() - t < maxSeconds * 1000) {
      await new Promise((r) => setTimeout(r, 250));
      let j: { state: string; error: string | null; report: unknown };
      try {
        j = (await (
          await fetch(`${server.url}/api/jobs/${job.id}`, { headers: { Authorization: `Bearer ${analyst}` } })
        ).json()) as typeof j;
      } catch (e) {
        // A reused keep-alive connection the server just closed: ask again on the next round.
        console.log(`job poll: ${(e as Error).message} (${String((e as { cause?: unknown }).cause)}), polling on`);
        continue;
      }
      state = j.state;
      report = j.report ?? j.error;
    }
    const ingestSeconds = (performance.now() - t) / 1000;
    await new Promise((r) => setTimeout(r, 500));
    worker.postMessage('stop');
    const result = await done;
    await worker.terminate();
    const r = report as { rows?: { read: number }; events?: number } | string | null;
    const outcome = r === null ? `no report within --max-seconds ${maxSeconds}` : typeof r === 'string' ? r : `${r.events} events`;
    console.log(
      `upload of ${(size / 1e6).toFixed(1)} MB streamed in ${(uploaded / 1000).toFixed(2)} s; job ${state} after ${ingestSeconds.toFixed(1)} s (${outcome})`,
    );
    console.log(
      `${readers} readers (${mix} mix, think ${thinkMs} ms ±50%) during the ingest: ${stats(result.latencies)}, ${(result.latencies.length / ingestSeconds).toFixed(0)} req/s`,
    );
    for (const [kind, values] of Object.entries(result.byKind)) console.log(`  ${kind.padEnd(18)} ${stats(values)}`);
    const slow = result.latencies.filter((ms) => ms > 1000).length;
    const perSecond = new Map<number, number>();
    result.starts.forEach((at, i) => {
      const second = Math.floor((at - (performance.timeOrigin + t)) / 1000);
      perSecond.set(second, Math.max(perSecond.get(second) ?? 0, result.latencies[i]!));
    });
    const worst = [...perSecond.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`slowest seconds (from the upload start): ${worst.map(([sec, ms]) => `t=${sec}s max ${ms.toFixed(0)} ms`).join(', ')}`);
    console.log(
      `errors: ${result.errors.length}${result.errors.length ? ` (first: ${result.errors[0]})` : ''}; requests over 1 s: ${slow}`,
    );
  } finally {
    await server.close();
  }
}

if (isMainThread) await main();
else await readerThread(workerData as ReaderConfig);
