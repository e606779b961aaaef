/**
 * Conformance benchmark (run by `npm run bench` after the foundation benchmark, or alone:
 * `node --import tsx bench/conformance-bench.ts`):
 * 1. optimal alignments (and token replay) of the public receipt log on receipt.bpmn, cold cache; target <= 2 s;
 * 2. conformance of a generated 1,000,000-event dagpenge log with deviations
 *    (`generate --deviations`, cached in bench/out/) on processes/dagpenge/model.bpmn:
 *    variants + alignments + token replay of the in-memory log; target <= 10 s;
 *    then the same written as the conformance tables of an in-memory store.
 * Times are also given as a ratio to a fixed reference workload timed in the same run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignLog, createAligner, discoverVariants, EventLogBuilder, keepCompleteEvents, replayLog, type EventLog } from '@sagsflow/shared';
import { readLog } from '../service/src/readers/index';
import { generateLog } from '../service/src/generate/index';
import { loadModel } from '../service/src/conformance/load-model';
import { conformanceReport } from '../service/src/conformance/conformance-report';
import { precomputeConformance } from '../service/src/conformance/precompute-conformance';
import { openDatabase } from '../service/src/db/client';
import { processEntry } from '../service/src/processes/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

function referenceSeconds(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const values = new Float64Array(1_000_000);
    let x = 12345;
    for (let i = 0; i < values.length; i++) values[i] = x = (x * 1103515245 + 12345) % 2147483648;
    const t = process.hrtime.bigint();
    values.sort();
    best = Math.min(best, seconds(t));
  }
  return best;
}

async function readIntoLog(file: string): Promise<EventLog> {
  const builder = new EventLogBuilder();
  await readLog(file, {
    sink: { onEvent: ({ event: e }) => builder.addEvent(e.caseId, e.activity, e.timestamp, e.resource, e.lifecycle), onReject: () => {} },
  });
  return keepCompleteEvents(builder.build());
}

function line(label: string, secs: number, ref: number, note: string): void {
  console.log(`  ${label.padEnd(34)} ${(secs * 1000).toFixed(0).padStart(6)} ms  (${(secs / ref).toFixed(1)}x ref)  ${note}`);
}

/** Runs the conformance benchmark and prints its figures. */
export async function runConformanceBench(): Promise<void> {
  const ref = referenceSeconds();
  console.log(`\nconformance (reference sort ${(ref * 1000).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)})`);

  const receipt = await readIntoLog(join(ROOT, 'tests', 'data', 'receipt.csv.gz'));
  const receiptModel = await loadModel(join(ROOT, 'tests', 'data', 'receipt.bpmn'));
  const receiptVariants = discoverVariants(receipt).variants.map((v) => ({ activities: v.activities, cases: v.cases }));
  let t = process.hrtime.bigint();
  const aligned = alignLog(createAligner(receiptModel.net), receiptVariants);
  line('receipt: alignments', seconds(t), ref, `${receiptVariants.length} variants, log fitness ${aligned.logFitness}; target <= 2 s`);
  t = process.hrtime.bigint();
  const replayed = replayLog(receiptModel.net, receiptVariants);
  line('receipt: token replay', seconds(t), ref, `log fitness ${replayed.logFitness}`);

  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'dagpenge-1m-deviations.csv');
  if (!existsSync(file)) {
    const report = await generateLog({ process: 'dagpenge', cases: 125_000, seed: 'bench', deviations: true, out: file });
    console.log(`  generated ${file}: ${report.events.toLocaleString('en')} events`);
  }
  t = process.hrtime.bigint();
  const log = await readIntoLog(file);
  line(
    'dagpenge 1M: read (not in target)',
    seconds(t),
    ref,
    `${log.activity.length.toLocaleString('en')} events, ${log.caseIds.length.toLocaleString('en')} cases`,
  );
  const model = await loadModel(processEntry('dagpenge').modelPath);
  t = process.hrtime.bigint();
  const report = conformanceReport(log, model);
  line(
    'dagpenge 1M: conformance',
    seconds(t),
    ref,
    `${report.variants.toLocaleString('en')} variants, log fitness ${report.json.alignments.logFitness?.toFixed(4)}, ` +
      `token replay ${report.json.tokenReplay.logFitness?.toFixed(4)}, over budget ${report.alignment.budgetExceededVariants}; target <= 10 s`,
  );
  const store = openDatabase(':memory:');
  t = process.hrtime.bigint();
  store.sqlite.transaction(() =>
    precomputeConformance(log, { sqlite: store.sqlite, log: 'bench', version: 1, process: 'dagpenge', model }),
  )();
  line('dagpenge 1M: conformance tables', seconds(t), ref, 'alignments, replay and the four tables written (ingest --process dagpenge)');
  store.close();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runConformanceBench();
