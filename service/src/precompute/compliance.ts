import type Database from 'better-sqlite3';
import { RULE_STATUSES, evaluateRules, formatIsoDate, type EventLog, type RuleCatalogue, type RuleEvaluation } from '@sagsflow/shared';
import { caseComplianceInserter, complianceInserter, insertRuleCatalogue, rulesInserter } from '../db/compliance-rows';
import { processNameOf } from '../processes/index';
import { JOBCENTER_ATTRIBUTE, PROCESS_ATTRIBUTE, UNKNOWN_JOBCENTER } from './case-groups';
import { writeStepInsight } from './write-step-insight';

/** A rule catalogue attached to a load: the parsed catalogue and its file text. */
export interface AttachedCatalogue {
  catalogue: RuleCatalogue;
  text: string;
  /** The as-of date (day number); default the local date of the log's last event. */
  asOfDay?: number | null;
}

/** Where compliance is written: the load's transaction, log and version, and its `--process`. */
export interface ComplianceContext {
  sqlite: Database.Database;
  log: string;
  version: number;
  process: string | null;
}

/** Rows written per compliance table. */
export interface ComplianceSummary {
  rules: number;
  compliance: number;
  caseCompliance: number;
  /** Step rows (exact, viewer-grade) whose rule-violation columns were set. */
  stepInsight?: { steps: number; viewerSteps: number };
}

/**
 * Checks a log version against its catalogue and writes the compliance tables in the
 * caller's transaction: the catalogue (with its text and as-of date), its rules, counts per
 * (process, jobcenter, month of the anchor, rule, status) with the sum of days late, and the
 * per-case results where a rule applied. A catalogue with a `process` checks only the cases
 * of that process (the `--process` of the load, else the case's `process` attribute).
 */
export function precomputeCompliance(log: EventLog, ctx: ComplianceContext, attached: AttachedCatalogue): ComplianceSummary {
  const { catalogue } = attached;
  const evaluation = evaluateRules(log, catalogue, { asOfDay: attached.asOfDay ?? null });
  insertRuleCatalogue(ctx.sqlite, {
    log: ctx.log,
    version: ctx.version,
    catalogue: catalogue.catalogue,
    process: catalogue.process,
    asOf: evaluation.asOfDay === null ? null : formatIsoDate(evaluation.asOfDay),
    text: attached.text,
  });
  const ruleRows = rulesInserter(ctx.sqlite, ctx);
  for (const r of catalogue.rules) {
    ruleRows.add([
      catalogue.catalogue,
      r.id,
      r.title.da,
      r.title.en,
      r.source,
      r.basis,
      r.kind,
      r.share,
      r.validFrom === null ? null : formatIsoDate(r.validFrom),
      r.validTo === null ? null : formatIsoDate(r.validTo),
    ]);
  }
  ruleRows.flush();
  const { counts, perCase } = writeResults(log, ctx, catalogue, evaluation);
  const names = new Map(catalogue.rules.map((r) => [r.id, { rule: r.id, da: r.title.da, en: r.title.en }]));
  const stepInsight = writeStepInsight(log, ctx, { kind: 'rules', outcomes: outcomesOfProcess(log, ctx, catalogue, evaluation), names });
  return { rules: ruleRows.written, compliance: counts, caseCompliance: perCase, stepInsight };
}

/** The outcomes with the violations of cases outside the catalogue's process taken out (as the counts leave them out). */
function outcomesOfProcess(log: EventLog, ctx: ComplianceContext, catalogue: RuleCatalogue, evaluation: RuleEvaluation) {
  if (catalogue.process === null) return evaluation.outcomes;
  const wanted = processNameOf(catalogue.process) ?? catalogue.process;
  const grain = caseGrain(log, ctx);
  const outside = Array.from({ length: log.caseIds.length }, (_, c) => grain.process(c) !== wanted);
  return evaluation.outcomes.map((o) => ({ ...o, violationEvent: o.violationEvent.map((at, c) => (outside[c] ? -1 : at)) }));
}

function writeResults(log: EventLog, ctx: ComplianceContext, catalogue: RuleCatalogue, evaluation: RuleEvaluation) {
  const grain = caseGrain(log, ctx);
  const wanted = catalogue.process === null ? null : (processNameOf(catalogue.process) ?? catalogue.process);
  const months = new Map<number, string>();
  const monthOf = (day: number): string => {
    let m = months.get(day);
    if (m === undefined) months.set(day, (m = formatIsoDate(day).slice(0, 7)));
    return m;
  };
  const perCase = caseComplianceInserter(ctx.sqlite, ctx);
  const cells = new Map<string, { values: [string, string, string, string, string, number, number] }>();
  for (const o of evaluation.outcomes) {
    for (let c = 0; c < log.caseIds.length; c++) {
      const process = grain.process(c);
      if (wanted !== null && process !== wanted) continue;
      const jobcenter = grain.jobcenter(c);
      const month = o.anchorDay[c]! >= 0 ? monthOf(o.anchorDay[c]!) : monthOf(grain.firstDay(c));
      const status = RULE_STATUSES[o.status[c]!]!;
      const late = o.daysLate[c]!;
      const key = `${process}\u0000${jobcenter}\u0000${month}\u0000${o.rule.id}\u0000${status}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { values: [process, jobcenter, month, o.rule.id, status, 0, 0] }));
      cell.values[5]++;
      if (!Number.isNaN(late)) cell.values[6] += late;
      if (status !== 'notApplicable')
        perCase.add([process, jobcenter, month, log.caseIds[c]!, o.rule.id, status, Number.isNaN(late) ? null : late]);
    }
  }
  perCase.flush();
  const counts = complianceInserter(ctx.sqlite, 'exact', ctx);
  for (const cell of cells.values()) counts.add(cell.values);
  counts.flush();
  return { counts: counts.written, perCase: perCase.written };
}

/** Per case: its process and jobcenter as the model tables have them, and its first event's UTC day. */
function caseGrain(log: EventLog, ctx: ComplianceContext) {
  const jc = log.caseAttributes.get(JOBCENTER_ATTRIBUTE);
  const pr = log.caseAttributes.get(PROCESS_ATTRIBUTE);
  const names = (pr?.values ?? []).map((v) => processNameOf(v) ?? v);
  return {
    process: (c: number): string => {
      if (ctx.process !== null) return ctx.process;
      const code = pr ? pr.codes[c]! : -1;
      return code >= 0 ? names[code]! : ctx.log;
    },
    jobcenter: (c: number): string => {
      const code = jc ? jc.codes[c]! : -1;
      return code >= 0 ? jc!.values[code]! : UNKNOWN_JOBCENTER;
    },
    firstDay: (c: number): number => Math.floor(log.timestamp[log.caseOffsets[c]!]! / 86_400_000),
  };
}
