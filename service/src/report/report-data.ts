import type Database from 'better-sqlite3';
import { aggregateSteps, applyMinimumGroupSize, quantileSorted, type ProcessMap, type StepVariant } from '@sagsflow/shared';
import { readFindings, type StoredFinding } from '../db/findings-queries';
import {
  readCaseDurations,
  readCurrentLoad,
  readPeriods,
  readScopedProcesses,
  readScopedSteps,
  type LoadQuality,
} from '../db/report-queries';
import type { Lang } from '../findings/wording';
import type { EffectReport } from '../whatif/effect-report';
import type { WhatIfReport } from '../whatif/whatif-report';
import { storedGroupSize } from '../db/log-queries';
import { readLogGovernance, type LogGovernance } from '../db/governance-queries';

/** Everything the report shows, read from the store for one log and scope. */
export interface ReportData {
  log: string;
  /** '' = all jobcenters. */
  scope: string;
  lang: Lang;
  minGroupSize: number;
  generatedAt: number;
  processes: string[];
  keyFigures: {
    cases: number;
    events: number;
    finished: number;
    open: number;
    medianSeconds: number;
    p90Seconds: number;
    firstPeriod: string | null;
    lastPeriod: string | null;
  };
  monthly: { period: string; cases: number }[];
  map: ProcessMap;
  /** Variants of at least k cases, then "other variants". */
  variants: (StepVariant & { number: number })[];
  otherVariants: { variants: number; cases: number };
  findings: StoredFinding[];
  /** Null for a jobcenter scope (the load's counts cover all jobcenters). */
  load: LoadQuality | null;
  /** What-if predictions for the top automation candidates (see `addPredictions`); absent or empty when none. */
  whatIf?: WhatIfReport[];
  /** The measured effect of a change, when the report was asked for one. */
  effect?: EffectReport | null;
  /** Purpose, legal basis, controller, retention and the current version's lineage (method section). */
  governance?: LogGovernance | null;
}

/** Thrown when a log or a scope has nothing to report; its message is the user's one line. */
export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportError';
  }
}

/**
 * Reads the data of a report: key figures, monthly cases, the process map and variants (from
 * the step rows), the findings, and the data quality of the load. Counts under k are never
 * shown: variants under k merge into "other variants"; findings rest on at least k cases.
 */
export function readReportData(
  sqlite: Database.Database,
  options: { log: string; scope: string; lang: Lang; minGroupSize?: number; now: number },
): ReportData {
  const logRow = storedGroupSize(sqlite, options.log);
  if (!logRow) throw new ReportError(`report: no log named "${options.log}" (load one with sagsflow ingest)`);
  const k = Math.max(options.minGroupSize ?? 1, logRow.k);
  const steps = readScopedSteps(sqlite, options.log, options.scope);
  if (steps.length === 0) {
    throw new ReportError(`report: log "${options.log}" has no cases${options.scope ? ` in jobcenter "${options.scope}"` : ''}`);
  }
  const { map, variants, cases } = aggregateSteps(steps);
  const durations = readCaseDurations(sqlite, options.log, options.scope);
  const periods = readPeriods(sqlite, options.log, options.scope);
  const monthly = new Map<string, number>();
  let events = 0;
  for (const p of periods) {
    monthly.set(p.period, (monthly.get(p.period) ?? 0) + p.cases);
    events += p.events;
  }
  const shown = new Set(
    applyMinimumGroupSize(variants, k)
      .filter((v) => !v.isOther)
      .map((v) => v.key),
  );
  const kept = variants.map((v, i) => ({ ...v, number: i + 1 })).filter((v) => shown.has(v.variantKey));
  const other = variants.filter((v) => !shown.has(v.variantKey));
  const processes = readScopedProcesses(sqlite, options.log, options.scope);
  return {
    log: options.log,
    scope: options.scope,
    lang: options.lang,
    minGroupSize: k,
    generatedAt: options.now,
    processes,
    keyFigures: {
      cases,
      events,
      finished: durations.finished.length,
      open: durations.open,
      medianSeconds: quantileSorted(durations.finished, 0.5),
      p90Seconds: quantileSorted(durations.finished, 0.9),
      firstPeriod: periods[0]?.period ?? null,
      lastPeriod: periods[periods.length - 1]?.period ?? null,
    },
    monthly: [...monthly].map(([period, n]) => ({ period, cases: n })),
    map,
    variants: kept.slice(0, 12),
    otherVariants: {
      variants: other.length + Math.max(0, kept.length - 12),
      cases: other.reduce((s, v) => s + v.cases, 0) + kept.slice(12).reduce((s, v) => s + v.cases, 0),
    },
    findings: readFindings(sqlite, { log: options.log, scope: options.scope, minGroupSize: k }),
    load: options.scope === '' ? readCurrentLoad(sqlite, options.log) : null,
    governance: readLogGovernance(sqlite, options.log),
  };
}
