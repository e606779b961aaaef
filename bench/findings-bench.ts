/**
 * Findings and the evaluation report on a 1,000,000-event log (`npm run bench` runs it after
 * the mining figures; alone: `node --import tsx bench/findings-bench.ts`). Targets: findings
 * ≤ 5 s, report ≤ 10 s. Reads the bench's generated dagpenge extract with its case attributes,
 * times `buildFindings` on the whole log and `precomputeFindings` (every scope: all jobcenters
 * and each jobcenter, the rule catalogue, the writes) into an in-memory store; then loads the
 * extract into a file store with `ingestFiles` and times `sagsflow report`'s work (read + render).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFindings, EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { openDatabase } from '../service/src/db/client';
import { precomputeFindings } from '../service/src/findings/precompute-findings';
import { generateLog } from '../service/src/generate/index';
import { ingestFiles } from '../service/src/ingest/ingest-files';
import { readLog } from '../service/src/readers/index';
import { readReportData } from '../service/src/report/report-data';
import { renderReport } from '../service/src/report/render-report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(ROOT, 'bench', 'out', 'dagpenge-1m.csv');

async function readWithAttributes(file: string): Promise<EventLog> {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) await generateLog({ process: 'dagpenge', cases: 125_000, seed: 'bench', out: file });
  const builder = new EventLogBuilder();
  await readLog(file, { sink: { onEvent: ({ event }) => builder.add(event), onReject: () => {} } });
  return builder.build();
}

async function timed<T>(fn: () => T | Promise<T>): Promise<{ result: T; secs: number; cpu: number }> {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { result, secs: Number(process.hrtime.bigint() - t) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

function line(label: string, r: { secs: number; cpu: number }, ref: number, target: string): void {
  console.log(
    `  ${label.padEnd(28)} ${(r.secs * 1000).toFixed(0).padStart(6)} ms  cpu ${(r.cpu * 1000).toFixed(0).padStart(6)} ms  (${(r.secs / ref).toFixed(1)}x ref; target ${target})`,
  );
}

/** Times findings and the report on the bench's 1M-event log and prints one line each, with `ref` the reference sort's seconds. */
export async function benchFindings(ref: number): Promise<void> {
  const log = await readWithAttributes(FILE);
  console.log(
    `\nfindings and report (${log.activity.length.toLocaleString('en')} events, ${log.caseIds.length.toLocaleString('en')} cases; load average ${loadavg()[0]!.toFixed(1)})`,
  );
  const whole = await timed(() => buildFindings({ log, process: 'dagpenge' }));
  line('findings, whole log', whole, ref, '<= 5 s');
  const memory = openDatabase(':memory:');
  const scoped = await timed(() =>
    memory.sqlite.transaction(() =>
      precomputeFindings(log, { sqlite: memory.sqlite, log: 'bench', version: 1, process: 'dagpenge', minGroupSize: 5 }),
    )(),
  );
  line(`findings, ${scoped.result} in all scopes`, scoped, ref, '<= 5 s');
  memory.close();
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-findings-bench-'));
  try {
    process.env['SAGSFLOW_SECRET'] ??= 'bench-secret';
    const store = openDatabase(join(dir, 'bench.sqlite'));
    await ingestFiles(store, { files: [FILE], log: 'dagpenge', process: 'dagpenge' });
    const report = await timed(() =>
      renderReport(readReportData(store.sqlite, { log: 'dagpenge', scope: '', lang: 'da', now: Date.now() })),
    );
    line(`report (${Math.round(report.result.length / 1024)} KB HTML)`, report, ref, '<= 10 s');
    const jc = await timed(() =>
      renderReport(readReportData(store.sqlite, { log: 'dagpenge', scope: 'Jobcenter København Syd', lang: 'en', now: Date.now() })),
    );
    line('report, one jobcenter', jc, ref, '<= 10 s');
    store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const t = process.hrtime.bigint();
  const v = new Float64Array(1_000_000).map((_, i) => (i * 2654435761) % 1000003);
  v.sort();
  await benchFindings(Number(process.hrtime.bigint() - t) / 1e9);
}
