import { MisuseError, quote } from '../errors';

/** Weights of the parts of the automation score (any non-negative numbers; they are normalised by their sum). */
export interface AutomationWeights {
  volume: number;
  predictability: number;
  ruleLike: number;
  caseworkers: number;
  processing: number;
  rework: number;
}

/** Every setting of the findings, with its default in `DEFAULT_FINDINGS_SETTINGS`. */
export interface FindingsSettings {
  /** Minimum group size k: no figure, comparison or finding comes from fewer cases. */
  minGroupSize: number;
  /** How many edges the bottleneck definition marks (ties at the cut are all marked). */
  bottleneckCount: number;
  /** An edge is a bottleneck candidate only when at least this share of all cases takes it (and at least k). */
  bottleneckMinShare: number;
  automationWeights: AutomationWeights;
  /** An activity with an automation score at least this (0..1) is an automation candidate. */
  minAutomationScore: number;
  /** At most this many automation candidates become findings. */
  automationCandidates: number;
  /** Minutes of work per event, for activities the log has no start events for. */
  minutesPerEvent: number;
  /** Cost of one working hour in DKK; null = value automations with the working figure `automationDkk`. */
  hourlyCostDkk: number | null;
  /** Yearly value of an optimised workflow (bottleneck, best practice, rule and model deviations), DKK. */
  optimisedWorkflowDkk: number;
  /** Yearly value of an automation when no hourly cost is set, DKK. */
  automationDkk: number;
  /** Bootstrap resamples for intervals of median differences. */
  bootstrapResamples: number;
  /** Seed of the bootstrap: the same input and seed give the same intervals. */
  seed: number;
  /** At most this many case ids are kept as evidence of one finding (analysts only). */
  evidenceCases: number;
}

/** The defaults: k = 5, 3 bottleneck edges, 10 minutes per event, 100,000 / 200,000 DKK working figures. */
export const DEFAULT_FINDINGS_SETTINGS: Readonly<FindingsSettings> = Object.freeze({
  minGroupSize: 5,
  bottleneckCount: 3,
  bottleneckMinShare: 0.05,
  automationWeights: Object.freeze({ volume: 0.2, predictability: 0.2, ruleLike: 0.25, caseworkers: 0.1, processing: 0.1, rework: 0.15 }),
  minAutomationScore: 0.6,
  automationCandidates: 5,
  minutesPerEvent: 10,
  hourlyCostDkk: null,
  optimisedWorkflowDkk: 100_000,
  automationDkk: 200_000,
  bootstrapResamples: 400,
  seed: 1,
  evidenceCases: 50,
});

/** The defaults overridden by `partial`, checked: a bad value throws a `MisuseError` naming it. */
export function findingsSettings(partial: Partial<FindingsSettings> = {}): FindingsSettings {
  const s: FindingsSettings = {
    ...DEFAULT_FINDINGS_SETTINGS,
    ...partial,
    automationWeights: { ...DEFAULT_FINDINGS_SETTINGS.automationWeights, ...partial.automationWeights },
  };
  const positiveInt = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1)
      throw new MisuseError(`findingsSettings: ${name} must be a whole number of at least 1, got ${quote(v)}`);
  };
  const nonNegative = (name: string, v: number) => {
    if (!Number.isFinite(v) || v < 0) throw new MisuseError(`findingsSettings: ${name} must be a number of at least 0, got ${quote(v)}`);
  };
  positiveInt('minGroupSize', s.minGroupSize);
  positiveInt('bottleneckCount', s.bottleneckCount);
  positiveInt('bootstrapResamples', s.bootstrapResamples);
  nonNegative('automationCandidates', s.automationCandidates);
  nonNegative('evidenceCases', s.evidenceCases);
  nonNegative('minutesPerEvent', s.minutesPerEvent);
  nonNegative('optimisedWorkflowDkk', s.optimisedWorkflowDkk);
  nonNegative('automationDkk', s.automationDkk);
  if (s.hourlyCostDkk !== null) nonNegative('hourlyCostDkk', s.hourlyCostDkk);
  if (!(s.bottleneckMinShare >= 0 && s.bottleneckMinShare <= 1))
    throw new MisuseError(`findingsSettings: bottleneckMinShare must be 0..1, got ${quote(s.bottleneckMinShare)}`);
  if (!(s.minAutomationScore >= 0 && s.minAutomationScore <= 1))
    throw new MisuseError(`findingsSettings: minAutomationScore must be 0..1, got ${quote(s.minAutomationScore)}`);
  let sum = 0;
  for (const [name, w] of Object.entries(s.automationWeights)) {
    nonNegative(`automationWeights.${name}`, w);
    sum += w;
  }
  if (sum <= 0) throw new MisuseError('findingsSettings: automationWeights are all 0, expected at least one positive weight');
  return s;
}
