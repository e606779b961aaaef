/**
 * CPU time of the visual's first draw without the browser: the data stage (reading
 * fetchMoreData windows of 30,000 rows, mining an event table), the key figures and the view
 * models the readable-size search builds, on the synthetic tables of `npm run bench:visual`.
 * CPU seconds move far less with the machine's load than wall time, so this is the figure to
 * compare between two versions on a shared machine. The layout and the DOM are left out.
 * Run: `node --import tsx bench/visual-cpu.ts` (median of 7 runs each).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type powerbi from 'powerbi-visuals-api';
import { runQuery, toDataView } from '../preview/src/host/data-view';
import { syntheticEvents, syntheticSteps } from '../preview/src/host/bench';
import { eventFields, stepFields } from '../preview/src/host/step-fields';
import type { Capabilities, Row } from '../preview/src/host/types';
import { DataStage } from '../visual/src/data-stage';
import { createFormatter } from '../visual/src/format/formatter';
import { buildViewModel, viewBase, type ViewContext, type ViewState } from '../visual/src/model/build-view-model';
import { jobcenterFigures } from '../visual/src/model/compare-jobcenters';
import { keyFigures } from '../visual/src/model/key-figures';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 7;
const WINDOW = 30_000;
const capabilities = JSON.parse(readFileSync(join(ROOT, 'visual/capabilities.json'), 'utf8')) as Capabilities;

/** The data views a host hands over for `rows`: growing windows of 30,000 rows (aggregated segments). */
function windows(rows: Row[], fields: ReturnType<typeof stepFields>): powerbi.DataView[] {
  const query = runQuery(capabilities, fields, rows)!;
  const out: powerbi.DataView[] = [];
  for (let to = Math.min(WINDOW, query.rows.length); ; to = Math.min(query.rows.length, to + WINDOW)) {
    out.push(toDataView(query, 0, to, to < query.rows.length, {}) as unknown as powerbi.DataView);
    if (to >= query.rows.length) return out;
  }
}

const context = {
  formatter: createFormatter('en-US'),
  t: (key: string) => key,
  groupCount: (n: number) => String(n),
  minimumGroupSize: 5,
} as unknown as ViewContext;
const state: ViewState = {
  mode: 'performance',
  metric: 'median',
  autoSimplify: true,
  activitiesPercent: 100,
  pathsPercent: 100,
  selected: new Set(),
  comparing: null,
  insight: 'none',
};

/** CPU ms of one first draw's data work: load every window, prepare, figures, the search's view models. */
function firstDrawCpuMs(views: readonly powerbi.DataView[]): number {
  const started = process.cpuUsage();
  const stage = new DataStage({} as powerbi.extensibility.visual.IVisualHost);
  views.forEach((view, i) => stage.load(view, i === 0 ? 0 : 1));
  const { prepared } = stage.prepare();
  if (!prepared) throw new Error('visual-cpu: the synthetic table gave nothing to draw');
  keyFigures(prepared.rows, prepared.dimensions);
  jobcenterFigures(prepared.rows, prepared.dimensions);
  const base = viewBase(prepared, state, context);
  for (const activitiesPercent of [100, 50, 25, 12, 20]) buildViewModel(prepared, { ...state, activitiesPercent }, context, base, true);
  buildViewModel(prepared, state, context, base, false);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

const steps = syntheticSteps(50_000);
const events = syntheticEvents(200_000);
const cases = [
  {
    what: '50,000 step rows (2 windows)',
    views: windows(
      steps,
      stepFields(capabilities).filter((f) => f.column in steps[0]!),
    ),
  },
  { what: '200,000-event table (7 windows), mined', views: windows(events, eventFields(capabilities)) },
];
console.log(
  `visual first draw without the browser, CPU ms (median of ${RUNS}), load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
for (const { what, views } of cases) {
  const cpu = Array.from({ length: RUNS }, () => firstDrawCpuMs(views));
  console.log(`${what.padEnd(42)} ${median(cpu).toFixed(0).padStart(6)} ms CPU (best ${Math.min(...cpu).toFixed(0)})`);
}
