import type { RawEvent } from '@sagsflow/shared';
import type { CsvTokenizer, RecordHandler } from './csv-tokenizer';
import type { CaseRunDuplicates } from './case-run-duplicates';
import { RecordHashSet } from './record-hash-set';
import type { ResolvedMapping } from './resolve-mapping';
import { quote, type ReadTally } from './tally';
import { createTimestampParser } from './timestamps';

/** What a CSV row handler needs to know besides the row. */
export interface CsvRowContext {
  resolved: ResolvedMapping;
  width: number;
  delimiter: string;
  tally: ReadTally;
  /** True once the decoder has replaced invalid UTF-8 bytes (then rows are checked for U+FFFD). */
  sawInvalidBytes: () => boolean;
  /** The tokenizer's view of the current record's text and hash (see `CsvTokenizer.recordText`, `recordHashed`), for a faster duplicate check. */
  source?: Pick<CsvTokenizer, 'recordText' | 'recordFrom' | 'recordTo' | 'recordHashed' | 'recordHash1' | 'recordHash2' | 'recordLast'>;
  /** The set of record hashes for the duplicate check (default: a new one). */
  seen?: RecordHashSet;
  /** The duplicate check by case run over `caseRuns.seen` (then `seen` is not used); default: by `seen` alone. */
  caseRuns?: CaseRunDuplicates;
}

const TIMESTAMP_HINT = 'expected e.g. 2024-03-01T09:15:00+01:00, 2024-03-01 09:15, 01-03-2024 09:15 or an Excel serial';

/**
 * Turns each data record into an accepted event, a duplicate or a rejection, in this order
 * of checks: unterminated quote, column count, encoding, exact duplicate, case, activity,
 * timestamp, end timestamp.
 */
export function createCsvRowHandler(ctx: CsvRowContext): RecordHandler {
  const { resolved, width, delimiter, tally, source } = ctx;
  const { index, mapping } = resolved;
  const runs = ctx.caseRuns ?? null;
  const seen = runs?.seen ?? ctx.seen ?? new RecordHashSet();
  const parse = createTimestampParser({ format: mapping.timestampFormat, timezone: mapping.timezone });
  const hint = mapping.timestampFormat
    ? `expected the mapping's timestampFormat ${quote(mapping.timestampFormat)} or ISO 8601`
    : TIMESTAMP_HINT;
  const attributes = new RowAttributes(resolved.attributes);
  /**
   * The case field of the record before: an equal field is replaced by it, so that the checks
   * downstream for "same case as the row before" (the duplicate check's run, the load's case) find
   * one string compared with itself instead of comparing their characters again.
   */
  let lastCaseField: string | null = null;

  return (fields, line, problem) => {
    if (problem !== null) {
      tally.reject(line, null, 'bad-record', `quoted field opened on line ${line} is never closed`, fields.join(delimiter));
      return;
    }
    if (fields.length !== width) {
      tally.reject(line, null, 'column-count', `expected ${width} fields as in the header, got ${fields.length}`, fields.join(delimiter));
      return;
    }
    if (ctx.sawInvalidBytes()) {
      const bad = fields.findIndex((f) => f.includes('\uFFFD'));
      if (bad >= 0) {
        const column = resolvedColumn(resolved, bad);
        tally.reject(line, column, 'bad-encoding', `invalid UTF-8 bytes in ${quote(fields[bad] as string)}`, fields.join(delimiter));
        return;
      }
    }
    const text = source?.recordText ?? null;
    if (text === null) seen.delimitedHash(fields, delimiter);
    else if (source!.recordHashed)
      seen.textHash(source!.recordHash1, source!.recordHash2, source!.recordLast, source!.recordTo - source!.recordFrom);
    else seen.textRangeHash(text, source!.recordFrom, source!.recordTo);
    let caseField = fields[index.case] as string;
    if (caseField === lastCaseField) caseField = lastCaseField;
    else lastCaseField = caseField;
    const fresh = runs !== null ? runs.add(caseField) : seen.addHash(seen.lastHigh, seen.lastLow);
    if (!fresh) {
      if (!tally.keepDuplicates) {
        tally.duplicate(line, fields.join(delimiter));
        return;
      }
      tally.identicalKept();
    }
    const caseId = trimmed(caseField);
    if (caseId === '') {
      tally.reject(line, mapping.case, 'missing-case', 'the case id is empty', fields.join(delimiter));
      return;
    }
    const activity = trimmed(fields[index.activity] as string);
    if (activity === '') {
      tally.reject(line, mapping.activity, 'missing-activity', 'the activity is empty', fields.join(delimiter));
      return;
    }
    const rawTime = fields[index.timestamp] as string;
    const timestamp = parse(rawTime);
    if (Number.isNaN(timestamp)) {
      const empty = rawTime.trim() === '';
      tally.reject(
        line,
        mapping.timestamp,
        empty ? 'missing-timestamp' : 'bad-timestamp',
        empty ? 'the timestamp is empty' : `cannot read timestamp ${quote(rawTime)} (${hint})`,
        fields.join(delimiter),
      );
      return;
    }
    let endTimestamp: number | null = null;
    if (index.endTimestamp >= 0) {
      const rawEnd = (fields[index.endTimestamp] as string).trim();
      if (rawEnd !== '') {
        endTimestamp = parse(rawEnd);
        if (Number.isNaN(endTimestamp)) {
          tally.reject(
            line,
            mapping.endTimestamp ?? null,
            'bad-timestamp',
            `cannot read end timestamp ${quote(rawEnd)} (${hint})`,
            fields.join(delimiter),
          );
          return;
        }
      }
    }
    const jobcenter = attributes.read(fields, optional(fields, index.jobcenter));
    const resource = optional(fields, index.resource);
    const lifecycle = optional(fields, index.lifecycle);
    const { caseAttributes, eventAttributes } = attributes;
    // One literal for each set of keys (no property added afterwards: no second allocation for it).
    const event: RawEvent = caseAttributes
      ? eventAttributes
        ? { caseId, activity, timestamp, resource, lifecycle, caseAttributes, eventAttributes }
        : { caseId, activity, timestamp, resource, lifecycle, caseAttributes }
      : eventAttributes
        ? { caseId, activity, timestamp, resource, lifecycle, eventAttributes }
        : { caseId, activity, timestamp, resource, lifecycle };
    tally.accept({ event, line, endTimestamp, jobcenter });
  };
}

