export { readLog, formatFromName } from './read-log';
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
  AcceptedEvent, LogFormat, ReadCounts, ReadOptions, ReadReport, ReadSink, RecordOutcome, Rejection, RejectionReason,
} from './types';
