import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { isPlainCsvWithout, readEvents, readLog, type ColumnMapping, type ReadReport } from '../readers/index';

/** The case attribute holding the jobcenter (as the ingest sink names it). */
export const JOBCENTER = 'jobcenter';

/** Options of `loadRuleLog`. */
export interface LoadRuleLogOptions {
  mapping?: ColumnMapping | undefined;
  /** Case attributes to keep (the catalogue's `where` attributes); the jobcenter is always kept. */
  caseAttributes: ReadonlySet<string>;
  onProgress?: (file: number, done: number, total: number) => void;
}

/**
 * Reads one or more extracts into one in-memory event log for rule checking: events with
 * their resource and lifecycle, the jobcenter, and only the case attributes the rules need.
 * Events of a case from several files are merged in time order (file order among equal times).
 * A plain CSV file whose header names none of those attributes is read with `readEvents` (a
 * large one on two threads), carrying only the jobcenter; any other file with `readLog`.
 */
export async function loadRuleLog(
  files: readonly string[],
  options: LoadRuleLogOptions,
): Promise<{ log: EventLog; reports: ReadReport[] }> {
  const builder = new EventLogBuilder();
  const wanted = [...options.caseAttributes];
  const attributes = wanted.filter((w) => w !== JOBCENTER);
  const reports: ReadReport[] = [];
  for (const [index, file] of files.entries()) {
    const onProgress = (done: number, total: number) => options.onProgress?.(index, done, total);
    if (isPlainCsvWithout(file, attributes)) {
      reports.push(
        await readEvents(file, {
          mapping: options.mapping,
          jobcenter: true,
          sink: {
            event: (caseId, activity, timestamp, resource, lifecycle, jobcenter) => {
              builder.addEvent(caseId, activity, timestamp, resource, lifecycle);
              if (jobcenter !== null) builder.setCaseAttribute(JOBCENTER, jobcenter);
            },
            reject: () => {},
            progress: onProgress,
          },
        }),
      );
      continue;
    }
    reports.push(
      await readLog(file, {
        mapping: options.mapping,
        sink: {
          onEvent: ({ event: e, jobcenter }) => {
            builder.addEvent(e.caseId, e.activity, e.timestamp, e.resource, e.lifecycle);
            if (jobcenter !== null) builder.setCaseAttribute(JOBCENTER, jobcenter);
            if (wanted.length > 0) {
              for (const name of wanted) {
                const value = e.caseAttributes?.[name] ?? e.eventAttributes?.[name];
                if (value !== undefined) builder.setCaseAttribute(name, value);
              }
            }
          },
          onReject: () => {},
          onProgress,
        },
      }),
    );
  }
  return { log: builder.build(), reports };
}
