/**
 * Reader benchmark: `npx tsx service/src/readers/readers.bench.ts [csv-file]`.
 * Writes a 1,000,000-row CSV (6 columns, ISO timestamps) to the temp folder unless one is
 * given, then times reading it, reading bpic2012.xes.gz and parsing 1,000,000 timestamps.
 * Prints wall time, CPU time of this process (robust on a shared machine) and peak RSS.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readLog } from './read-log';
import { createTimestampParser } from './timestamps';

const ROWS = 1_000_000;
const ACTIVITIES = ['Tilmelding', 'CV registreret', 'Første jobsamtale', 'Opfølgning', 'Tilbud bevilget', 'Afmeldt'];
const JOBCENTERS = ['Jobcenter Nord', 'Jobcenter Syd', 'Jobcenter Amager'];

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('case_id,activity,timestamp,resource,jobcenter,cost\n');
  let t = Date.UTC(2024, 0, 1);
  let lines: string[] = [];
  for (let i = 0; i < ROWS; i++) {
    const c = Math.floor(i / 8);
    t += 60_000 * ((i * 7919) % 97);
    lines.push(`C${c},${ACTIVITIES[i % 6]},${new Date(t).toISOString()},user${i % 50},${JOBCENTERS[c % 3]},${(i % 1000) / 10}`);
    if (lines.length === 10_000) {
      if (!out.write(lines.join('\n') + '\n')) await once(out, 'drain');
      lines = [];
    }
  }
  out.end();
  await once(out, 'finish');
}

async function time(label: string, run: () => Promise<number>): Promise<void> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const count = await run();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    `${label}: ${count.toLocaleString('en')} in ${(wall / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU, ` +
      `${Math.round(count / (wall / 1000)).toLocaleString('en')}/s, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
}

async function readCount(file: string): Promise<number> {
  let n = 0;
  const report = await readLog(file, {
    sink: {
      onEvent: () => {
        n++;
      },
      onReject: () => undefined,
    },
  });
  if (report.rows.read !== report.rows.accepted + report.rows.duplicates + report.rows.quarantined) throw new Error('counts do not add up');
  return n;
}

const csv = process.argv[2] ?? join(tmpdir(), 'sagsflow-bench-1m.csv');
if (!existsSync(csv)) await writeCsv(csv);
const bpic = new URL('../../../tests/data/bpic2012.xes.gz', import.meta.url).pathname;

await time('timestamps (ISO with offset)', async () => {
  const parse = createTimestampParser();
  const values = Array.from({ length: 1000 }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 7_777_777).toISOString());
  let ok = 0;
  for (let i = 0; i < ROWS; i++) if (!Number.isNaN(parse(values[i % 1000] as string))) ok++;
  return ok;
});
await time('timestamps (local dd-mm-yyyy HH:MM)', async () => {
  const parse = createTimestampParser();
  const values = Array.from({ length: 1000 }, (_, i) => {
    const iso = new Date(Date.UTC(2024, 0, 1) + i * 7_777_777).toISOString();
    return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
  });
  let ok = 0;
  for (let i = 0; i < ROWS; i++) if (!Number.isNaN(parse(values[i % 1000] as string))) ok++;
  return ok;
});
await time(`CSV ${csv}`, () => readCount(csv));
await time('bpic2012.xes.gz', () => readCount(bpic));
console.log(`peak rss ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
