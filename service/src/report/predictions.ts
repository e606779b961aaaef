import type Database from 'better-sqlite3';
import { readStoredLog } from '../db/stored-log';
import { attachedRules } from '../whatif/attached-rules';
import { effectReport, type EffectReport } from '../whatif/effect-report';
import { whatIfReport, type WhatIfReport } from '../whatif/whatif-report';
import type { ReportData } from './report-data';

/** How many automation candidates the report predicts the effect of. */
export const PREDICTED_CANDIDATES = 3;

/** Options of `addPredictions`: a change date (and the jobcenters that changed) for the effect section. */
export interface PredictionOptions {
  effectDate?: string;
  effectJobcenters?: readonly string[];
}

/**
 * Adds what-if predictions for the top automation candidates (the step done without waiting:
 * the wait before it × 0, replayed on the scope's own finished cases) and, with a change date,
 * the measured effect of that change. A prediction resting on fewer than k finished cases is
 * left out, like every other figure of the report.
 */
export function addPredictions(sqlite: Database.Database, data: ReportData, options: PredictionOptions = {}): ReportData {
  const candidates = data.findings
    .filter((f) => f.kind === 'automation-candidate' && f.status !== 'resolved' && f.activity)
    .slice(0, PREDICTED_CANDIDATES);
  if (candidates.length === 0 && !options.effectDate) return { ...data, whatIf: [], effect: null };
  const stored = readStoredLog(sqlite, data.log, data.scope === '' ? {} : { jobcenters: [data.scope] });
  const rules = attachedRules(sqlite, stored);
  const whatIf: WhatIfReport[] = [];
  for (const f of candidates) {
    const report = whatIfReport(stored, { activity: f.activity!, waitingFactor: 0 }, { rules });
    if (report.cases >= data.minGroupSize) whatIf.push(report);
  }
  let effect: EffectReport | null = null;
  if (options.effectDate) {
    effect = effectReport(stored, {
      date: options.effectDate,
      jobcenters: options.effectJobcenters ?? [],
      rules,
      minimumGroupSize: data.minGroupSize,
    });
  }
  return { ...data, whatIf, effect };
}
