import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { ByteInterner } from './byte-interner';
import { MAX_FIELD_CHARS } from './csv-reader';
import type { BlockEvents, BlockPlan, BlockRequest, BlockResult } from './csv-part';
import { createCsvRowHandler } from './csv-row';
import { CsvTokenizer } from './csv-tokenizer';
import { ReadError } from './errors';
import { RecordHashSet, TEXT_SEED_1, TEXT_SEED_2 } from './record-hash-set';
import { resolveMapping, type ResolvedMapping } from './resolve-mapping';
import { ReadTally } from './tally';
import { looksUtf8From, type DetectedEncoding } from './text-decoder';
import { decodeWin1252 } from './win1252';
import { createByteTimestampParser, type ByteTimestampParser } from './timestamps';
import type { Rejection } from './types';

const CHUNK = 1 << 20;
/** A line is scanned once it is in the buffer whole, as any line shorter than this is. */
const LOOK_AHEAD = 1 << 14;
const LF = 10;
const CR = 13;
const QUOTE = 34;

/**
 * Reads one block of a CSV file (see `BlockPlan`) from its bytes, for mining in memory: the
 * records of `readCsv` with the same outcome for each (event, duplicate or rejection), found
 * without a string per field. A line that is plainly an event (no quote, no stray CR, the
 * header's field count, valid UTF-8 or ASCII, non-empty untrimmed case and activity, a
 * readable timestamp) is split, hashed (the duplicate check's `addText` hash, over the line's
 * UTF-16 code units as they are decoded), interned and parsed from the bytes. Every other
 * record is decoded and handed to the CSV tokenizer and row handler, as `readCsv` would.
 */
export function readCsvBlock(plan: BlockPlan, request: BlockRequest): BlockResult {
  try {
    return new BlockReader(plan, request).read();
  } catch (error) {
    return { ok: false, index: request.index, message: error instanceof Error ? error.message : String(error) };
  }
}

/** `readCsvBlock`, throwing what stops the read (a `ReadError` naming the file and line) instead of returning it. */
export function readCsvBlockOrThrow(plan: BlockPlan, request: BlockRequest): BlockResult {
  return new BlockReader(plan, request).read();
}

class BlockReader {
  private readonly fd: number;
  private size: number;
  private buf: Buffer = Buffer.alloc(0);
  /** File offset of `buf[0]`, and the bytes of `buf` read. */
  private base: number;
  private len = 0;
  private encoding: DetectedEncoding | null;
  private decided = false;
  private line = 1;
  private readonly cases = new ByteInterner();
  private readonly activities = new ByteInterner();
  private readonly resources = new ByteInterner();
  private readonly lifecycles = new ByteInterner();
  private readonly jobcenters = new ByteInterner();
  private count = 0;
  private caseOf: Uint32Array;
  private activityOf: Uint32Array;
  private resourceOf: Int32Array;
  private lifecycleOf: Int32Array;
  /** Each event's jobcenter id (-1: none), when the plan carries it. */
  private jobcenterOf: Int32Array | null;
  private time: Float64Array;
  private readonly rejections: Rejection[] = [];
  private firstHashes: Uint32Array;
  private firstOutcomes: Int32Array;
  private firsts = 0;
  /** The block's own duplicate check: one set serves the blocks a thread reads one after another. */
  private readonly seen = spareSeen;
  /**
   * While true, the duplicate check is by case run: two equal records have the same case id, so
   * while each case's records come together (as in most extracts), a record is compared only with
   * the hashes of its case's run so far (`run`). A case coming back after another, a long run or a
   * record for the string reader moves the check to `seen` for the rest of the block. (As with
   * `CrossBlockCases`, only a 64-bit hash collision between records of different cases is told
   * apart where the table would have taken it for a duplicate.)
   */
  private byRun = true;
  private runCase = -1;
  private run = new Uint32Array(2 * MAX_RUN);
  private runLength = 0;
  private readonly tally: ReadTally;
  private readonly handleRow: ReturnType<typeof createCsvRowHandler>;
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly resolved: ResolvedMapping;
  private seenBefore = 0;

