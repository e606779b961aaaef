import { writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRules, RuleStatusCode, type EventLog, type RuleOutcome } from '@sagsflow/shared';
import { PROCESS_CATALOGUE } from '../processes/index';
import { loadCatalogue } from '../rules/parse-catalogue';
import { loadRuleLog } from '../rules/load-rule-log';
import type { GenerateReport } from './generate-log';
import type { ProcessKey } from './processes/index';
import { generateToMemory } from '../testing/generate-to-memory';

/** Generates an extract, reads it back like `rules check`, and checks it with the shipped catalogue. */
async function checked(process: ProcessKey, cases: number) {
  const { report, bytes } = await generateToMemory({ process, cases, seed: 'planted' });
  const file = join(mkdtempSync(join(tmpdir(), 'sagsflow-planted-')), `${process}.csv`);
  writeFileSync(file, bytes);
  const { catalogue } = await loadCatalogue(PROCESS_CATALOGUE[process].rulesPath);
  const { log } = await loadRuleLog([file], { caseAttributes: new Set() });
  return { report, log, evaluation: evaluateRules(log, catalogue) };
}

/** Per jobcenter, violated / decided among the cases that reached the rule's B (as the generator plants). */
function lateShare(log: EventLog, outcome: RuleOutcome, reached: (c: number) => boolean, keep: (c: number) => boolean = () => true) {
  const jc = log.caseAttributes.get('jobcenter')!;
  const out = new Map<string, { late: number; decided: number }>();
  for (let c = 0; c < log.caseIds.length; c++) {
    const s = outcome.status[c];
    if ((s !== RuleStatusCode.fulfilled && s !== RuleStatusCode.violated) || !reached(c) || !keep(c)) continue;
    const name = jc.values[jc.codes[c]!]!;
    const t = out.get(name) ?? { late: 0, decided: 0 };
    t.decided++;
    if (s === RuleStatusCode.violated) t.late++;
    out.set(name, t);
  }
  return out;
}

function hasActivity(log: EventLog, name: string) {
  const id = log.activities.indexOf(name);
  return (c: number) => {
    for (let e = log.caseOffsets[c]!; e < log.caseOffsets[c + 1]!; e++) if (log.activity[e] === id) return true;
    return false;
  };
}

function expectRecovered(report: GenerateReport, log: EventLog, outcome: RuleOutcome, target: string) {
  const shares = lateShare(log, outcome, hasActivity(log, target));
  const planted = report.plantedDeadlines.filter((p) => p.id === outcome.rule.id);
  expect(planted.length).toBeGreaterThanOrEqual(5);
  for (const p of planted) {
    const got = shares.get(p.jobcenter)!;
    expect(got.late / got.decided, `${p.id} ${p.jobcenter}`).toBeCloseTo(p.meanMissRate, 1);
    expect(Math.abs(got.late / got.decided - p.meanMissRate), `${p.id} ${p.jobcenter}`).toBeLessThan(0.035);
  }
  const rates = planted.map((p) => shares.get(p.jobcenter)!).map((t) => t.late / t.decided);
  expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(0.08);
}

describe('planted deadline misses are what the rule engine finds', () => {
  it('akademiker DP-CV-14: per-jobcenter rates as planted (Syd worst), worsening over the months', async () => {
    const { report, log, evaluation } = await checked('akademiker', 6000);
    const outcome = evaluation.outcomes.find((o) => o.rule.id === 'DP-CV-14')!;
    expectRecovered(report, log, outcome, 'CV registreret');
    const month = (c: number) => Math.floor(outcome.anchorDay[c]! / 30.44);
    const first = Math.min(...[...outcome.anchorDay].map((d) => Math.floor(d / 30.44)));
    const early = lateShare(
      log,
      outcome,
      () => true,
      (c) => month(c) - first < 6,
    );
    const late = lateShare(
      log,
      outcome,
      () => true,
      (c) => month(c) - first >= 17,
    );
    const rate = (m: Map<string, { late: number; decided: number }>) =>
      [...m.values()].reduce((s, t) => s + t.late, 0) / [...m.values()].reduce((s, t) => s + t.decided, 0);
    expect(rate(late) - rate(early)).toBeGreaterThan(0.03);
  });

  it('dagpenge DP-BEV-21: per-jobcenter rates as planted', async () => {
    const { report, log, evaluation } = await checked('dagpenge', 6000);
    expectRecovered(
      report,
      log,
      evaluation.outcomes.find((o) => o.rule.id === 'DP-BEV-21')!,
      'Tilbud bevilget',
    );
  });

  it('rekruttering REK-KONTAKT-2HD (working days) and REK-FORMID-30 (atLeast): per-jobcenter rates as planted', async () => {
    const { report, log, evaluation } = await checked('rekruttering', 8000);
    expectRecovered(
      report,
      log,
      evaluation.outcomes.find((o) => o.rule.id === 'REK-KONTAKT-2HD')!,
      'Virksomhed kontaktet',
    );
    expectRecovered(
      report,
      log,
      evaluation.outcomes.find((o) => o.rule.id === 'REK-FORMID-30')!,
      'Kandidat formidlet',
    );
  });
});
