import { readCsv } from './csv-reader';
import { ReadError } from './errors';
import type { ColumnMapping } from './mapping';
import { openLog } from './open-log';
import { compileTimestampFormat } from './timestamp-format';
import { DEFAULT_TIMEZONE } from './timestamps';
import { createLocalTimeConverter } from './tz-offset';
import { ReadTally } from './tally';
import type { LogFormat, ReadOptions, ReadReport } from './types';

const PROGRESS_STEP = 1 << 22;

/** The format named by a file's extension (`.csv`, `.txt`, `.tsv`, `.xes`, each optionally `.gz`), or null. */
export function formatFromName(file: string): LogFormat | null {
  const name = file.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.xes')) return 'xes';
  if (name.endsWith('.csv') || name.endsWith('.txt') || name.endsWith('.tsv')) return 'csv';
  return null;
}

/**
 * Streams an event log (CSV or XES, plain or gzip) into `options.sink` and reports what
 * happened. Every record lands in exactly one place, accepted, duplicate or quarantined,
 * and the report's counts add up. Input problems that stop the read (missing file, no
 * header, missing required column, malformed XML) throw a `ReadError` with a one-line message.
 *
 * @example
 * const report = await readLog('extract.csv', {
 *   sink: { onEvent: ({ event }) => builder.add(event), onReject: (r) => rejects.push(r) },
 * });
 * report.rows; // { read: 1000, accepted: 990, duplicates: 4, quarantined: 6 }
 */
export async function readLog(file: string, options: ReadOptions): Promise<ReadReport> {
  if (options.mapping) checkMapping(file, options.mapping);
  const opened = await openLog(file, options.gzipLimits);
  let tally = new ReadTally(file, options.sink);
  let lastProgress = 0;
  const onChunk = (): void => {
    const bytes = opened.bytesRead();
    if (options.sink.onProgress && bytes - lastProgress >= PROGRESS_STEP) {
      lastProgress = bytes;
      options.sink.onProgress(bytes, opened.size);
    }
  };
  try {
    const first = await opened.chunks.next();
    if (first.done) throw new ReadError(file, 'the file is empty');
    const format = options.format ?? formatFromName(file) ?? sniffFormat(first.value);
    const keep = options.keepDuplicates ?? format === 'xes';
    tally = new ReadTally(file, options.sink, keep);
    const chunks = prepend(first.value, opened.chunks);
    const base = {
      file,
      format,
      compressed: opened.compressed,
      rows: tally.counts,
      quarantinedByReason: tally.byReason,
      bytes: opened.size,
      duplicatePolicy: keep ? ('keep' as const) : ('drop' as const),
      identical: 0,
    };
    let report: ReadReport;
    if (format === 'xes') {
      // The XES reader (and its XML parser) is loaded only for an XES file: a CSV load's reader worker starts sooner.
      const { readXes } = await import('./xes');
      const facts = await readXes(file, chunks, options.mapping, tally, onChunk);
      const m = facts.mapping;
      const columns = [
        ...new Set(
          [m.case, m.activity, m.timestamp, m.endTimestamp, m.resource, m.lifecycle, m.jobcenter, ...(m.attributes ?? [])].filter(
            (c): c is string => !!c,
          ),
        ),
      ];
      report = { ...base, encoding: facts.encoding, delimiter: null, mapping: m, mappingGuessed: options.mapping === undefined, columns };
    } else {
      const split = opened.compressed ? undefined : options.split;
      // A gzip file's size says little about its records: its table grows as it reads.
      const facts = await readCsv(file, chunks, options.mapping, tally, onChunk, split, opened.compressed ? 0 : opened.size);
      report = {
        ...base,
        encoding: facts.encoding,
        delimiter: facts.delimiter,
        mapping: facts.resolved.mapping,
        mappingGuessed: facts.resolved.guessed,
        columns: facts.resolved.header,
      };
    }
    options.sink.onProgress?.(opened.size, opened.size);
    report.identical = tally.identical;
    return report;
  } finally {
    opened.close();
  }
}

/** Checks what would otherwise fail deep inside a read: the time zone and the timestamp format. */
function checkMapping(file: string, mapping: ColumnMapping): void {
  try {
    createLocalTimeConverter(mapping.timezone ?? DEFAULT_TIMEZONE);
  } catch (cause) {
    throw new ReadError(
      file,
      `mapping: unknown time zone ${JSON.stringify(mapping.timezone)} (expected an IANA name such as "Europe/Copenhagen")`,
      { cause },
    );
  }
  try {
    if (mapping.timestampFormat) compileTimestampFormat(mapping.timestampFormat);
  } catch (cause) {
    throw new ReadError(file, `mapping: timestampFormat: ${(cause as Error).message}`, { cause });
  }
}

function sniffFormat(head: Buffer): LogFormat {
  const text = head
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\u00EF\u00BB\u00BF/, '')
    .trimStart();
  return text.startsWith('<') ? 'xes' : 'csv';
}

function prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncIterator<Buffer> {
  let pending: Buffer | null = first;
  return {
    next: async () => {
      if (pending !== null) {
        const value = pending;
        pending = null;
        return { done: false, value };
      }
      return rest.next();
    },
  };
}