  constructor(
    private readonly plan: BlockPlan,
    private readonly request: BlockRequest,
  ) {
    this.fd = openSync(plan.file, 'r');
    this.size = fstatSync(this.fd).size;
    this.base = request.exact ? request.from : Math.max(0, request.from - 1);
    this.encoding = request.encoding;
    this.line = request.firstLine ?? 1;
    const guess = Math.max(1024, ((request.to - request.from) / 48) | 0);
    this.caseOf = new Uint32Array(guess);
    this.activityOf = new Uint32Array(guess);
    this.resourceOf = new Int32Array(guess);
    this.lifecycleOf = new Int32Array(guess);
    this.jobcenterOf = plan.jobcenter ? new Int32Array(guess) : null;
    this.time = new Float64Array(guess);
    // Sized like the columns: growing them in the hot loop would send it back to be compiled again.
    this.firstHashes = new Uint32Array(2 * guess);
    this.firstOutcomes = new Int32Array(guess);
    this.tally = new ReadTally(
      plan.file,
      {
        // The slow path's events: the row handler has just added the record's hash to `seen`, when new.
        onEvent: ({ event, jobcenter }) =>
          this.pushNoted(
            this.cases.internText(event.caseId),
            this.activities.internText(event.activity),
            event.timestamp,
            event.resource == null ? -1 : this.resources.internText(event.resource),
            event.lifecycle == null ? -1 : this.lifecycles.internText(event.lifecycle),
            jobcenter === null || this.jobcenterOf === null ? -1 : this.jobcenters.internText(jobcenter),
          ),
        onReject: (rejection) => {
          this.rejections.push(rejection);
          this.noteFirst(-this.rejections.length);
        },
      },
      plan.keepDuplicates,
    );
    this.resolved = resolveMapping(plan.head.header, plan.mapping, plan.file);
    this.handleRow = createCsvRowHandler({
      resolved: this.resolved,
      width: plan.head.header.length,
      delimiter: plan.head.delimiter,
      tally: this.tally,
      // Sequentially, a record holding U+FFFD is always checked: the decoder has seen it in its chunk by then.
      sawInvalidBytes: () => this.encoding === 'utf-8' || this.encoding === 'utf-8-bom',
      seen: this.seen,
    });
  }