/**
 * A row's case and event attributes (empty values left out, the jobcenter as the case attribute
 * `jobcenter`). Rows of a case repeat their case attributes, and often their event attributes:
 * while a level's values equal the row before's, that level's (read-only) object is handed out again.
 */
class RowAttributes {
  caseAttributes: Record<string, string> | undefined;
  eventAttributes: Record<string, string> | undefined;
  private readonly values: string[];
  private jobcenter: string | null = null;
  private started = false;

  constructor(private readonly specs: ResolvedMapping['attributes']) {
    this.values = specs.map(() => '');
  }

  /**
   * Reads the row's attributes; returns `jobcenter`, or the row before's jobcenter when equal (one
   * string for the run of rows, so the load's memo of the last jobcenter compares it with itself).
   */
  read(fields: readonly string[], jobcenter: string | null): string | null {
    const { specs, values } = this;
    let caseSame = this.started && jobcenter === this.jobcenter;
    if (caseSame) jobcenter = this.jobcenter;
    let eventSame = this.started;
    for (let a = 0; a < specs.length; a++) {
      const spec = specs[a]!;
      const value = trimmed(fields[spec.index] as string);
      if (value === values[a]) continue;
      values[a] = value;
      if (spec.level === 'case') caseSame = false;
      else eventSame = false;
    }
    this.started = true;
    this.jobcenter = jobcenter;
    if (!caseSame) this.caseAttributes = this.build('case', jobcenter);
    if (!eventSame) this.eventAttributes = this.build('event', null);
    return jobcenter;
  }

  private build(level: 'case' | 'event', jobcenter: string | null): Record<string, string> | undefined {
    const { specs, values } = this;
    let out: Record<string, string> | undefined;
    for (let a = 0; a < specs.length; a++) {
      const spec = specs[a]!;
      if (spec.level === level && values[a] !== '') (out ??= {})[spec.key] = values[a]!;
    }
    if (jobcenter !== null) (out ??= {})['jobcenter'] = jobcenter;
    return out;
  }
}

function trimmed(v: string): string {
  const n = v.length;
  return n > 0 && (v.charCodeAt(0) <= 32 || v.charCodeAt(n - 1) <= 32) ? v.trim() : v;
}

function optional(fields: readonly string[], i: number): string | null {
  if (i < 0) return null;
  const v = trimmed(fields[i] as string);
  return v === '' ? null : v;
}

function resolvedColumn(resolved: ResolvedMapping, i: number): string | null {
  for (const [role, at] of Object.entries(resolved.index)) {
    if (at === i) return resolved.mapping[role as 'case'] ?? null;
  }
  return resolved.attributes.find((a) => a.index === i)?.column ?? null;
}
