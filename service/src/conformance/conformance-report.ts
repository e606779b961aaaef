import {
  alignLog,
  compareLabels,
  createAligner,
  discoverVariants,
  replayLog,
  type ActivityMoves,
  type EventLog,
  type LabelComparison,
  type LogAlignment,
} from '@sagsflow/shared';
import type { LoadedModel } from './load-model';
import { usedActivities } from './used-activities';

/** What `sagsflow conformance --json` prints, exactly this shape. */
export interface ConformanceJson {
  model: { tasks: number; places: number; transitions: number };
  alignments: { logFitness: number | null; averageTraceFitness: number | null; fittingTracesPct: number | null };
  tokenReplay: { logFitness: number | null; fittingTracesPct: number | null };
  activities: ActivityMoves[];
}

/** The JSON figures plus what the text report and the store also show. */
export interface ConformanceReport {
  json: ConformanceJson;
  alignment: LogAlignment;
  labels: LabelComparison;
  cases: number;
  variants: number;
}

/**
 * Aligns and replays a log on a model, once per variant. `activities` lists every
 * activity of the log or the model with its log and model moves, most moves first.
 */
export function conformanceReport(
  log: EventLog,
  model: LoadedModel,
  options: { budget?: number; onVariant?: (done: number, total: number) => void } = {},
): ConformanceReport {
  const variants = discoverVariants(log).variants.map((v) => ({ activities: v.activities, cases: v.cases }));
  const aligner = createAligner(model.net, options.budget === undefined ? {} : { budget: options.budget });
  const alignment = alignLog(aligner, variants, (done) => options.onVariant?.(done, variants.length));
  const replay = replayLog(model.net, variants);
  const used = usedActivities(log);
  const labels = compareLabels(model.net, used);
  return {
    json: {
      model: { tasks: model.tasks, places: model.net.places.length, transitions: model.net.transitions.length },
      alignments: {
        logFitness: alignment.logFitness,
        averageTraceFitness: alignment.averageTraceFitness,
        fittingTracesPct: alignment.fittingTracesPct,
      },
      tokenReplay: { logFitness: replay.logFitness, fittingTracesPct: replay.fittingTracesPct },
      activities: activityRows(alignment.activities, [...used, ...aligner.index.labels]),
    },
    alignment,
    labels,
    cases: log.caseIds.length,
    variants: variants.length,
  };
}

function activityRows(moves: readonly ActivityMoves[], names: readonly string[]): ActivityMoves[] {
  const rows = new Map<string, ActivityMoves>();
  for (const name of names) rows.set(name, { activity: name, logMoves: 0, modelMoves: 0 });
  for (const m of moves) rows.set(m.activity, { ...m });
  return [...rows.values()].sort(
    (a, b) => b.logMoves + b.modelMoves - (a.logMoves + a.modelMoves) || (a.activity < b.activity ? -1 : a.activity > b.activity ? 1 : 0),
  );
}
