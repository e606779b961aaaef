import { EventLogBuilder } from '@sagsflow/shared';
import type { EventLog } from '@sagsflow/shared';
import { readEvents } from '../readers/read-events';
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
    const report = await readEvents(file, {
      mapping,
      keepDuplicates,
      sink: {
        event: (caseId, activity, timestamp, resource, lifecycle) => builder.addEvent(caseId, activity, timestamp, resource, lifecycle),
        events: (batch, skip) => builder.addColumns(batch, skip),
        expect: (events) => builder.reserve(builder.eventCount + events),
        reject: (rejection) => {
          if (rejections.length < KEPT_REJECTIONS) rejections.push(rejection);
        },
        progress: (done, total) => progress.update(done, total),
      },
    });
    return { log: builder.build(), report, rejections };
  } finally {
    progress.stop();
  }
}
