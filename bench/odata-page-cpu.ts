/**
 * CPU of OData `Steps` pages of 5,000 rows as the server answers them: seeds the step table as
 * `bench/http-bench.ts` does (200,000 rows, 175 histogram columns nearly all 0; kept in the
 * temporary folder for the next run), starts the real server and reads 10 pages by nextLink
 * several rounds with a bare HTTP client (it only collects the bytes and finds the nextLink, so
 * nearly all of the process CPU is the server's). Prints CPU (all threads, GC helpers included),
 * the main thread's busy time (event-loop utilisation) and wall per page.
 * Run: `node --import tsx bench/odata-page-cpu.ts [--steps 200000] [--rounds 5]`
 */
import { request } from 'node:http';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return { total: (u.user + u.system) / 1000, system: u.system / 1000 };
};
/** GETs a URL and returns its body bytes (HTTP 200 only). */
function get(url: string, headers: Record<string, string>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const { openDatabase } = await import('../service/src/db/client');
  const { createToken } = await import('../service/src/tokens');
  const { startServer } = await import('../service/src/server');
  const { seedSteps } = await import('./seed-steps');
  const steps = Number(arg('steps', '200000'));
  const rounds = Number(arg('rounds', '5'));
  const dir = join(tmpdir(), 'sagsflow-odata-page-cpu');
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, `steps-${steps}.sqlite`);
  if (!existsSync(dbPath)) {
    const part = `${dbPath}.${process.pid}.part`;
    const store = openDatabase(part);
    seedSteps(store.sqlite, steps);
    store.close();
    renameSync(part, dbPath);
  }
  const store = openDatabase(dbPath);
  const token = createToken(store.db, { role: 'analyst' }).token;
  store.close();
  const server = await startServer({ dbPath, port: 0, uploadDir: join(dir, 'uploads') });
  // The server warms its step-cell caches after start on the same thread: pages are timed after it.
  await server.warmed();
  const headers = { Authorization: `Bearer ${token}` };
  console.log(
    `load average at start: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const perPage: number[] = [];
  const systemPerPage: number[] = [];
  const threadPerPage: number[] = [];
  const wall: number[] = [];
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    let url: string | undefined = `${server.url}/odata/Steps`;
    for (let page = 0; url && page < 10; page++) {
      const c = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      const t = performance.now();
      const body = await get(url, headers);
      wall.push(performance.now() - t);
      const used = cpuMs(c);
      threadPerPage.push(performance.eventLoopUtilization(elu).active);
      perPage.push(used.total);
      systemPerPage.push(used.system);
      bytes = body.length;
      url = /"@odata\.nextLink":"([^"]+)"\}$/.exec(body.subarray(-4096).toString('latin1'))?.[1];
    }
  }
  console.log(
    `5,000-row Steps page in process: CPU median ${median(perPage).toFixed(1)} ms (system ${median(systemPerPage).toFixed(1)} ms; main thread busy ${median(threadPerPage).toFixed(1)} ms), wall median ${median(wall).toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB, ${perPage.length} pages; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  await server.close();
}

await main();