  read(): BlockResult {
    try {
      this.fill(Math.min(this.size, this.request.to + (1 << 16)) - this.base);
      let p = 0;
      if (!this.request.exact) {
        let lf = this.lineFeed(0);
        while (lf < 0 && this.base + this.len < this.request.to) {
          const shift = this.more(this.len);
          if (shift < 0) break;
          lf = this.lineFeed(0);
        }
        p = lf < 0 ? this.len : lf + 1;
      }
      const start = this.base + p;
      p = this.records(p);
      return this.result(start, this.base + p);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Reads the block's records from line start `p`; returns the index just after the last one. */
  private records(p: number): number {
    const { plan, request } = this;
    const width = plan.head.header.length;
    const resolved = this.resolved;
    const { index } = resolved;
    const parse = timestampParser(resolved.mapping.timestampFormat, resolved.mapping.timezone);
    const delimiter = plan.head.delimiter.charCodeAt(0);
    const keep = plan.keepDuplicates;
    const starts = new Int32Array(width + 1);
    const seen = this.seen;
    const counts = this.tally.counts;
    const jobcenterColumn = this.jobcenterOf === null ? -1 : index.jobcenter;
    // The last event's case id and where its case field lies in `buf` (lines of one case come together).
    let lastCase = -1;
    let lastCs = 0;
    let lastLength = 0;
    while (this.base + p < request.to) {
      if (this.len - p < LOOK_AHEAD && this.more(p) >= 0) {
        p = 0;
        lastCase = -1;
      }
      if (p >= this.len) break;
      const buf = this.buf;
      const len = this.len;
      // Split, check and hash the line in one pass up to its line feed; any doubt sends the record to the slow path.
      let h1 = TEXT_SEED_1;
      let h2 = TEXT_SEED_2;
      let held = -1;
      let units = 0;
      let fields = 1;
      let plain = true;
      let end = len;
      let next = len;
      starts[0] = p;
      for (let i = p; i < len; i++) {
        let c = buf[i] as number;
        // Two plain ASCII bytes at once (most of a line): one step of the hash, no other test.
        if (held < 0 && c > QUOTE && c < 0x80 && c !== delimiter && i + 1 < len) {
          const d = buf[i + 1] as number;
          if (d > QUOTE && d < 0x80 && d !== delimiter) {
            const pair = c | (d << 16);
            h1 = Math.imul(h1 ^ pair, 0x01000193);
            h2 = Math.imul(h2 + pair, 0x5bd1e995);
            units += 2;
            i++;
            continue;
          }
        }
        if (c < 0x80) {
          if (c <= QUOTE || c === delimiter) {
            if (c === LF) {
              end = i;
              next = i + 1;
              break;
            }
            if (c === delimiter) {
              if (fields === width) {
                plain = false;
                break;
              }
              starts[fields++] = i + 1;
            } else if (c === CR) {
              if (i + 1 === len || buf[i + 1] !== LF) {
                plain = false;
                break;
              }
              end = i;
              next = i + 2;
              break;
            } else if (c === QUOTE) {
              plain = false;
              break;
            }
          }
        } else {
          if (this.encoding === null) this.decide(i);
          if (this.encoding === 'windows-1252' || i + 2 >= len) {
            plain = false;
            break;
          }
          const c1 = buf[i + 1] as number;
          if (c >= 0xc2 && c <= 0xdf && (c1 & 0xc0) === 0x80) {
            c = ((c & 0x1f) << 6) | (c1 & 0x3f);
            i += 1;
          } else {
            const c2 = buf[i + 2] as number;
            if (
              c >= 0xe0 &&
              c <= 0xef &&
              (c1 & 0xc0) === 0x80 &&
              (c2 & 0xc0) === 0x80 &&
              (c !== 0xe0 || c1 >= 0xa0) &&
              (c !== 0xed || c1 <= 0x9f)
            ) {
              c = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
              i += 2;
              // U+FFFD marks the row for the encoding check: the slow path decides it.
              if (c === 0xfffd) {
                plain = false;
                break;
              }
            } else {
              plain = false;
              break;
            }
          }
        }
        if (held < 0) held = c;
        else {
          const pair = held | (c << 16);
          h1 = Math.imul(h1 ^ pair, 0x01000193);
          h2 = Math.imul(h2 + pair, 0x5bd1e995);
          held = -1;
        }
        units++;
      }
      if (plain && end === len && this.base + len < this.size) {
        // A line longer than the look-ahead: read on and scan it again.
        if (this.more(p) >= 0) {
          p = 0;
          lastCase = -1;
        }
        continue;
      }
      if (plain && end === p) {
        // An empty line is no record.
        this.line++;
        p = next;
        continue;
      }
      starts[fields] = end + 1;
      let timestamp = NaN;
      if (plain && fields === width) {
        const cs = starts[index.case]!;
        const ce = starts[index.case + 1]! - 1;
        const as = starts[index.activity]!;
        const ae = starts[index.activity + 1]! - 1;
        if (ce > cs && buf[cs]! > 32 && buf[ce - 1]! > 32 && ae > as && buf[as]! > 32 && buf[ae - 1]! > 32) {
          timestamp = parse(buf, starts[index.timestamp]!, starts[index.timestamp + 1]! - 1);
          if (timestamp === timestamp && index.endTimestamp >= 0) {
            const es = starts[index.endTimestamp]!;
            const ee = starts[index.endTimestamp + 1]! - 1;
            if (ee > es && (buf[es]! <= 32 || buf[ee - 1]! <= 32 || Number.isNaN(parse(buf, es, ee)))) timestamp = NaN;
          }
          let resource = -1;
          let lifecycle = -1;
          if (timestamp === timestamp && index.resource >= 0) {
            resource = this.optional(this.resources, buf, starts, index.resource);
            if (resource === -2) timestamp = NaN;
          }
          if (timestamp === timestamp && index.lifecycle >= 0) {
            lifecycle = this.optional(this.lifecycles, buf, starts, index.lifecycle);
            if (lifecycle === -2) timestamp = NaN;
          }
          let jobcenter = -1;
          if (timestamp === timestamp && jobcenterColumn >= 0) {
            jobcenter = this.optional(this.jobcenters, buf, starts, jobcenterColumn);
            if (jobcenter === -2) timestamp = NaN;
          }
          if (timestamp === timestamp) {
            // The case first (a duplicate's case is in the block already, so this makes no new id).
            const length = ce - cs;
            let sameCase = lastCase >= 0 && length === lastLength;
            for (let i = 0; sameCase && i < length; i++) sameCase = buf[cs + i] === buf[lastCs + i];
            if (!sameCase) {
              const before = this.cases.values.length;
              lastCase = this.cases.intern(buf, cs, ce);
              if (this.byRun && lastCase !== this.runCase) {
                if (lastCase === before) {
                  this.runCase = lastCase;
                  this.runLength = 0;
                } else this.toTable();
              }
            }
            lastCs = cs;
            lastLength = length;
            const fresh = this.byRun
              ? this.addToRun(h1, h2, held < 0 ? 0 : held, units)
              : seen.addTextHash(h1, h2, held < 0 ? 0 : held, units);
            if (!fresh && !keep) {
              this.tally.duplicate(this.line, '');
            } else {
              if (!fresh) this.tally.identicalKept();
              counts.read++;
              counts.accepted++;
              const event = this.push(lastCase, this.activities.intern(buf, as, ae), timestamp, resource, lifecycle, jobcenter);
              if (fresh) this.noteFirstHash(event);
            }
            this.line++;
            p = next;
            continue;
          }
        }
      }
      p = this.slowRecord(p);
      lastCase = -1;
    }
    return p;
  }

  /** An optional field's id (-1: empty), or -2 when it needs trimming (the slow path). */
  private optional(interner: ByteInterner, buf: Buffer, starts: Int32Array, column: number): number {
    const s = starts[column]!;
    const e = starts[column + 1]! - 1;
    if (e === s) return -1;
    if (buf[s]! <= 32 || buf[e - 1]! <= 32) return -2;
    return interner.intern(buf, s, e);
  }

  /** Reads the record at line start `p` as `readCsv` does: decoded, tokenized and handled by the row handler. */
  private slowRecord(p: number): number {
    // The row handler checks duplicates in `seen`.
    if (this.byRun) this.toTable();
    const tokenizer = new CsvTokenizer(this.plan.head.delimiter.charCodeAt(0), this.handleRow, this.line);
    let q = p;
    for (;;) {
      let lf = this.lineFeed(q);
      while (lf < 0) {
        const shift = this.more(q);
        if (shift < 0) break;
        q -= shift;
        lf = this.lineFeed(q);
      }
      const e = lf < 0 ? this.len : lf + 1;
      tokenizer.push(this.decode(q, e));
      if (tokenizer.pendingChars > MAX_FIELD_CHARS) {
        throw new ReadError(
          this.plan.file,
          `a quoted field runs on for more than ${MAX_FIELD_CHARS / (1 << 20)} M characters: a closing quote is probably missing`,
          { line: tokenizer.recordLine },
        );
      }
      q = e;
      if (lf < 0) {
        tokenizer.end();
        break;
      }
      if (tokenizer.atRecordStart) break;
    }
    this.line = tokenizer.recordLine;
    return q;
  }

  /** The text of `buf[from, to)` in the file's encoding (deciding it at a first non-ASCII byte). */
  private decode(from: number, to: number): string {
    const buf = this.buf;
    if (this.encoding === null) {
      for (let i = from; i < to; i++) {
        if (buf[i]! >= 0x80) {
          this.decide(i);
          break;
        }
      }
    }
    if (this.encoding === null) return buf.toString('latin1', from, to);
    if (this.encoding === 'windows-1252') return decodeWin1252(buf.subarray(from, to));
    return this.utf8.decode(buf.subarray(from, to));
  }

  /**
   * Decides the encoding at the file's first non-ASCII byte `buf[i]` as `AutoDecoder` does in a
   * sequential read: from the bytes of its 1 MB read chunk from there on.
   */
  private decide(i: number): void {
    const at = this.base + i;
    const chunkEnd = Math.min(this.size, (Math.floor(at / CHUNK) + 1) * CHUNK);
    let window: Uint8Array;
    if (chunkEnd <= this.base + this.len) window = this.buf.subarray(i, chunkEnd - this.base);
    else {
      const bytes = Buffer.alloc(chunkEnd - at);
      const n = readSync(this.fd, bytes, 0, bytes.length, at);
      window = bytes.subarray(0, n);
    }
    this.encoding = looksUtf8From(window, 0) ? 'utf-8' : 'windows-1252';
    this.decided = true;
  }

  /** The index of the first line feed in `buf[from, len)`, or -1. */
  private lineFeed(from: number): number {
    const at = this.buf.indexOf(LF, from);
    return at < this.len ? at : -1;
  }

  /** Reads `n` bytes from `base` into the buffer. */
  private fill(n: number): void {
    // One buffer serves the blocks a thread reads one after another (fresh memory costs page faults).
    if (spare.length < n) spare = Buffer.allocUnsafe(n);
    this.buf = spare;
    this.len = n > 0 ? readSync(this.fd, this.buf, 0, n, this.base) : 0;
  }

  /** Drops `buf[0, keep)` and reads on; returns how far indexes moved, or -1 at the end of the file. */
  private more(keep: number): number {
    const at = this.base + this.len;
    if (at >= this.size) return -1;
    const rest = this.len - keep;
    const bigger = Buffer.allocUnsafe(rest + Math.max(CHUNK, rest));
    this.buf.copy(bigger, 0, keep, this.len);
    const n = readSync(this.fd, bigger, rest, bigger.length - rest, at);
    // A file that shrank while read ends where its bytes end.
    if (n === 0) this.size = at;
    this.buf = bigger;
    this.base += keep;
    this.len = rest + n;
    return keep;
  }

  private pushNoted(caseId: number, activity: number, timestamp: number, resource: number, lifecycle: number, jobcenter: number): void {
    this.noteFirst(this.push(caseId, activity, timestamp, resource, lifecycle, jobcenter));
  }

  private push(caseId: number, activity: number, timestamp: number, resource: number, lifecycle: number, jobcenter: number): number {
    const k = this.count;
    if (k === this.time.length) {
      this.caseOf = grow(this.caseOf, Uint32Array);
      this.activityOf = grow(this.activityOf, Uint32Array);
      this.resourceOf = grow(this.resourceOf, Int32Array);
      this.lifecycleOf = grow(this.lifecycleOf, Int32Array);
      if (this.jobcenterOf !== null) this.jobcenterOf = grow(this.jobcenterOf, Int32Array);
      this.time = grow(this.time, Float64Array);
    }
    this.caseOf[k] = caseId;
    this.activityOf[k] = activity;
    this.resourceOf[k] = resource;
    this.lifecycleOf[k] = lifecycle;
    if (this.jobcenterOf !== null) this.jobcenterOf[k] = jobcenter;
    this.time[k] = timestamp;
    this.count = k + 1;
    return k;
  }

  /** `RecordHashSet.addTextHash` within the case's run: false when an equal record came before in the run. */
  private addToRun(h1: number, h2: number, last: number, units: number): boolean {
    const seen = this.seen;
    seen.textHash(h1, h2, last, units);
    const high = seen.lastHigh;
    const low = seen.lastLow;
    const run = this.run;
    const n = this.runLength;
    for (let k = 0; k < n; k++) if (run[2 * k] === high && run[2 * k + 1] === low) return false;
    if (n === MAX_RUN) {
      this.toTable();
      return seen.addHash(high, low);
    }
    run[2 * n] = high;
    run[2 * n + 1] = low;
    this.runLength = n + 1;
    return true;
  }

  /** Moves the duplicate check to `seen` for the rest of the block, with every record's hash so far. */
  private toTable(): void {
    this.byRun = false;
    const seen = this.seen;
    seen.clear();
    seen.reserve(Math.max(1024, ((this.request.to - this.request.from) / 48) | 0));
    for (let k = 0; k < this.firsts; k++) seen.addHash(this.firstHashes[2 * k]!, this.firstHashes[2 * k + 1]!);
    this.seenBefore = seen.size;
  }

  /** Notes the record just handled by the row handler when it was the first of its kind. */
  private noteFirst(outcome: number): void {
    if (this.seen.size === this.seenBefore) return;
    this.noteFirstHash(outcome);
  }

  private noteFirstHash(outcome: number): void {
    this.seenBefore = this.seen.size;
    if (this.firsts === this.firstOutcomes.length) {
      this.firstOutcomes = grow(this.firstOutcomes, Int32Array);
      this.firstHashes = grow(this.firstHashes, Uint32Array);
    }
    this.firstHashes[2 * this.firsts] = this.seen.lastHigh;
    this.firstHashes[2 * this.firsts + 1] = this.seen.lastLow;
    this.firstOutcomes[this.firsts++] = outcome;
  }

  private result(start: number, end: number): BlockResult {
    const n = this.count;
    const events: BlockEvents = {
      size: n,
      cases: this.cases.values,
      activities: this.activities.values,
      resources: this.resources.values,
      lifecycles: this.lifecycles.values,
      caseOf: this.caseOf.subarray(0, n),
      activityOf: this.activityOf.subarray(0, n),
      resourceOf: this.resourceOf.subarray(0, n),
      lifecycleOf: this.lifecycleOf.subarray(0, n),
      time: this.time.subarray(0, n),
      caseHashes: this.cases.hashList(),
      ...(this.jobcenterOf === null ? {} : { jobcenters: this.jobcenters.values, jobcenterOf: this.jobcenterOf.subarray(0, n) }),
    };
    return {
      ok: true,
      index: this.request.index,
      start,
      end,
      firstLine: this.request.firstLine ?? 1,
      lines: this.line - (this.request.firstLine ?? 1),
      encoding: this.encoding,
      decided: this.decided,
      rows: this.tally.counts,
      identical: this.tally.identical,
      byReason: this.tally.byReason,
      events,
      rejections: this.rejections,
      firstHashes: this.firstHashes.subarray(0, 2 * this.firsts),
      firstOutcomes: this.firstOutcomes.subarray(0, this.firsts),
    };
  }
}

/** The longest case run checked by run (a longer one moves the check to the block's table). */
const MAX_RUN = 64;

let spare = Buffer.alloc(0);
const spareSeen = new RecordHashSet();

const parsers = new Map<string, ByteTimestampParser>();

/** One parser per format and zone for all blocks a thread reads: its offset cache then serves them all. */
function timestampParser(format: string | undefined, timezone: string | undefined): ByteTimestampParser {
  const key = `${format ?? ''}\u0000${timezone ?? ''}`;
  let parser = parsers.get(key);
  if (parser === undefined) {
    parser = createByteTimestampParser({ format, timezone });
    parsers.set(key, parser);
  }
  return parser;
}

function grow<T extends Uint32Array | Int32Array | Float64Array>(a: T, Type: { new (n: number): T }): T {
  const bigger = new Type(a.length * 2);
  bigger.set(a);
  return bigger;
}
