/**
 * Foundation benchmark (`npm run bench`): reading and mining, measured separately.
 *
 * 1. generates a 1,000,000-event extract of the dagpenge process (cached in bench/out/),
 * 2. reads and parses it (CSV reader + timestamps + EventLogBuilder), events/s,
 * 3. mines the in-memory log: directly-follows graph, variants, case and activity statistics,
 * 4. reads tests/data/bpic2012.xes.gz (262,200 events),
 * and prints peak memory. The machine is shared and noisy, so every time is also given
 * as a ratio to a fixed reference workload (sorting 1,000,000 doubles) timed in the same run.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  EventLogBuilder, activityStatistics, caseStatistics, discoverDfg, discoverSteps, discoverVariants,
} from '../shared/src/index';
import type { EventLog } from '../shared/src/index';
import { readLog } from '../service/src/readers/index';
import { generateLog } from '../service/src/generate/index';
import { benchWhatIf } from './whatif-bench';
import { benchRules } from './rules-bench';
import { benchFindings } from './findings-bench';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const TARGET_EVENTS = 1_000_000;

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** CPU seconds (user + system, all threads) since `start`: close to wall time on a quiet machine. */
function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

function referenceSeconds(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const values = new Float64Array(1_000_000);
    let x = 12345;
    for (let i = 0; i < values.length; i++) values[i] = (x = (x * 1103515245 + 12345) % 2147483648);
    const t = process.hrtime.bigint();
    values.sort();
    best = Math.min(best, seconds(t));
  }
  return best;
}

async function generateExtract(): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'dagpenge-1m.csv');
  if (!existsSync(file)) {
    // About 8 events a case in this process: 125,000 cases give about 1,000,000 events.
    const report = await generateLog({ process: 'dagpenge', cases: 125_000, seed: 'bench', out: file });
    console.log(`generated ${file}: ${report.events.toLocaleString('en')} events`);
  }
  return file;
}

async function readIntoLog(file: string): Promise<{ log: EventLog; read: number; secs: number; cpu: number }> {
  const builder = new EventLogBuilder();
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  // What `sagsflow summary` keeps: case, activity, timestamp, resource, lifecycle (attributes are read and dropped).
  const report = await readLog(file, {
    sink: {
      onEvent: ({ event: e }) => builder.addEvent(e.caseId, e.activity, e.timestamp, e.resource, e.lifecycle),
      onReject: () => {},
    },
  });
  const log = builder.build();
  return { log, read: report.rows.read, secs: seconds(t), cpu: cpuSeconds(cpu) };
}

function time<T>(label: string, ref: number, fn: () => T): { result: T; secs: number } {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = fn();
  const secs = seconds(t);
  console.log(
    `  ${label.padEnd(28)} ${(secs * 1000).toFixed(0).padStart(6)} ms  cpu ${(cpuSeconds(cpu) * 1000).toFixed(0).padStart(6)} ms  (${(secs / ref).toFixed(1)}x ref)`,
  );
  return { result, secs };
}

async function main(): Promise<void> {
  const ref = referenceSeconds();
  const [load1] = loadavg();
  console.log(`reference: sort of 1,000,000 doubles ${(ref * 1000).toFixed(0)} ms; load average ${load1!.toFixed(1)} on this machine`);
  const file = await generateExtract();
  console.log(`\nreading ${file} (${(statSync(file).size / 1e6).toFixed(0)} MB)`);
  const csv = await readIntoLog(file);
  const events = csv.log.activity.length;
  console.log(
    `  read + parse + build         ${(csv.secs * 1000).toFixed(0).padStart(6)} ms  cpu ${(csv.cpu * 1000).toFixed(0).padStart(6)} ms  (${(csv.secs / ref).toFixed(1)}x ref) ` +
      `(${Math.round(events / csv.secs).toLocaleString('en')} events/s, ${events.toLocaleString('en')} events, ` +
      `${csv.log.caseIds.length.toLocaleString('en')} cases; target <= 3 s)`,
  );
  if (events < TARGET_EVENTS * 0.95) console.log(`  note: only ${events} events generated`);

  console.log('\nmining the in-memory log');
  const total =
    time('directly-follows graph', ref, () => discoverDfg(csv.log)).secs +
    time('variants', ref, () => discoverVariants(csv.log)).secs +
    time('case statistics', ref, () => caseStatistics(csv.log)).secs +
    time('activity statistics', ref, () => activityStatistics(csv.log)).secs;
  console.log(`  ${'total (target <= 1 s)'.padEnd(28)} ${(total * 1000).toFixed(0).padStart(6)} ms  ${''.padEnd(13)}(${(total / ref).toFixed(1)}x ref)`);
  time('step table (service grain)', ref, () => discoverSteps(csv.log));

  const bpic = join(ROOT, 'tests', 'data', 'bpic2012.xes.gz');
  if (existsSync(bpic)) {
    console.log(`\nreading ${bpic}`);
    const xes = await readIntoLog(bpic);
    console.log(
      `  read + parse + build         ${(xes.secs * 1000).toFixed(0).padStart(6)} ms  cpu ${(xes.cpu * 1000).toFixed(0).padStart(6)} ms  (${(xes.secs / ref).toFixed(1)}x ref) ` +
        `(${Math.round(xes.read / xes.secs).toLocaleString('en')} events/s, ${xes.read.toLocaleString('en')} events; target <= 3 s)`,
    );
  }
  await benchWhatIf(ref);
  await benchRules(ref);
  await benchFindings(ref);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`\npeak memory (max RSS) ${peakMb.toFixed(0)} MB (target < 1,024 MB)`);
}

await main();
await (await import('./conformance-bench')).runConformanceBench();
