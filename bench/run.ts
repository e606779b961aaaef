/**
 * Benchmark (`npm run bench [-- --rounds 3] [-- --skip-http] [-- --only summary]`): the issue table, each workload as
 * a user runs it, side by side with the Node floor measured in the same run, then the mining core
 * in process.
 *
 * 1. `sagsflow --help` (floor: a bare `node -e 0`),
 * 2. `sagsflow summary` of a 1,023,224-event, 3-column CSV (floor: read and split that file),
 * 3. `sagsflow summary --lifecycle complete` of tests/data/bpic2012.xes.gz (floor: gunzip, read, split),
 * 4. `sagsflow ingest` (+ precompute) of a 1,000,000-event extract into a new database (floor: read and split it;
 *    printed below the table, the SQLite floor of the same rows: `bench/sqlite-floor.mjs`),
 * 5. the heavy REST mix during an upload (`npm run bench:http -- --mix heavy`, unless --skip-http),
 * 6. reading and mining a 1,000,000-event log in process (no floor; the mining core's own figures),
 * 7. what-if and effect (bench/whatif-bench.ts).
 *
 * `--only WORD` runs only the table rows whose work names WORD (e.g. `summary`) and stops after the table.
 *
 * Every figure is whole-process wall time, median of `--rounds` (default 3), with the child's CPU
 * seconds and peak memory. The machine is shared: the load average is printed, and the ratio to
 * the floor is the figure to compare between runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventLogBuilder, caseStatistics, discoverDfg, discoverVariants } from '@sagsflow/shared';
import { readEvents } from '../service/src/readers/index';
import { generateLog } from '../service/src/generate/index';
import { median, printTable, runNode, scratch, type RunFigure, type TableRow } from './issue-table';
import { threeColumnExtract } from './three-column-extract';
import { benchWhatIf } from './whatif-bench';
import { benchRules } from './rules-bench';
import { benchFindings } from './findings-bench';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'service', 'bin', 'sagsflow.mjs');
const FLOOR = join(ROOT, 'bench', 'read-split-floor.mjs');
const SQLITE_FLOOR = join(ROOT, 'bench', 'sqlite-floor.mjs');
const BPIC = join(ROOT, 'tests', 'data', 'bpic2012.xes.gz');

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const rounds = Number(arg('rounds', '3'));
const only = arg('only', '');

/** Seconds to sort 1,000,000 doubles (best of 3): the in-process reference of the what-if benchmark. */
function referenceSeconds(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const values = new Float64Array(1_000_000);
    let x = 12345;
    for (let i = 0; i < values.length; i++) values[i] = x = (x * 1103515245 + 12345) % 2147483648;
    const t = performance.now();
    values.sort();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

async function ingestExtract(): Promise<string> {
  const file = join(OUT, 'dagpenge-1m.csv');
  if (!existsSync(file)) {
    // About 8 events a case in this process: 126,000 cases give about 1,000,000 events.
    const report = await generateLog({ process: 'dagpenge', cases: 126_000, seed: 'bench', out: file });
    console.log(`generated ${file}: ${report.events.toLocaleString('en')} events`);
  }
  return file;
}

function mb(file: string): string {
  return `${(statSync(file).size / 1e6).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  // Build (or check) the compiled command first, so no round pays for a rebuild.
  const build = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`the sagsflow command does not run: ${build.stderr}`);
  const csv = await threeColumnExtract(OUT);
  // The 1,000,000-event extract (generated once) only when the ingest row is measured.
  const extract = only === '' || 'ingest'.includes(only) ? await ingestExtract() : '';
  const table: TableRow[] = [];
  const sqliteFloors: RunFigure[] = [];
  // Each row is measured only when it is wanted (see --only).
  const rows = {
    push: (work: string, goal: string, run: () => RunFigure, floor: () => RunFigure) => {
      if (only === '' || work.includes(only)) table.push({ work, goal, run: run(), floor: floor() });
    },
  };

  rows.push(
    '`sagsflow --help`',
    '≤ 0.15 s',
    () => median(rounds, () => runNode([BIN, '--help'])),
    () => median(rounds, () => runNode(['-e', '0'])),
  );
  rows.push(
    `\`summary\` of a 1,023,224-event 3-column CSV (${mb(csv)})`,
    '≤ 1.7 s and ≤ 2× floor',
    () => median(rounds, () => runNode([BIN, 'summary', csv])),
    () => median(rounds, () => runNode([FLOOR, csv])),
  );
  if (existsSync(BPIC)) {
    rows.push(
      '`summary --lifecycle complete` of bpic2012.xes.gz',
      '≤ 2 s',
      () => median(rounds, () => runNode([BIN, 'summary', '--lifecycle', 'complete', BPIC])),
      () => median(rounds, () => runNode([FLOOR, BPIC])),
    );
  }
  if (extract !== '') {
    const ingestRun = () => {
      const tmp = scratch();
      try {
        // The generated extract pseudonymises its caseworker column, so the load names its purpose.
        const governance = ['--purpose', 'benchmark', '--legal-basis', 'none (generated data)', '--controller', 'Sagsflow'];
        const db = join(tmp.dir, 'bench.sqlite');
        const figure = runNode([BIN, 'ingest', extract, '--db', db, '--log', 'bench', ...governance], {
          SAGSFLOW_SECRET: 'bench-secret-0123456789abcdef',
        });
        // What SQLite alone takes to write the rows this load stored (median of the rounds' copies).
        sqliteFloors.push(runNode([SQLITE_FLOOR, db]));
        return figure;
      } finally {
        tmp.remove();
      }
    };
    rows.push(
      `ingest + precompute of ${extract.endsWith('1m.csv') ? '1,000,000' : ''} events (${mb(extract)})`,
      '≤ 5 s, ≤ 1 GB',
      () => median(rounds, ingestRun),
      () => median(rounds, () => runNode([FLOOR, extract])),
    );
  }
  printTable(table, loadBefore);
  if (sqliteFloors.length > 0) {
    const floor = sqliteFloors.sort((a, b) => a.seconds - b.seconds)[Math.floor(sqliteFloors.length / 2)]!;
    console.log(
      `SQLite floor of the ingest's output (bench/sqlite-floor.mjs: its rows copied by INSERT ... SELECT into an empty database ` +
        `with a new database's journal and final sync, one thread, no parsing, mining or binding): ${floor.seconds.toFixed(2)} s, cpu ${floor.cpuSeconds.toFixed(2)} s`,
    );
  }
  if (only !== '') return;

  if (!process.argv.includes('--skip-http')) {
    console.log('\nheavy REST mix during an upload (npm run bench:http -- --mix heavy):');
    const http = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'http-bench.ts'), '--mix', 'heavy', '--max-seconds', '400'],
      { encoding: 'utf8', cwd: ROOT },
    );
    const lines = `${http.stdout}${http.stderr}`.split('\n').filter((l) => /readers|variants|odata-count|requests over 1 s|job /.test(l));
    for (const l of lines) console.log(`  ${l.trim()}`);
  }

  console.log('\nmining core in process (1,000,000-event extract, read with readEvents):');
  const builder = new EventLogBuilder();
  let t = performance.now();
  await readEvents(extract, { sink: { event: (c, a, ts, r, l) => builder.addEvent(c, a, ts, r, l), reject: () => {} } });
  const log = builder.build();
  console.log(
    `  read + build               ${(performance.now() - t).toFixed(0).padStart(6)} ms (${log.activity.length.toLocaleString('en')} events)`,
  );
  for (const [label, fn] of [
    ['directly-follows graph', () => discoverDfg(log)],
    ['variants', () => discoverVariants(log)],
    ['case statistics', () => caseStatistics(log)],
  ] as const) {
    t = performance.now();
    fn();
    console.log(`  ${label.padEnd(26)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  }
  console.log(
    `  peak memory of this process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; load average now ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );

  // The what-if, rules and findings benchmarks report their times as ratios to a fixed in-process workload.
  const ref = referenceSeconds();
  await benchWhatIf(ref);
  await benchRules(ref);
  await benchFindings(ref);
}

await main();
if (only === '') await (await import('./conformance-bench')).runConformanceBench();
