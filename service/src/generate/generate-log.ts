import type { Writable } from 'node:stream';
import { MisuseError } from '@sagsflow/shared';
import { civilFromDays } from './calendar';
import { CaseNumbering, subjectFor } from './case-identity';
import { cleanCaseText, dirtyCaseText } from './case-rows';
import { compileProcess } from './compile-process';
import { DeadlinePlanner, type PlantedTally } from './deadline-plan';
import { emptyDirtCounts, type DirtCounts } from './dirt';
import { OutputSink } from './output-sink';
import { Rng } from './prng';
import { PROCESSES, PROCESS_KEYS, type ProcessKey } from './processes/index';
import { StartSampler } from './season';
import { CaseTrace, simulateCase } from './simulate-case';
import { compilePlant, plantInCase, type PlantedChange } from './plant-change';
import { WorkClock } from './work-clock';
import { allowedTransitions, DEFAULT_DEVIATION_RATES, injectDeviation, type DeviationCounts, type DeviationRates } from './deviations';

/** The columns of a generated extract, in order. */
export const EXTRACT_COLUMNS = [
  'Sags-id',
  'CPR',
  'Borger',
  'Proces',
  'Jobcenter',
  'Aktivitet',
  'Tidspunkt',
  'Sagsbehandler',
  'Frist',
] as const;

/** Cases start on working days in this window; no event is later than its last day. */
export const EXTRACT_WINDOW = { first: '2024-07-01', last: '2026-06-30' } as const;

/** Options of `generateLog`: which process, how many cases, the seed, dirt and where to write. */
export interface GenerateOptions {
  process: ProcessKey;
  /** Number of cases (non-negative integer). */
  cases: number;
  /** Any number or text; `1` and `'1'` give the same extract. */
  seed: number | string;
  /** Semicolons, Windows-1252, Danish dates and injected dirt (see DirtCounts). Default false. */
  dirty?: boolean;
  /** A file path (created, then closed; gzip-compressed if it ends in `.gz`) or a Writable (written, left open). */
  out: Writable | string;
  /**
   * Deviations from the to-be model (`processes/<name>/model.bpmn`) in closed cases:
   * `true` for the documented default rates, or rates of your own. Default none.
   * Drawn from a random stream of their own, so the other events stay as without.
   */
  deviations?: boolean | DeviationRates;
  /** Called after each written chunk (about every 1,000 events) and at the end, e.g. for a progress bar. */
  onProgress?: (casesWritten: number, cases: number) => void;
  /** A change planted from a date in one jobcenter (the known answer of `sagsflow effect`). */
  plant?: PlantedChange;
}

/** What `generateLog` wrote: counts of cases, events, rows, dirt, open cases and missed deadlines. */
export interface GenerateReport extends DirtCounts {
  process: ProcessKey;
  seed: string;
  dirty: boolean;
  cases: number;
  /** Real events written (each once, excluding duplicates and bad rows). */
  events: number;
  /** Records written after the header: events + duplicates + badRows. */
  rows: number;
  /** Cases whose last event is not an end activity (still running at the extract's end, or stalled). */
  openCases: number;
  /** Per deadline rule: cases with both activities, and how many of them missed it (as the file shows). */
  deadlines: { id: string; cases: number; missed: number }[];
  /** Per deadline rule and jobcenter: the cases whose target step was planted, and the mean planted miss rate. */
  plantedDeadlines: PlantedTally[];
  /** The planted change and how many cases it changed; null without one. */
  planted: (PlantedChange & { cases: number }) | null;
  bytes: number;
  /** Deviations injected (see `GenerateOptions.deviations`); zeros without. */
  deviations: DeviationCounts;
}

const CHUNK_CHARS = 1 << 17;

/**
 * Writes a synthetic extract of a pilot process, case by case, and reports what it
 * wrote. The same options always give the same bytes.
 *
 * @example
 * const report = await generateLog({ process: 'dagpenge', cases: 1000, seed: 42, out: 'dagpenge.csv' });
 * console.log(report.events, report.openCases);
 */
