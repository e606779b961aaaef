import { closeSync, openSync, readSync } from 'node:fs';
import { EventLogBuilder, type EventLog } from '@sagsflow/shared';
import { formatFromName, readEvents, readLog, type ColumnMapping, type ReadReport } from '../readers/index';

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
  const reports: ReadReport[] = [];
  for (const [index, file] of files.entries()) {
    const onProgress = (done: number, total: number) => options.onProgress?.(index, done, total);
    if (!needsAttributes(file, wanted)) {
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

/** The head of a file read to find its header line. */
const HEAD_BYTES = 1 << 16;

/**
 * Whether reading `file` may need the attributes `wanted` (other than the jobcenter), so it must
 * go through `readLog`: true unless it is a plain (not gzip) CSV file whose first line mentions
 * none of them (compared case-insensitively, as UTF-8 and as Latin-1 text).
 */
function needsAttributes(file: string, wanted: readonly string[]): boolean {
  const names = wanted.filter((w) => w !== JOBCENTER).map((w) => w.toLowerCase());
  if (formatFromName(file) !== 'csv') return true;
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      head = buffer.subarray(0, readSync(fd, buffer, 0, HEAD_BYTES, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return true; // readLog reports why the file cannot be read
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  if (names.length === 0) return false;
  const end = head.indexOf(10);
  if (end < 0) return true;
  const line = head.subarray(0, end);
  const texts = [line.toString('utf8').toLowerCase(), line.toString('latin1').toLowerCase()];
  return names.some((name) => texts.some((text) => text.includes(name)));
}
