/** Why a load stored nothing. */
export type IngestErrorCode =
  | 'no-files'
  | 'nothing-loaded'
  | 'read-failed'
  | 'precompute-failed'
  | 'store-failed'
  | 'key-mismatch'
  | 'policy-refused'
  | 'purpose-missing';

/**
 * A load that stored nothing; the previous version of the log is untouched. The message is one
 * line fit to print as it stands, e.g.
 * `ingest extract.csv: nothing could be loaded: all 120 rows were quarantined (bad-timestamp: 120)`.
 */
export class IngestError extends Error {
  override readonly name = 'IngestError';
  readonly code: IngestErrorCode;
  /** Id of the `loads` row that records the failed attempt, when it could be written. */
  loadId: number | null = null;

  constructor(code: IngestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
