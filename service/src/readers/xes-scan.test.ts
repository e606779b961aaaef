import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReadTally } from './tally';
import type { AcceptedEvent, Rejection } from './types';
import { readXes } from './xes';

const DATA = join(import.meta.dirname, '../../../tests/data');

/** Reads `text` (cut into chunks of `chunk` characters' bytes) with the fast scanner or with saxes only. */
async function read(text: string | Buffer, fastScan: boolean, chunk = 97) {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const events: AcceptedEvent[] = [];
  const rejections: Rejection[] = [];
  const tally = new ReadTally('log.xes', { onEvent: (e) => events.push(e), onReject: (r) => rejections.push(r) }, true);
  let at = 0;
  const chunks: AsyncIterator<Buffer> = {
    next: async () => {
      if (at >= bytes.length) return { done: true, value: undefined };
      const value = bytes.subarray(at, at + chunk);
      at += chunk;
      return { done: false, value };
    },
  };
  try {
    await readXes('log.xes', chunks, undefined, tally, () => {}, fastScan);
    return { events, rejections, counts: tally.counts, identical: tally.identical };
  } catch (error) {
    return { events, rejections, error: (error as Error).message };
  }
}

const doc = (body: string, head = '<?xml version="1.0" encoding="UTF-8" ?>\n<!-- made by hand -->\n') =>
  `${head}<log xes.version="1.0" xmlns="http://www.xes-standard.org/">\n\t<extension name="Concept" prefix="concept" uri="x"/>\n${body}</log>\n`;

const trace = (name: string, events: string[]) =>
  `\t<trace>\n\t\t<string key="concept:name" value="${name}"/>\n${events
    .map(
      (e) =>
        `\t\t<event>\n\t\t\t<string key="concept:name" value="${e}"/>\n\t\t\t<date key="time:timestamp" value="2024-03-01T10:00:00.000+01:00"/>\n\t\t</event>\n`,
    )
    .join('')}\t</trace>\n`;

const GOOD = trace('c1', ['A', 'B']) + trace('c2', ['A']);

/** Documents of every kind: plain, and each with something the scanner leaves to saxes (valid or malformed). */
const DOCUMENTS: Record<string, string> = {
  plain: doc(GOOD),
  entities: doc(trace('c&amp;1 &lt;&gt;&quot;&apos;', ['A &amp; B'])),
  'single quotes and spaced attributes': doc(
    `\t<trace>\n\t\t<string   key = 'concept:name'\n\t\t\tvalue='c3' />\n\t\t<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-03-01T10:00:00Z"/></event>\n\t</trace>\n`,
  ),
  'CRLF line ends': doc(GOOD).replace(/\n/g, '\r\n'),
  'numeric character reference': doc(GOOD + trace('c&#51;', ['A'])),
  'line break in an attribute value': doc(GOOD + trace('c\n4', ['A'])),
  'text in an element': doc(GOOD + trace('c5', ['A']).replace('<event>', '<event>tekst')),
  CDATA: doc(GOOD + '\t<trace><![CDATA[x]]></trace>\n'),
  'a DOCTYPE': doc(GOOD, '<?xml version="1.0"?>\n<!DOCTYPE log>\n'),
  'no declaration': doc(GOOD, ''),
  'version 1.1': doc(GOOD, '<?xml version="1.1"?>\n'),
  'mismatched close tag after a trace': doc(GOOD + '\t<trace>\n\t\t<event></trace>\n'),
  'mismatched close tag in a trace': doc(trace('c1', ['A']).replace('</event>', '</evnt>') + GOOD),
  'undeclared entity': doc(GOOD + trace('c&foo;', ['A'])),
  'a bare ampersand': doc(GOOD + trace('c & d', ['A'])),
  'duplicate attribute': doc(GOOD + '\t<trace><string key="a" key="b" value="c"/></trace>\n'),
  'no space between attributes': doc(GOOD + '\t<trace><string key="a"value="c"/></trace>\n'),
  'unquoted attribute': doc(GOOD + '\t<trace><string key=a value="c"/></trace>\n'),
  '< in an attribute value': doc(GOOD + trace('c<6', ['A'])),
  'comment with --': doc(GOOD + '\t<!-- a -- b -->\n'),
  'text after the root': `${doc(GOOD)}junk\n`,
  'a second root': `${doc(GOOD)}<log/>\n`,
  'ends inside the log': doc(GOOD).replace('</log>\n', ''),
  'root is not log': doc(GOOD).replace('<log ', '<xes ').replace('</log>', '</xes>'),
  'prefixed root': doc(GOOD).replace('<log ', '<xes:log ').replace('</log>', '</xes:log>'),
  'event outside a trace': doc(`${GOOD}\t<event><string key="concept:name" value="A"/></event>\n`),
  'processing instruction': doc(GOOD + '\t<?pi data?>\n'),
  'control character': doc(GOOD + trace('c\u0001', ['A'])),
  empty: '',
};

describe('XesScanner: the fast path gives what saxes gives', () => {
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    it(`reads a document with ${name} as saxes does`, async () => {
      for (const chunk of [7, 97, 1 << 16]) {
        const fast = await read(text, true, chunk);
        const saxes = await read(text, false, chunk);
        expect(fast).toEqual(saxes);
        if (name === 'plain' || name === 'CRLF line ends') expect(fast.events).toHaveLength(3);
        if (name.startsWith('mismatched') || name === 'undeclared entity') expect(fast.error).toMatch(/^log\.xes:\d+: malformed XML/);
      }
    });
  }

  it('reads the public logs as saxes does', async () => {
    for (const file of ['helpdesk.xes.gz', 'hiring_log_high.xes.gz', 'interval_event_log.xes.gz']) {
      const bytes = gunzipSync(readFileSync(join(DATA, file)));
      const fast = await read(bytes, true, 1 << 16);
      expect(fast.counts?.accepted).toBeGreaterThan(1000);
      expect(fast).toEqual(await read(bytes, false, 1 << 16));
    }
  }, 60_000);
});
