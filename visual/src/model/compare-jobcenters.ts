import { aggregateSteps, STEP_END, STEP_START, type ProcessMap, type StepRow } from '@sagsflow/shared';
import type { Formatter } from '../format/formatter';
import type { PerformanceMetric, ViewMode } from '../settings';
import { keyFigures, type KeyFigures } from './key-figures';
import { metricSeconds, sumSamples } from './metric';
import { NO_DIMENSIONS, type RowDimensions } from './row-dimensions';

/** One jobcenter's key figures, for the comparison table. */
export interface JobcenterFigures {
  readonly jobcenter: string;
  readonly figures: KeyFigures;
}

/**
 * Key figures per jobcenter, longest median throughput time first (ties by name); empty
 * without a bound jobcenter.
 */
export function jobcenterFigures(rows: readonly StepRow[], dims: RowDimensions): JobcenterFigures[] {
  const centers = dims.jobcenter;
  if (!centers) return [];
  const groups = new Map<string, number[]>();
  centers.forEach((center, i) => {
    const list = groups.get(center);
    if (list) list.push(i);
    else groups.set(center, [i]);
  });
  const out = [...groups.entries()].map(([jobcenter, index]) => ({
    jobcenter,
    figures: keyFigures(
      index.map((i) => rows[i]!),
      { ...NO_DIMENSIONS, period: dims.period ? index.map((i) => dims.period![i]!) : null },
    ),
  }));
  const median = (f: JobcenterFigures) => f.figures.throughput?.median ?? -1;
  return out.sort((a, b) => median(b) - median(a) || (a.jobcenter < b.jobcenter ? -1 : a.jobcenter > b.jobcenter ? 1 : 0));
}

/** How one jobcenter differs from the rest on one node or edge. */
export interface Difference {
  /** -1..1: negative = fewer/shorter than the rest, positive = more/longer (for the colour). */
  readonly tone: number;
  readonly own: string;
  readonly rest: string;
  readonly difference: string;
}

/** The differences of a jobcenter from the rest, by node id and by edge id (`from → to`). */
export interface Differences {
  readonly jobcenter: string;
  readonly nodes: ReadonlyMap<string, Difference>;
  readonly edges: ReadonlyMap<string, Difference>;
}

/**
 * The map of one jobcenter against the map of all the others. Frequency view: the share of
 * each group's cases that pass through a node or take an edge, compared in percentage
 * points (tone: the difference over the largest difference on the map). Performance view:
 * the metric's waiting time, compared relatively (tone: +100 % or more is 1).
 */
export function jobcenterDifferences(
  rows: readonly StepRow[],
  centers: readonly string[],
  jobcenter: string,
  options: { mode: ViewMode; metric: PerformanceMetric; formatter: Formatter; edgeId: (from: string, to: string) => string },
): Differences {
  const own = aggregateSteps(rows.filter((_, i) => centers[i] === jobcenter));
  const rest = aggregateSteps(rows.filter((_, i) => centers[i] !== jobcenter));
  const { formatter } = options;
  const entries = (map: ProcessMap, cases: number) => ({
    nodes: new Map(
      map.nodes.map((n) => [n.activity, { share: cases > 0 ? n.cases / cases : 0, seconds: waitBefore(map, n.activity, options.metric) }]),
    ),
    edges: new Map(
      map.edges.map((e) => [
        options.edgeId(e.from, e.to),
        { share: cases > 0 ? e.cases / cases : 0, seconds: timed(e) ? metricSeconds(e, options.metric) : Number.NaN },
      ]),
    ),
  });
  const a = entries(own.map, own.cases);
  const b = entries(rest.map, rest.cases);
  const compare = (x: { share: number; seconds: number } | undefined, y: { share: number; seconds: number } | undefined) => {
    if (options.mode === 'frequency') {
      const diff = (x?.share ?? 0) - (y?.share ?? 0);
      return {
        raw: diff,
        own: formatter.percent(x?.share ?? 0),
        rest: formatter.percent(y?.share ?? 0),
        difference: `${diff >= 0 ? '+' : '−'}${formatter.count(Math.abs(diff * 100))} ${formatter.locale.startsWith('da') ? 'procentpoint' : 'pp'}`,
      };
    }
    const s = x?.seconds ?? Number.NaN;
    const r = y?.seconds ?? Number.NaN;
    const rel = Number.isFinite(s) && Number.isFinite(r) && r > 0 ? (s - r) / r : Number.NaN;
    const difference = Number.isFinite(rel) ? `${rel >= 0 ? '+' : '−'}${formatter.percent(Math.abs(rel))}` : '–';
    return {
      raw: Number.isFinite(rel) ? Math.max(-1, Math.min(1, rel)) : Number.NaN,
      own: formatter.duration(s),
      rest: formatter.duration(r),
      difference,
    };
  };
  const build = (keys: Iterable<string>, pick: (side: typeof a) => Map<string, { share: number; seconds: number }>) => {
    const out = new Map<string, Difference & { raw: number }>();
    for (const key of keys) {
      const c = compare(pick(a).get(key), pick(b).get(key));
      out.set(key, { tone: 0, ...c });
    }
    const largest = Math.max(1e-9, ...[...out.values()].map((d) => (Number.isFinite(d.raw) ? Math.abs(d.raw) : 0)));
    const scale = options.mode === 'frequency' ? largest : 1;
    return new Map(
      [...out.entries()].map(([key, d]) => [
        key,
        { tone: Number.isFinite(d.raw) ? d.raw / scale : 0, own: d.own, rest: d.rest, difference: d.difference },
      ]),
    );
  };
  const nodeKeys = new Set([...a.nodes.keys(), ...b.nodes.keys()]);
  const edgeKeys = new Set([...a.edges.keys(), ...b.edges.keys()]);
  return { jobcenter, nodes: build(nodeKeys, (side) => side.nodes), edges: build(edgeKeys, (side) => side.edges) };
}

function timed(e: { from: string; to: string }): boolean {
  return e.from !== STEP_START && e.to !== STEP_END;
}

function waitBefore(map: ProcessMap, activity: string, metric: PerformanceMetric): number {
  if (activity === STEP_START || activity === STEP_END) return Number.NaN;
  return metricSeconds(sumSamples(map.edges.filter((e) => e.to === activity && e.from !== STEP_START)), metric);
}
