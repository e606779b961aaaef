import {
  formatIsoDate,
  localDayNumber,
  localMidnightMs,
  measureEffect,
  MisuseError,
  parseIsoDate,
  type Effect,
  type EffectMetric,
  type Estimate,
} from '@sagsflow/shared';
import type { StoredLog } from '../db/stored-log';
import { finishedActivities } from './whatif-report';
import { evaluateAttached, type AttachedRules } from './attached-rules';

const TIME_ZONE = 'Europe/Copenhagen';

/** Options of `effectReport`. */
export interface EffectReportOptions {
  /** The local date (YYYY-MM-DD, Europe/Copenhagen) the change took effect. */
  date: string;
  /** The jobcenters that changed; the others are the control group. Empty: every case changed, no control. */
  jobcenters?: readonly string[];
  /** The log's attached rule catalogue: compliance rates are compared too. */
  rules?: AttachedRules | null;
  minimumGroupSize?: number;
  resamples?: number;
  seed?: number;
}

/** A figure in the report: seconds for durations, a share in 0..1 for rates. */
export interface EffectFigure {
  metric: EffectMetric['metric'];
  key: string;
  unit: 'seconds' | 'share';
  treated: { before: number; after: number; beforeCases: number; afterCases: number };
  control: { before: number; after: number; beforeCases: number; afterCases: number } | null;
  change: { value: number; low: number; high: number };
  difference: { value: number; low: number; high: number } | null;
  detected: boolean;
}

/** The answer of `sagsflow effect` and `GET /api/logs/:name/effect`. */
export interface EffectReport {
  log: string;
  version: number;
  date: string;
  jobcenters: string[];
  method: Effect['method'];
  /** Local dates (inclusive) of case starts in each period. */
  before: { from: string; to: string };
  after: { from: string; to: string };
  figures: EffectFigure[];
}

/**
 * Key figures of the stored log before and after a change on `date`, for the jobcenters that
 * changed, with the others as control group (difference in differences) when there are any.
 */
export function effectReport(stored: StoredLog, options: EffectReportOptions): EffectReport {
  const day = parseIsoDate(options.date);
  const changeAt = localMidnightMs(day, TIME_ZONE);
  const jobcenters = [...(options.jobcenters ?? [])];
  const column = stored.log.caseAttributes.get('jobcenter');
  const known = new Set(column?.values ?? []);
  const unknown = jobcenters.filter((j) => !known.has(j));
  if (unknown.length > 0) {
    throw new MisuseError(
      `effect: no cases of jobcenter ${unknown.map((j) => `'${j}'`).join(', ')} in log '${stored.name}'; it has ${[...known].sort().join(', ') || 'none'}`,
    );
  }
  const treated = jobcenters.length === 0 ? undefined : treatedMask(stored, new Set(jobcenters));
  const effect = measureEffect(stored.log, {
    changeAt,
    treated,
    closedBy: finishedActivities(stored),
    rules: options.rules
      ? evaluateAttached(stored.log, options.rules).outcomes.map((o) => ({ id: o.rule.id, status: o.status }))
      : undefined,
    minimumGroupSize: options.minimumGroupSize,
    resamples: options.resamples,
    seed: options.seed,
  });
  const localDate = (ms: number) => formatIsoDate(localDayNumber(ms, TIME_ZONE));
  return {
    log: stored.name,
    version: stored.version,
    date: options.date,
    jobcenters,
    method: effect.method,
    before: { from: localDate(effect.before.from), to: localDate(effect.before.to - 1) },
    after: { from: localDate(effect.after.from), to: localDate(effect.after.to) },
    figures: effect.metrics.map(figure),
  };
}

function treatedMask(stored: StoredLog, jobcenters: ReadonlySet<string>): Uint8Array {
  const column = stored.log.caseAttributes.get('jobcenter')!;
  return Uint8Array.from(column.codes, (code) => (code >= 0 && jobcenters.has(column.values[code]!) ? 1 : 0));
}

function figure(m: EffectMetric): EffectFigure {
  const scale = m.unit === 'ms' ? 1 / 1000 : 1;
  const estimate = (e: Estimate) => ({ value: e.value * scale, low: e.low * scale, high: e.high * scale });
  const group = (g: NonNullable<EffectMetric['control']>) => ({
    before: g.before * scale,
    after: g.after * scale,
    beforeCases: g.beforeCount,
    afterCases: g.afterCount,
  });
  return {
    metric: m.metric,
    key: m.key,
    unit: m.unit === 'ms' ? 'seconds' : 'share',
    treated: group(m.treated),
    control: m.control ? group(m.control) : null,
    change: estimate(m.change),
    difference: m.difference ? estimate(m.difference) : null,
    detected: m.detected,
  };
}
