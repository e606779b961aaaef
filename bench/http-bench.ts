/**
 * HTTP benchmark of the Sagsflow server (started with `startServer`, the real thing).
 * Run: `node --import tsx bench/http-bench.ts [--steps 200000] [--readers 200] [--events 300000]
 *   [--think-ms 1000] [--mix light|heavy] [--max-seconds 180] [--skip-upload]`
 *
 * 1. Seeds ~200k step rows, then times the OData page of 5,000 Steps rows (first page and the
 *    following keyset pages). Target: <= 100 ms.
 * 2. Uploads a generated CSV (`--events` events) as an ingest job and, while it runs, has
 *    `--readers` concurrent readers each loop: one request from a mix of reads (light: OData
 *    pages of 100 rows by key or jobcenter, Jobcenters, the log list; heavy adds $count, variants
 *    of one jobcenter and period, of one period, and the map of one jobcenter from a period on),
 *    then `--think-ms` ±50% of think time. Target: no error, no request over 1 s.
 *    Every client (readers, the upload and the job poll) runs in one worker thread, so the main
 *    thread is the server's alone: its event-loop delay and utilisation are printed with the
 *    figures. The database lives in a fresh temporary folder per run (two runs at once on one
 *    machine do not delete each other's files); the generated CSV is kept and shared.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance as perf } from 'node:perf_hooks';

interface ReaderConfig {
  url: string;
  token: string;
  readers: number;
  jobcenters: string[];
  periods: string[];
  thinkMs: number;
  mix: string;
  steps: number;
  /** The CSV to upload once the readers run, and how long to wait for its job. */
  csv: string;
  maxSeconds: number;
}
interface ReaderResult {
  latencies: number[];
  errors: string[];
  byKind: Record<string, number[]>;
  starts: number[];
  /** performance.timeOrigin + now() when the upload started. */
  uploadStart: number;
  uploadSeconds: number;
  ingestSeconds: number;
  state: string;
  outcome: string;
}

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};

