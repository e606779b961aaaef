import { EventLogBuilder } from '../../../shared/src/index';
import type { EventLog } from '../../../shared/src/index';
import { readLog } from '../readers/index';
import type { ColumnMapping, ReadReport, Rejection } from '../readers/index';
import { createProgress } from './progress';

/** A log read into memory, with the reader's report and the first rejections (for display). */
export interface LoadedLog {
  log: EventLog;
  report: ReadReport;
  rejections: Rejection[];
}

const KEPT_REJECTIONS = 20;

/** Streams one file into an in-memory event log, with a progress bar on a terminal. */
export async function loadLogInMemory(file: string, mapping?: ColumnMapping, keepDuplicates?: boolean): Promise<LoadedLog> {
  const builder = new EventLogBuilder();
  const rejections: Rejection[] = [];
  const progress = createProgress('reading');
  try {
    const report = await readLog(file, {
      mapping,
      keepDuplicates,
      sink: {
        onEvent: ({ event: e }) => builder.addEvent(e.caseId, e.activity, e.timestamp, e.resource, e.lifecycle),
        onReject: (rejection) => {
          if (rejections.length < KEPT_REJECTIONS) rejections.push(rejection);
        },
        onProgress: (done, total) => progress.update(done, total),
      },
    });
    return { log: builder.build(), report, rejections };
  } finally {
    progress.stop();
  }
}
