/**
 * What-if and effect on a 1,000,000-event log (`npm run bench` runs it after the mining
 * figures; alone: `node --import tsx bench/whatif-bench.ts`). Targets: each ≤ 5 s.
 * Reads the bench's generated dagpenge extract with its case attributes (jobcenter), then
 * times `predictWhatIf` (halving the wait before "Tilbud bevilget", 400 resamples) and
 * `measureEffect` (Nord from 2025-07-01 against the other jobcenters, 200 resamples).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventLogBuilder, measureEffect, predictWhatIf, type EventLog } from '@sagsflow/shared';
import { generateLog } from '../service/src/generate/index';
import { PROCESS_END_ACTIVITIES } from '../service/src/processes/index';
import { readLog } from '../service/src/readers/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(ROOT, 'bench', 'out', 'dagpenge-1m.csv');
const NORD = 'Jobcenter København Nord';

async function readWithAttributes(file: string): Promise<EventLog> {
  mkdirSync(dirname(file), { recursive: true });
  if (!existsSync(file)) await generateLog({ process: 'dagpenge', cases: 125_000, seed: 'bench', out: file });
  const builder = new EventLogBuilder();
  await readLog(file, { sink: { onEvent: ({ event }) => builder.add(event), onReject: () => {} } });
  return builder.build();
}

function timed<T>(fn: () => T): { result: T; secs: number; cpu: number } {
  const t = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = fn();
  const used = process.cpuUsage(cpu);
  return { result, secs: Number(process.hrtime.bigint() - t) / 1e9, cpu: (used.user + used.system) / 1e6 };
}

/** Times what-if and effect on the bench's 1M-event log and prints one line each, with `ref` the reference sort's seconds. */
export async function benchWhatIf(ref: number): Promise<void> {
  const log = await readWithAttributes(FILE);
  const closedBy = PROCESS_END_ACTIVITIES.dagpenge;
  console.log(
    `\nwhat-if and effect (${log.activity.length.toLocaleString('en')} events, ${log.caseIds.length.toLocaleString('en')} cases)`,
  );
  const w = timed(() => predictWhatIf(log, { activity: 'Tilbud bevilget', waitingFactor: 0.5 }, { closedBy }));
  const days = (ms: number) => (ms / 86_400_000).toFixed(1);
  console.log(
    `  whatif (wait × 0.5)          ${(w.secs * 1000).toFixed(0).padStart(6)} ms  cpu ${(w.cpu * 1000).toFixed(0).padStart(6)} ms  (${(w.secs / ref).toFixed(1)}x ref; ` +
      `median ${days(w.result.before.median.value)} -> ${days(w.result.after.median.value)} days over ${w.result.cases.toLocaleString('en')} cases; target <= 5 s)`,
  );
  const column = log.caseAttributes.get('jobcenter')!;
  const treated = Uint8Array.from(column.codes, (code) => (column.values[code] === NORD ? 1 : 0));
  const e = timed(() => measureEffect(log, { changeAt: Date.UTC(2025, 5, 30, 22), treated, closedBy }));
  console.log(
    `  effect (Nord vs the rest)    ${(e.secs * 1000).toFixed(0).padStart(6)} ms  cpu ${(e.cpu * 1000).toFixed(0).padStart(6)} ms  (${(e.secs / ref).toFixed(1)}x ref; ` +
      `${e.result.metrics.length} figures, ${e.result.method}; target <= 5 s)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const values = new Float64Array(1_000_000).map((_, i) => (i * 2654435761) % 1_000_003);
  const t = process.hrtime.bigint();
  values.sort();
  const ref = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`reference: sort of 1,000,000 doubles ${(ref * 1000).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)}`);
  await benchWhatIf(ref);
}