function stats(values: number[]): string {
  if (values.length === 0) return 'n=0';
  const s = [...values].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  const slow = s.filter((ms) => ms > 1000).length;
  return `n=${s.length} p50=${q(0.5).toFixed(1)} ms p95=${q(0.95).toFixed(1)} ms max=${s[s.length - 1]!.toFixed(1)} ms over 1 s: ${slow}`;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Streams the CSV to the upload route on a connection of its own (no pooled keep-alive socket
 * the server may be closing) and returns the job it started.
 */
function uploadCsv(url: string, token: string, csv: string): Promise<{ status: number; body: { id: string; error?: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/logs/bench/uploads?${new URLSearchParams({
        filename: 'bench.csv',
        process: 'dagpenge',
        // Generated data with pseudonymised columns: a load of it names why it is processed.
        purpose: 'benchmark',
        legalBasis: 'none (generated data)',
        controller: 'Sagsflow',
      })}`,
      { method: 'POST', agent: false, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { id: string; error?: string } }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    createReadStream(csv).on('error', reject).pipe(req);
  });
}

/** Uploads the CSV, polls its job until it ends (or `maxSeconds`), and says how it went. */
async function uploadAndWait(config: ReaderConfig, result: ReaderResult): Promise<void> {
  const headers = { Authorization: `Bearer ${config.token}` };
  const t = performance.now();
  result.uploadStart = performance.timeOrigin + t;
  const upload = await uploadCsv(config.url, config.token, config.csv);
  if (upload.status !== 202) throw new Error(`upload: HTTP ${upload.status} ${JSON.stringify(upload.body)}`);
  result.uploadSeconds = (performance.now() - t) / 1000;
  let report: unknown = null;
  while (result.state !== 'done' && result.state !== 'failed' && performance.now() - t < config.maxSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 250));
    try {
      const j = (await (await fetch(`${config.url}/api/jobs/${upload.body.id}`, { headers })).json()) as {
        state: string;
        error: string | null;
        report: unknown;
      };
      result.state = j.state;
      report = j.report ?? j.error;
    } catch (e) {
      result.errors.push(`job poll: ${(e as Error).message} (${String((e as { cause?: unknown }).cause)})`);
    }
  }
  result.ingestSeconds = (performance.now() - t) / 1000;
  const r = report as { events?: number } | string | null;
  result.outcome = r === null ? `no report within --max-seconds ${config.maxSeconds}` : typeof r === 'string' ? r : `${r.events} events`;
}

async function readerThread(config: ReaderConfig): Promise<void> {
  let stop = false;
  const result: ReaderResult = {
    latencies: [],
    errors: [],
    byKind: {},
    starts: [],
    uploadStart: 0,
    uploadSeconds: 0,
    ingestSeconds: 0,
    state: '',
    outcome: '',
  };
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
        result.errors.push(`${kind}: ${(e as Error).message} (${String((e as { cause?: unknown }).cause)})`);
      }
      const ms = performance.now() - t;
      result.latencies.push(ms);
      result.starts.push(performance.timeOrigin + t);
      (result.byKind[kind] ??= []).push(ms);
      await new Promise((r) => setTimeout(r, config.thinkMs * (0.5 + Math.random())));
    }
  };
  const readersDone = Promise.all(Array.from({ length: config.readers }, loop));
  await new Promise((r) => setTimeout(r, 3000));
  try {
    await uploadAndWait(config, result);
  } catch (e) {
    result.state = 'failed';
    result.outcome = `upload: ${(e as Error).message} (${String((e as { cause?: unknown }).cause)})`;
  }
  await new Promise((r) => setTimeout(r, 500));
  stop = true;
  await readersDone;
  parentPort!.postMessage(result);
}

async function main(): Promise<void> {
  const { openDatabase } = await import('../service/src/db/client');
  const { createToken } = await import('../service/src/tokens');
  const { generateLog } = await import('../service/src/generate/index');
  const { startServer } = await import('../service/src/server');
  const { SEED_JOBCENTERS, SEED_PERIODS, seedSteps } = await import('./seed-steps');

  const stepCount = Number(arg('steps', '200000'));
  const readers = Number(arg('readers', '200'));
  const events = Number(arg('events', '300000'));
  const thinkMs = Number(arg('think-ms', '1000'));
  const mix = arg('mix', 'light');
  const maxSeconds = Number(arg('max-seconds', '180'));
  const dir = join(tmpdir(), 'sagsflow-http-bench');
  mkdirSync(dir, { recursive: true });
  const runDir = mkdtempSync(join(tmpdir(), 'sagsflow-http-bench-run-'));
  const dbPath = join(runDir, 'http-bench.sqlite');
  console.log(`load average at start: ${load()}`);

  const jobcenters = SEED_JOBCENTERS;
  const periods = SEED_PERIODS;
  const store = openDatabase(dbPath);
  let t = performance.now();
  seedSteps(store.sqlite, stepCount);
  console.log(`seeded ${stepCount} step rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // Readers use an analyst token: they read the exact tables this bench seeds (a viewer token
  // reads the viewer-grade model, which a load builds and the seed does not).
  const analyst = createToken(store.db, { role: 'analyst' }).token;
  store.close();

  const csv = join(dir, `dagpenge-${events}.csv`);
  if (!existsSync(csv)) {
    t = performance.now();
    const part = `${csv}.${process.pid}.part`;
    const r = await generateLog({ process: 'dagpenge', cases: Math.round(events / 7.926), seed: 7, out: part });
    renameSync(part, csv);
    console.log(`generated ${r.events} events (${(r.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  const server = await startServer({ dbPath, port: 0, log: (m) => console.error(m) });
  const auth = { Authorization: `Bearer ${analyst}` };
  try {
    // 1. OData pages of 5,000 rows, once the server's start-up warming of the step cells is done
    // (it shares the server's thread; a refresh meets a server that has been up for a while).
    t = performance.now();
    await server.warmed();
    console.log(`server warmed its caches in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const first: number[] = [];
    const deep: number[] = [];
    let pageBytes = 0;
    const cpu0 = process.cpuUsage();
    for (let round = 0; round < 5; round++) {
      let url: string | undefined = `${server.url}/odata/Steps`;
      for (let page = 0; url && page < 10; page++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: auth });
        const bytes = await res.arrayBuffer();
        const ms = performance.now() - t0;
        pageBytes = bytes.byteLength;
        const body = JSON.parse(Buffer.from(bytes).toString('utf8')) as { value: unknown[]; '@odata.nextLink'?: string };
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
    const cpu1 = process.cpuUsage(cpu0);
    console.log(
      `OData phase: ${((cpu1.user + cpu1.system) / 1e6).toFixed(1)} s CPU (server and client), ${(pageBytes / 1e6).toFixed(1)} MB per page, load ${load()}`,
    );
    console.log(`OData Steps page of 5,000 rows (first page):  ${stats(first)}`);
    console.log(`OData Steps page of 5,000 rows (pages 2-10):   ${stats(deep)}`);
    console.log(`whole Steps table by nextLink ($select=3 cols): ${pages} pages in ${((performance.now() - t) / 1000).toFixed(2)} s`);

    // 2. readers during an ingest (`--skip-upload`: the OData pages only)
    if (process.argv.includes('--skip-upload')) return;
    // Node 20 does not pass `--import tsx` hooks on to workers: register tsx in the worker first.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const size = statSync(csv).size;
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const elu0 = perf.eventLoopUtilization();
    const cpu2 = process.cpuUsage();
    const worker = new Worker(boot, {
      eval: true,
      workerData: {
        url: server.url,
        token: analyst,
        readers,
        jobcenters,
        periods,
        thinkMs,
        mix,
        steps: stepCount,
        csv,
        maxSeconds,
      } satisfies ReaderConfig,
    });
    const result = await new Promise<ReaderResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    delay.disable();
    const elu = perf.eventLoopUtilization(elu0);
    const cpu3 = process.cpuUsage(cpu2);
    console.log(
      `upload of ${(size / 1e6).toFixed(1)} MB streamed in ${result.uploadSeconds.toFixed(2)} s; job ${result.state} after ${result.ingestSeconds.toFixed(1)} s (${result.outcome})`,
    );
    console.log(
      `server thread during the phase: event loop utilisation ${(100 * elu.utilization).toFixed(0)}%, delay p50 ${(delay.percentile(50) / 1e6).toFixed(0)} ms p99 ${(delay.percentile(99) / 1e6).toFixed(0)} ms max ${(delay.max / 1e6).toFixed(0)} ms; process CPU ${((cpu3.user + cpu3.system) / 1e6).toFixed(1)} s (server, ingest worker and clients); load ${load()}`,
    );
    const ingestSeconds = result.ingestSeconds;
    console.log(
      `${readers} readers (${mix} mix, think ${thinkMs} ms ±50%) during the ingest: ${stats(result.latencies)}, ${(result.latencies.length / ingestSeconds).toFixed(0)} req/s`,
    );
    for (const [kind, values] of Object.entries(result.byKind)) console.log(`  ${kind.padEnd(18)} ${stats(values)}`);
    const slow = result.latencies.filter((ms) => ms > 1000).length;
    const perSecond = new Map<number, number>();
    result.starts.forEach((at, i) => {
      const second = Math.floor((at - result.uploadStart) / 1000);
      perSecond.set(second, Math.max(perSecond.get(second) ?? 0, result.latencies[i]!));
    });
    const worst = [...perSecond.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
    console.log(`slowest seconds (from the upload start): ${worst.map(([sec, ms]) => `t=${sec}s max ${ms.toFixed(0)} ms`).join(', ')}`);
    console.log(
      `errors: ${result.errors.length}${result.errors.length ? ` (first: ${result.errors[0]})` : ''}; requests over 1 s: ${slow}`,
    );
  } finally {
    await server.close();
    rmSync(runDir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else await readerThread(workerData as ReaderConfig);
