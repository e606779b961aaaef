import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { SagsflowDatabase } from '../db/client';
import { maskCpr } from '../privacy/index';
import { IngestError } from './errors';
import type { IngestOptions, IngestProgress } from './load-report';

/** What every step of one `ingestFiles` call works with: the request, its clock, its files and its progress callback. */
export interface LoadRun {
  store: SagsflowDatabase;
  options: IngestOptions;
  now: () => Date;
  startedAt: number;
  files: string[];
  /** The file names with CPR masked (the load row, progress, messages). */
  names: string[];
  /** `ingest <files>`: the head of every message. */
  what: string;
  bytesTotal: number;
  progress: (phase: IngestProgress['phase'], file: string | null, fileIndex: number, bytesRead: number) => void;
}

/**
 * Starts the clock of a load and describes it: its files, their CPR-masked names, the message
 * head and the summed size (a missing file stops the load here, before anything is written).
 */
export function describeLoad(store: SagsflowDatabase, options: IngestOptions): LoadRun {
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  const files = [...options.files];
  // File names can hold CPR numbers and names: CPR is masked from the start (the load row,
  // messages); names are pseudonymised once the load has read the values it pseudonymises.
  const names = files.map((f) => maskCpr(basename(f)));
  const what = `ingest ${names.join(', ') || '(no files)'}`;
  const bytesTotal = totalBytes(files, what);
  const progress: LoadRun['progress'] = (phase, file, fileIndex, bytesRead) =>
    options.onProgress?.({ phase, file, fileIndex, files: files.length, bytesRead, bytesTotal });
  return { store, options, now, startedAt, files, names, what, bytesTotal, progress };
}

/** The summed size of the files; a missing or unreadable file stops the load before anything is written. */
function totalBytes(files: readonly string[], what: string): number {
  if (files.length === 0) throw new IngestError('no-files', `${what}: no input files given`);
  let bytes = 0;
  for (const f of files) {
    try {
      bytes += statSync(f).size;
    } catch {
      throw new IngestError('read-failed', `${what}: cannot read ${f} (no such file or not readable)`);
    }
  }
  return bytes;
}
