/** Defaults of the work-hour estimate (a module of its own: `sagsflow whatif --help` shows them without loading the model). */
export const WHATIF_DEFAULTS = {
  /** Minutes of work per event where the log has no start events to measure processing time. */
  minutesPerEvent: 10,
  resamples: 200,
  seed: 1,
} as const;
