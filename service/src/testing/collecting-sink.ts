import type { AcceptedEvent, ReadSink, Rejection } from '../readers/types';

/** A sink that keeps everything, for tests: accepted events, rejections, duplicate lines, distinct cases. */
export interface CollectingSink extends ReadSink {
  events: AcceptedEvent[];
  rejections: Rejection[];
  duplicateLines: number[];
  cases: Set<string>;
}

export function collectingSink(keepEvents = true): CollectingSink {
  const sink: CollectingSink = {
    events: [],
    rejections: [],
    duplicateLines: [],
    cases: new Set(),
    onEvent(accepted) {
      sink.cases.add(accepted.event.caseId);
      if (keepEvents) sink.events.push(accepted);
    },
    onReject(rejection) {
      sink.rejections.push(rejection);
    },
    onDuplicate(line) {
      sink.duplicateLines.push(line);
    },
  };
  return sink;
}
