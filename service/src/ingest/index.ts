export { ingestFiles } from './ingest-files';
export { IngestError } from './errors';
export type { IngestErrorCode } from './errors';
export type { IngestOptions, IngestProgress, LoadReport, ReadLogFn } from './load-report';
export { contentHash } from './content-hash';
export { checkLoadPolicy, DEFAULT_LOAD_POLICY } from './load-policy';
export type { LoadPolicy } from './load-policy';
