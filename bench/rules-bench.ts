/**
 * Rule checking on a 1,000,000-event log (`npm run bench` runs it after the mining figures;
 * alone: `node --import tsx bench/rules-bench.ts`). Targets (issue 7):
 * - a 12-rule catalogue (the first 12 rules of processes/akademiker/rules.yaml) over the
 *   in-memory log in at most 1 s;
 * - `sagsflow rules check FILE --rules ... --json` within 1.3x the time of `sagsflow summary
 *   FILE --json` on the same 1,000,000-event CSV (both as child processes, best of two each).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateRules, type RuleCatalogue } from '@sagsflow/shared';
import { EVENTS_PER_CASE, generateLog } from '../service/src/generate/index';
import { PROCESS_CATALOGUE } from '../service/src/processes/index';
import { loadCatalogue } from '../service/src/rules/parse-catalogue';
import { loadRuleLog } from '../service/src/rules/load-rule-log';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILE = join(ROOT, 'bench', 'out', 'akademiker-1m.csv');
const BIN = join(ROOT, 'service', 'bin', 'sagsflow.mjs');
const RULES = PROCESS_CATALOGUE.akademiker.rulesPath;

async function extract(): Promise<string> {
  mkdirSync(dirname(FILE), { recursive: true });
  if (!existsSync(FILE)) {
    const cases = Math.round(1_000_000 / EVENTS_PER_CASE.akademiker);
    const report = await generateLog({ process: 'akademiker', cases, seed: 'bench', out: FILE });
    console.log(`generated ${FILE}: ${report.events.toLocaleString('en')} events`);
  }
  return FILE;
}

function wallSeconds(args: string[]): number {
  const t = process.hrtime.bigint();
  execFileSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** Times the rule engine and `rules check` against `summary`; `ref` is the reference sort's seconds. */
export async function benchRules(ref: number): Promise<void> {
  const file = await extract();
  const { catalogue: full } = await loadCatalogue(RULES);
  const catalogue: RuleCatalogue = { ...full, rules: full.rules.slice(0, 12) };
  const { log } = await loadRuleLog([file], {
    caseAttributes: new Set(catalogue.rules.flatMap((r) => (r.where ? [r.where.attribute] : []))),
  });
  console.log(
    `\nrules on ${file} (${log.activity.length.toLocaleString('en')} events, ${log.caseIds.length.toLocaleString('en')} cases); load average ${loadavg()[0]!.toFixed(1)}`,
  );
  let best = Infinity;
  let cpuBest = Infinity;
  for (let round = 0; round < 3; round++) {
    const t = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    evaluateRules(log, catalogue);
    const used = process.cpuUsage(cpu);
    best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e9);
    cpuBest = Math.min(cpuBest, (used.user + used.system) / 1e6);
  }
  console.log(
    `  ${'12 rules, in memory'.padEnd(28)} ${(best * 1000).toFixed(0).padStart(6)} ms  cpu ${(cpuBest * 1000).toFixed(0).padStart(6)} ms  (${(best / ref).toFixed(1)}x ref; target <= 1 s)`,
  );
  const summary: number[] = [];
  const check: number[] = [];
  for (let round = 0; round < 2; round++) {
    summary.push(wallSeconds(['summary', file, '--json']));
    check.push(wallSeconds(['rules', 'check', file, '--rules', RULES, '--json']));
  }
  const s = Math.min(...summary);
  const c = Math.min(...check);
  console.log(`  ${'sagsflow summary --json'.padEnd(28)} ${(s * 1000).toFixed(0).padStart(6)} ms`);
  console.log(
    `  ${'sagsflow rules check --json'.padEnd(28)} ${(c * 1000).toFixed(0).padStart(6)} ms  (${(c / s).toFixed(2)}x summary; target <= 1.3x); load average ${loadavg()[0]!.toFixed(1)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await benchRules(1);
}
