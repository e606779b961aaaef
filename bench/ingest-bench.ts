/**
 * Ingest benchmark: ingest + precompute of a ~1,000,000-event CSV into a fresh file database.
 * Run: `node --import tsx bench/ingest-bench.ts [--events 1000000] [--keep]`
 * (wrap in `/usr/bin/time -v` for the OS view of max RSS). Target: <= 5 s, peak RSS <= 1 GB.
 * CPU seconds (all threads, incl. the content-hash worker) are the robust figure on a shared machine.
 */
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { openForLoad } from '../service/src/db/new-database';
import { generateLog } from '../service/src/generate/index';
import { ingestFiles } from '../service/src/ingest/index';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const targetEvents = Number(arg('events', '1000000'));
const EVENTS_PER_CASE = 7.926;
const dir = join(tmpdir(), 'sagsflow-bench');
mkdirSync(dir, { recursive: true });
const csv = join(dir, `dagpenge-${targetEvents}.csv`);

if (!existsSync(csv)) {
  const t = performance.now();
  const r = await generateLog({ process: 'dagpenge', cases: Math.round(targetEvents / EVENTS_PER_CASE), seed: 1, out: csv });
  console.log(
    `generated ${csv}: ${r.events} events, ${r.cases} cases, ${(r.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
}

// One file per process: two benches may run at once on a shared machine.
const dbPath = join(dir, `bench-${process.pid}.sqlite`);
for (const suffix of ['', '-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
let peakRss = process.memoryUsage().rss;
/** Each thread's CPU seconds when last seen: a worker that has ended keeps its last reading. */
const threadsSeen = new Map<string, number>();
let phase = 'start';
/** Peak sampled RSS of each phase, in bytes. */
const phasesPeak: Record<string, number> = {};
const sample = () => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  phasesPeak[phase] = Math.max(phasesPeak[phase] ?? 0, rss);
  for (const [tid, cpu] of threadCpu()) threadsSeen.set(tid, cpu);
};
const timer = setInterval(sample, 50);
const phases: Record<string, number> = {};
const phasesCpu: Record<string, number> = {};
let phaseStart = performance.now();
let phaseCpu = process.cpuUsage();
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
/**
 * Reads every thread's CPU seconds from Linux /proc every 50 ms, in a thread of its own: the
 * loading thread is blocked inside its transaction for most of a load (waiting for the model
 * worker's rows, or the findings), so a sampler on it would miss the workers that start and end
 * meanwhile. Keeps each thread's last reading (a worker that has ended keeps it); leaves itself out.
 */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const self = fs.readlinkSync('/proc/thread-self').split('/').pop();
const seen = new Map();
const poll = () => {
  for (const tid of fs.readdirSync('/proc/self/task')) {
    if (tid === self) continue;
    try {
      const fields = fs.readFileSync('/proc/self/task/' + tid + '/stat', 'utf8').split(') ')[1].split(' ');
      seen.set(tid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {}
  }
};
setInterval(poll, 50).unref();
parentPort.on('message', () => {
  poll();
  workerData.port.postMessage([...seen]);
  const flag = new Int32Array(workerData.flag);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;
const pollerChannel = new MessageChannel();
const pollerFlag = new SharedArrayBuffer(4);
const poller = existsSync('/proc/thread-self')
  ? new Worker(POLLER, {
      eval: true,
      workerData: { port: pollerChannel.port2, flag: pollerFlag },
      transferList: [pollerChannel.port2],
    })
  : null;
poller?.unref();
/** CPU seconds of each thread of this process but the poller (Linux /proc; empty elsewhere), by thread id. */
const threadCpu = (): Map<string, number> => {
  if (poller === null) return new Map();
  const flag = new Int32Array(pollerFlag);
  Atomics.store(flag, 0, 0);
  poller.postMessage('read');
  Atomics.wait(flag, 0, 0, 2000);
  const answer = receiveMessageOnPort(pollerChannel.port1)?.message as [string, number][] | undefined;
  return new Map(answer ?? []);
};
/** The busiest threads' CPU seconds in a phase (main thread first), from two `threadCpu` readings. */
const threadsOf = (before: Map<string, number>, after: Map<string, number>): number[] => {
  const main = String(process.pid);
  const delta = (tid: string) => (after.get(tid) ?? 0) - (before.get(tid) ?? 0);
  const others = [...after.keys()].filter((t) => t !== main).map(delta);
  return [delta(main), ...others.sort((a, b) => b - a).slice(0, 2)].map((x) => +x.toFixed(2));
};
const phasesThreads: Record<string, number[]> = {};
sample();
let phaseThreads = new Map(threadsSeen);

const cpu0 = process.cpuUsage();
const t0 = performance.now();
// Opening is timed (the 'open' phase): a new database starts from the migrated image, built
// under a temporary name and put in place at close (the 'close' phase, after the commit).
const store = openForLoad(dbPath);
phases['open'] = performance.now() - t0;
phasesCpu['open'] = cpuMs(process.cpuUsage(cpu0));
sample();
phasesThreads['open'] = threadsOf(phaseThreads, new Map(threadsSeen));
phaseThreads = new Map(threadsSeen);
phaseStart = performance.now();
phaseCpu = process.cpuUsage();
const report = await ingestFiles(store, {
  files: [csv],
  log: 'bench',
  onProgress: (p) => {
    sample();
    if (p.phase !== phase) {
      const now = performance.now();
      phases[phase] = now - phaseStart;
      phasesCpu[phase] = cpuMs(process.cpuUsage(phaseCpu));
      const threadsNow = new Map(threadsSeen);
      phasesThreads[phase] = threadsOf(phaseThreads, threadsNow);
      phaseThreads = threadsNow;
      phase = p.phase;
      phaseStart = now;
      phaseCpu = process.cpuUsage();
    }
  },
});
phases[phase] = performance.now() - phaseStart;
phasesCpu[phase] = cpuMs(process.cpuUsage(phaseCpu));
sample();
phasesThreads[phase] = threadsOf(phaseThreads, new Map(threadsSeen));
const counts = store.sqlite
  .prepare(
    'SELECT (SELECT count(*) FROM steps) steps, (SELECT count(*) FROM cases) cases, (SELECT count(*) FROM variants) variants, (SELECT count(*) FROM edges) edges',
  )
  .get();
const closeStart = performance.now();
const closeCpu = process.cpuUsage();
store.close();
phases['close'] = performance.now() - closeStart;
phasesCpu['close'] = cpuMs(process.cpuUsage(closeCpu));
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
clearInterval(timer);
void poller?.terminate();

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
console.log(
  JSON.stringify(
    {
      file: csv,
      fileMB: +(statSync(csv).size / 1e6).toFixed(1),
      rows: report.rows,
      cases: report.cases,
      events: report.events,
      seconds: +(total / 1000).toFixed(2),
      cpuSeconds: {
        user: +(cpu.user / 1e6).toFixed(2),
        system: +(cpu.system / 1e6).toFixed(2),
        total: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      },
      loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
      eventsPerSecond: Math.round(report.events / (total / 1000)),
      phasesSeconds: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, +(v / 1000).toFixed(2)])),
      phasesCpuSeconds: Object.fromEntries(Object.entries(phasesCpu).map(([k, v]) => [k, +(v / 1000).toFixed(2)])),
      /** Per phase: the main thread's CPU seconds, then the two busiest other threads' (the reader worker; the model and findings workers). */
      phasesThreadCpuSeconds: phasesThreads,
      /**
       * Per phase: all threads' CPU seconds but the main thread's (the per-thread figures above list only the
       * two busiest other threads; this adds up all of them, V8's GC and compiler threads included).
       */
      phasesOtherThreadsCpuSeconds: Object.fromEntries(
        Object.entries(phasesCpu).map(([k, v]) => [k, +(v / 1000 - (phasesThreads[k]?.[0] ?? 0)).toFixed(2)]),
      ),
      peakRssSampled: mb(peakRss),
      phasesPeakRss: Object.fromEntries(Object.entries(phasesPeak).map(([k, v]) => [k, mb(v)])),
      maxRssOs: mb(process.resourceUsage().maxRSS * 1024),
      modelRows: counts,
      dbMB: +(statSync(dbPath).size / 1e6).toFixed(1),
    },
    null,
    2,
  ),
);
if (!process.argv.includes('--keep')) for (const suffix of ['', '-wal', '-shm', '.key']) rmSync(dbPath + suffix, { force: true });