export async function generateLog(options: GenerateOptions): Promise<GenerateReport> {
  const { process: key, cases, seed } = options;
  const dirty = options.dirty === true;
  if (!PROCESS_KEYS.includes(key)) {
    throw new MisuseError(`generateLog: unknown process ${JSON.stringify(key)}, expected one of ${PROCESS_KEYS.join(', ')}`);
  }
  if (!Number.isSafeInteger(cases) || cases < 0) {
    throw new MisuseError(`generateLog: cases must be a non-negative integer, got ${String(cases)}`);
  }
  const p = compileProcess(PROCESSES[key]);
  const plant = options.plant ? compilePlant(p, options.plant) : null;
  let plantedCases = 0;
  const clock = new WorkClock(EXTRACT_WINDOW.first, EXTRACT_WINDOW.last);
  const rng = new Rng(`${key}:${String(seed)}`);
  const dirtRng = new Rng(`${key}:${String(seed)}:dirt`);
  const sampler = new StartSampler(clock, cases, rng);
  const numbering = new CaseNumbering(p.definition.idPrefix, rng);
  const sink = new OutputSink(options.out, dirty ? 'win1252' : 'utf8');
  const counts = emptyDirtCounts();
  const deadlines = p.definition.deadlines.map((r) => ({ id: r.id, cases: 0, missed: 0 }));
  const trace = new CaseTrace();
  const planner = new DeadlinePlanner(p, clock);
  const rates = options.deviations === true ? DEFAULT_DEVIATION_RATES : options.deviations || null;
  const allowed = rates ? allowedTransitions(p) : null;
  const deviationRng = new Rng(`${key}:${String(seed)}:deviations`);
  const deviations: DeviationCounts = { skippedSteps: 0, repeatedSteps: 0 };
  const eol = dirty ? '\r\n' : '\n';
  let events = 0;
  let openCases = 0;
  let chunk = EXTRACT_COLUMNS.join(dirty ? ';' : ',') + eol;

  for (let i = 0; i < cases; i++) {
    const start = sampler.startOf(i);
    const startDay = clock.dayNumberAt(start);
    const caseId = numbering.next(civilFromDays(startDay).year);
    const jcIndex = pickCumulative(p.jobcenterCumulative, rng.float());
    const jc = p.jobcenters[jcIndex]!;
    planner.begin(jcIndex);
    const worker = rng.int(jc.caseworkers.length);
    const subject = subjectFor(p, startDay, rng);
    simulateCase(p, jc, worker, start, clock.endPos, rng, trace, planner);
    if (rates && allowed) injectDeviation(p, allowed, trace, rates, clock.endPos, deviationRng, deviations);
    if (plant && plantInCase(plant, jc, startDay, trace)) plantedCases++;
    events += trace.length;
    if (!p.isEnd[trace.activity[trace.length - 1]!]) openCases++;
    const fristDay = checkDeadlines(planner, p.deadlines, clock, trace, deadlines);
    const input = { p, clock, caseId, subject, jc, trace, fristDay };
    chunk += dirty ? dirtyCaseText(input, i, dirtRng, counts) : cleanCaseText(input);
    if (chunk.length >= CHUNK_CHARS) {
      await sink.write(chunk);
      chunk = '';
      options.onProgress?.(i + 1, cases);
    }
  }
  if (chunk.length > 0) await sink.write(chunk);
  await sink.close();
  options.onProgress?.(cases, cases);
  return {
    process: key,
    seed: String(seed),
    dirty,
    cases,
    events,
    rows: events + counts.duplicates + counts.badRows,
    openCases,
    deadlines,
    plantedDeadlines: planner.planted(),
    bytes: sink.bytes,
    ...counts,
    deviations,
    planted: plant ? { ...plant.change, cases: plantedCases } : null,
  };
}

function pickCumulative(cumulative: Float64Array, u: number): number {
  let i = 0;
  while (i < cumulative.length - 1 && u >= cumulative[i]!) i++;
  return i;
}

/** Tallies the deadline rules for one case; returns the Frist day of the rule that sets it. */
function checkDeadlines(
  planner: DeadlinePlanner,
  rules: readonly { from: number; to: number; setsFrist: boolean }[],
  clock: WorkClock,
  trace: CaseTrace,
  tallies: { cases: number; missed: number }[],
): number | null {
  let frist: number | null = null;
  rules.forEach((rule, r) => {
    let from = -1;
    for (let e = 0; e < trace.length && from < 0; e++) if (trace.activity[e] === rule.from) from = e;
    if (from < 0) return;
    const due = planner.deadlineOf(r, clock.dayNumberAt(trace.pos[from]!));
    if (rule.setsFrist && frist === null) frist = due;
    for (let e = from + 1; e < trace.length; e++) {
      if (trace.activity[e] !== rule.to) continue;
      tallies[r]!.cases++;
      if (clock.dayNumberAt(trace.pos[e]!) > due) tallies[r]!.missed++;
      return;
    }
  });
  return frist;
}
