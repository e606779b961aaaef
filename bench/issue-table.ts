/**
 * The issue table of `npm run bench`: each workload run as a user runs it (the compiled
 * `sagsflow` command in a child process, median of `rounds`), next to the Node floor for the
 * same input measured in the same run: the time plain Node takes to read the file and split
 * every line (`read-split-floor.ts`), or for `--help` the start of a bare `node`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

/** One measured child process: wall seconds, CPU seconds of the child, peak RSS (MB). */
export interface RunFigure {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
}

// Reports the child's own CPU and peak RSS (all its threads) on stderr when it exits.
const REPORT =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\n@@bench '+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,rss:u.maxRSS/1024})+'\\n')})";

/** Runs `node [args]` once and measures it; throws with the child's stderr when it fails. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = {}): RunFigure {
  const t = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', REPORT, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    env: { ...process.env, ...env },
  });
  const seconds = Number(process.hrtime.bigint() - t) / 1e9;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const tag = /@@bench (\{.*\})/.exec(child.stderr);
  const figures = tag ? (JSON.parse(tag[1]!) as { cpu: number; rss: number }) : { cpu: NaN, rss: NaN };
  return { seconds, cpuSeconds: figures.cpu, peakMb: figures.rss };
}

/** The median run of `rounds` (by wall time). */
export function median(rounds: number, run: () => RunFigure): RunFigure {
  const runs = Array.from({ length: rounds }, run).sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(runs.length / 2)]!;
}

/** A row of the table: the workload, its figure, the floor, the goal. */
export interface TableRow {
  work: string;
  run: RunFigure;
  floor: RunFigure | null;
  goal: string;
}

/** Prints the rows with the load average before and after. */
export function printTable(rows: TableRow[], loadBefore: number[]): void {
  const s = (x: number) => `${x.toFixed(2)} s`;
  console.log(`\n| work | sagsflow (wall, cpu, peak) | Node floor | ratio | goal |`);
  console.log('|---|---|---|---|---|');
  for (const r of rows) {
    const floor = r.floor ? s(r.floor.seconds) : '-';
    const ratio = r.floor ? `${(r.run.seconds / r.floor.seconds).toFixed(2)}x` : '-';
    console.log(
      `| ${r.work} | ${s(r.run.seconds)}, cpu ${s(r.run.cpuSeconds)}, ${r.run.peakMb.toFixed(0)} MB | ${floor} | ${ratio} | ${r.goal} |`,
    );
  }
  const fmt = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  console.log(`load average before ${fmt(loadBefore)}, after ${fmt(loadavg())} (2 cores shared: compare the ratios)`);
}

/** A temporary directory for databases, removed by the returned function. */
export function scratch(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-bench-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
