import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from './errors';
import type { ColumnMapping } from './mapping';
import type { ReadTally } from './tally';
import { createTimestampParser } from './timestamps';
import { decodeWin1252 } from './win1252';
import { XesScanner, XesScanUnsupported } from './xes-scan';
import { createTraceHandler, type FlatAttributes, type PendingTrace, type XesKeys } from './xes-trace';

/** What the XES reader found out about a file besides its events. */
export interface XesFacts {
  encoding: string;
  mapping: ColumnMapping;
}

type Context = 'log' | 'trace' | 'event' | 'attribute' | 'skip';

const ATTRIBUTE_TYPES = new Set(['string', 'date', 'int', 'float', 'boolean', 'id', 'list', 'container']);

/**
 * Streams an XES (IEEE 1849) log, one trace in memory at a time: its plain XML with a fast
 * scanner (`XesScanner`), anything else with saxes from the last whole element on. Trace attributes
 * of every type become case attributes, event attributes become the event's fields; `list`
 * and `container` values and anything nested inside an attribute are skipped. saxes never
 * reads a DTD or resolves an external entity: a reference to an undeclared entity is a
 * malformed-XML error. Malformed XML stops the read with a `ReadError` naming file and line.
 */
export async function readXes(
  file: string,
  chunks: AsyncIterator<Buffer>,
  mapping: ColumnMapping | undefined,
  tally: ReadTally,
  onChunk: () => void,
  /** Read the plain XML with the fast scanner (default); false: with saxes only (tests compare the two). */
  fastScan = true,
): Promise<XesFacts> {
  const keys: XesKeys = {
    case: mapping?.case ?? 'concept:name',
    activity: mapping?.activity ?? 'concept:name',
    timestamp: mapping?.timestamp ?? 'time:timestamp',
    resource: mapping?.resource ?? 'org:resource',
    lifecycle: mapping?.lifecycle ?? 'lifecycle:transition',
    jobcenter: mapping?.jobcenter ?? null,
  };
  const handleTrace = createTraceHandler(keys, createTimestampParser({ timezone: mapping?.timezone }), tally);
  const stack: Context[] = [];
  let traceCount = 0;
  let tracesAtSafePoint = 0;
  let trace: PendingTrace | null = null;
  let event: FlatAttributes | null = null;

  const open = (tagName: string, key: string | undefined, value: string | undefined, line: number): void => {
    const parent = stack[stack.length - 1];
    const name = tagName.includes(':') ? tagName.slice(tagName.indexOf(':') + 1) : tagName;
    let context: Context = 'skip';
    if (parent === 'event' || parent === 'trace') {
      if (ATTRIBUTE_TYPES.has(name)) {
        context = 'attribute';
        if (key !== undefined && value !== undefined && name !== 'list' && name !== 'container') {
          if (parent === 'event') (event as FlatAttributes).push(key, value);
          else (trace as PendingTrace).attributes[key] = value;
        }
      } else if (name === 'event' && parent === 'trace') {
        event = [];
        context = 'event';
      }
    } else if (parent === 'log') {
      if (name === 'trace') {
        trace = { number: ++traceCount, line, attributes: {}, events: [] };
        context = 'trace';
      } else if (name === 'event') {
        event = [];
        context = 'event';
      }
    } else if (parent === undefined) {
      if (name !== 'log') throw new ReadError(file, `the root element is <${tagName}>, expected an XES <log>`, { line });
      context = 'log';
    }
    stack.push(context);
  };
  const close = (line: number): void => {
    const context = stack.pop();
    if (context === 'event' && event) {
      if (stack[stack.length - 1] === 'trace' && trace) trace.events.push(event);
      else handleTrace({ number: 0, line, attributes: {}, events: [event] });
      event = null;
    } else if (context === 'trace' && trace) {
      handleTrace(trace);
      trace = null;
    }
  };

  // The plain XML of XES is read by the fast scanner; from what it does not read, saxes reads on.
  const scanner = new XesScanner({ open, close, safePoint: () => (tracesAtSafePoint = traceCount) });
  let parser: SaxesParser | null = null;
  let resume = !fastScan;
  const write = (text: string): void => {
    if (resume) {
      resume = false;
      parser = saxesFrom(scanner);
    }
    if (parser !== null) {
      parser.write(text);
      return;
    }
    try {
      scanner.write(text);
    } catch (error) {
      if (!(error instanceof XesScanUnsupported)) throw error;
      parser = saxesFrom(scanner);
    }
  };
  const saxesFrom = (from: XesScanner): SaxesParser => {
    const saxes = new SaxesParser({ position: true, xmlns: false });
    const lineOffset = from.resumeLine() - 1;
    saxes.on('error', (err) => {
      const problem = err.message.replace(/^\d+:\d+: /, '');
      throw new ReadError(file, `malformed XML: ${problem}`, { line: saxes.line + lineOffset });
    });
    saxes.on('opentag', (tag: SaxesTagPlain) => open(tag.name, tag.attributes['key'], tag.attributes['value'], saxes.line + lineOffset));
    saxes.on('closetag', () => close(saxes.line + lineOffset));
    // Back to the safe point: nothing after it was handed over (saxes opens the root again there).
    stack.length = 0;
    traceCount = from.resumesAtStart() ? 0 : tracesAtSafePoint;
    trace = null;
    event = null;
    saxes.write(from.resumeText());
    return saxes;
  };

  let decode: ((chunk: Buffer) => string) | null = null;
  let encoding = 'utf-8';
  const utf8 = new TextDecoder('utf-8');
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    if (decode === null) {
      encoding = declaredEncoding(next.value);
      const latin = /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/i.test(encoding);
      decode = latin ? decodeWin1252 : (chunk) => utf8.decode(chunk, { stream: true });
    }
    write(decode(next.value));
    onChunk();
  }
  if (decode === null) throw new ReadError(file, 'the file is empty: expected an XES <log>');
  write(utf8.decode());
  if (parser === null) {
    try {
      scanner.close();
    } catch (error) {
      if (!(error instanceof XesScanUnsupported)) throw error;
      parser = saxesFrom(scanner);
    }
  }
  (parser as SaxesParser | null)?.close();
  return {
    encoding,
    mapping: {
      case: keys.case,
      activity: keys.activity,
      timestamp: keys.timestamp,
      resource: keys.resource,
      lifecycle: keys.lifecycle,
      ...(keys.jobcenter ? { jobcenter: keys.jobcenter } : {}),
    },
  };
}

function declaredEncoding(head: Buffer): string {
  const prolog = head.subarray(0, 200).toString('latin1');
  const match = /^\s*(?:\uFEFF|\u00EF\u00BB\u00BF)?<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(prolog);
  return match?.[1]?.toLowerCase() ?? 'utf-8';
}
