/**
 * Readers for event-log extracts: CSV (`.csv`, `.txt`, `.tsv`) and XES (IEEE 1849), each
 * plain or gzip-compressed, streamed so a file is never held in memory whole.
 *
 * - `readLog(file, { sink, mapping?, format?, keepDuplicates? })` drives `sink.onEvent` /
 *   `onReject` / `onDuplicate` / `onProgress` and resolves to a `ReadReport` whose counts add
 *   up (`read === accepted + duplicates + quarantined`). Input problems that stop a read throw
 *   `ReadError` with a one-line message naming file, line and column.
 * - Column mapping: `loadMapping(path)` (validated JSON), `guessMapping(header)`,
 *   `resolveMapping(header, mapping, file)`.
 * - Timestamps: `createTimestampParser({ format?, timezone? })` for many values,
 *   `parseTimestamp(value, options?)` for one.
 *
 * @example
 * import { readLog, loadMapping } from '../readers/index';
 * const mapping = await loadMapping('mapping.json');
 * const report = await readLog('udtraek.csv.gz', {
 *   mapping,
 *   sink: { onEvent: ({ event }) => builder.add(event), onReject: (r) => console.warn(r.message) },
 * });
 */
export { readLog, formatFromName } from './read-log';
export { readEvents } from './read-events';
export { isPlainCsvWithout } from './csv-header';
export type { EventSink, ReadEventsOptions } from './read-events';
export { ReadError } from './errors';
export { loadMapping, parseMapping, columnMappingSchema } from './mapping';
export type { ColumnMapping } from './mapping';
export { guessMapping, normalizeColumnName, looksPersonal, looksCaseLevel } from './guess-mapping';
export { resolveMapping } from './resolve-mapping';
export type { ResolvedMapping, AttributeSpec } from './resolve-mapping';
export { createTimestampParser, parseTimestamp, DEFAULT_TIMEZONE } from './timestamps';
export type { TimestampOptions, TimestampParser } from './timestamps';
export { createLocalTimeConverter } from './tz-offset';
export type { LocalTimeConverter } from './tz-offset';
export { compileTimestampFormat } from './timestamp-format';
export type { DetectedEncoding } from './text-decoder';
export type { Delimiter } from './csv-sniff';
export type {
  AcceptedEvent,
  LogFormat,
  ReadCounts,
  ReadOptions,
  ReadReport,
  ReadSink,
  RecordOutcome,
  Rejection,
  RejectionReason,
} from './types';
