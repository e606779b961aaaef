import { generateLog } from './generate-log';
import type { ProcessKey } from './processes/index';

/** Mean events per case of each process (measured on 100,000 cases), to size a run by events. */
export const EVENTS_PER_CASE: Readonly<Record<ProcessKey, number>> = { akademiker: 10.56, dagpenge: 8.08, rekruttering: 10.06 };

export interface GenerateMeasurement {
  events: number;
  rows: number;
  bytes: number;
  seconds: number;
  eventsPerSecond: number;
  /** Peak resident set size of the whole process so far, MB. */
  peakRssMb: number;
}

/**
 * Times `generateLog` writing about `events` events to `file` (for `npm run bench`).
 *
 * @example
 * const m = await measureGenerate({ process: 'dagpenge', events: 1_000_000, file: '/tmp/d.csv' });
 * console.log(`${m.eventsPerSecond} events/s, peak ${m.peakRssMb} MB`);
 */
export async function measureGenerate(options: {
  process: ProcessKey;
  events: number;
  file: string;
  dirty?: boolean;
  seed?: string | number;
}): Promise<GenerateMeasurement> {
  const cases = Math.max(1, Math.round(options.events / EVENTS_PER_CASE[options.process]));
  const started = performance.now();
  const report = await generateLog({
    process: options.process,
    cases,
    seed: options.seed ?? 'bench',
    dirty: options.dirty === true,
    out: options.file,
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    events: report.events,
    rows: report.rows,
    bytes: report.bytes,
    seconds,
    eventsPerSecond: Math.round(report.events / seconds),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
