import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ReadError } from './errors';
import { readLog } from './read-log';
import { collectingSink } from '../testing/collecting-sink';

const dir = mkdtempSync(join(tmpdir(), 'sagsflow-xes-'));
let n = 0;
function fixture(content: string | Buffer, ext = '.xes'): string {
  const path = join(dir, `f${n++}${ext}`);
  writeFileSync(path, content);
  return path;
}

const ev = (name: string | null, time: string | null, extra = ''): string =>
  `<event>${name === null ? '' : `<string key="concept:name" value="${name}"/>`}${time === null ? '' : `<date key="time:timestamp" value="${time}"/>`}${extra}</event>`;
const log = (body: string, head = '<?xml version="1.0" encoding="UTF-8"?>'): string =>
  `${head}\n<log xes.version="1.0">\n<global scope="event"><string key="concept:name" value="DEFAULT"/></global>\n<classifier name="a" keys="concept:name"/>\n${body}\n</log>\n`;

async function read(content: string | Buffer, ext = '.xes') {
  const sink = collectingSink();
  const report = await readLog(fixture(content, ext), { sink });
  expect(report.rows.read).toBe(report.rows.accepted + report.rows.duplicates + report.rows.quarantined);
  return { sink, report };
}

describe('readLog on XES inputs', () => {
  it('reads trace attributes of every type as case attributes and skips list/container values and nested meta-attributes', async () => {
    const trace = `<trace>
      <string key="concept:name" value="c1"/><int key="age" value="42"/><float key="amount" value="1.5"/>
      <boolean key="urgent" value="true"/><id key="uid" value="u-1"/><date key="opened" value="2024-01-01T00:00:00Z"/>
      <list key="tags"><values><string key="t" value="leak1"/></values></list>
      <container key="box"><string key="inner" value="leak2"/></container>
      <string key="note" value="n"><string key="meta" value="leak3"/></string>
      ${ev('A', '2024-01-01T10:00:00.000+01:00', '<string key="org:resource" value="Ann"/><string key="lifecycle:transition" value="start"/><int key="cost" value="7"/>')}
    </trace>`;
    const { sink } = await read(log(trace));
    expect(sink.events).toEqual([
      {
        line: 1,
        endTimestamp: null,
        jobcenter: null,
        event: {
          caseId: 'c1',
          activity: 'A',
          timestamp: Date.UTC(2024, 0, 1, 9),
          resource: 'Ann',
          lifecycle: 'start',
          caseAttributes: { age: '42', amount: '1.5', urgent: 'true', uid: 'u-1', opened: '2024-01-01T00:00:00Z', note: 'n' },
          eventAttributes: { cost: '7' },
        },
      },
    ]);
  });

  it('applies trace attributes written after the events and ignores global defaults', async () => {
    const { sink } = await read(
      log(`<trace>${ev(null, '2024-01-01T10:00:00Z')}${ev('B', '2024-01-01T11:00:00Z')}<string key="concept:name" value="late"/></trace>`),
    );
    expect(sink.events.map((e) => e.event.caseId)).toEqual(['late']);
    expect(sink.rejections).toMatchObject([{ line: 1, reason: 'missing-activity', column: 'concept:name' }]);
  });

  it('quarantines the events of a trace without concept:name as missing-case, with the trace number', async () => {
    const body = `<trace><string key="concept:name" value="ok"/>${ev('A', '2024-01-01T10:00:00Z')}</trace>
      <trace><string key="other" value="x"/>${ev('A', '2024-01-01T10:00:00Z')}${ev('B', '2024-01-01T11:00:00Z')}</trace>`;
    const { sink, report } = await read(log(body));
    expect(report.rows).toEqual({ read: 3, accepted: 1, duplicates: 0, quarantined: 2 });
    expect(report.quarantinedByReason).toEqual({ 'missing-case': 2 });
    expect(sink.rejections[0]).toMatchObject({ line: 2, reason: 'missing-case', column: 'concept:name' });
    expect(sink.rejections[0]?.message).toMatch(/^trace 2 \(line \d+\) has no concept:name/);
  });

  it('quarantines an event outside any trace as missing-case without renumbering the traces', async () => {
    const body = `${ev('A', '2024-01-01T10:00:00Z')}<trace><string key="other" value="x"/>${ev('B', '2024-01-01T11:00:00Z')}</trace>`;
    const { sink } = await read(log(body));
    expect(sink.rejections.map((r) => [r.line, r.reason])).toEqual([
      [0, 'missing-case'],
      [1, 'missing-case'],
    ]);
    expect(sink.rejections[0]?.message).toMatch(/^event outside any trace \(line \d+\) has no concept:name/);
  });

  it('quarantines missing and bad timestamps, and keeps and counts identical events by default', async () => {
    const body = `<trace><string key="concept:name" value="c"/>${ev('A', null)}${ev('B', 'yesterday')}${ev('C', '2024-01-01T10:00:00Z')}${ev('C', '2024-01-01T10:00:00Z')}</trace>`;
    const { sink, report } = await read(log(body));
    expect(report.rows).toEqual({ read: 4, accepted: 2, duplicates: 0, quarantined: 2 });
    expect([report.duplicatePolicy, report.identical]).toEqual(['keep', 1]);
    expect(sink.rejections.map((r) => r.reason)).toEqual(['missing-timestamp', 'bad-timestamp']);
    expect(sink.rejections[1]?.message).toContain('"yesterday"');
  });

  it("drops identical events when asked (keepDuplicates: false, the CLI's --dedupe)", async () => {
    const body = `<trace><string key="concept:name" value="c"/>${ev('C', '2024-01-01T10:00:00Z')}${ev('C', '2024-01-01T10:00:00Z')}${ev('C', '2024-01-01T10:00:01Z')}</trace>`;
    const file = fixture(log(body));
    const report = await readLog(file, { sink: collectingSink(), keepDuplicates: false });
    expect(report.rows).toEqual({ read: 3, accepted: 2, duplicates: 1, quarantined: 0 });
    expect([report.duplicatePolicy, report.identical]).toEqual(['drop', 1]);
  });

  it('reads .xes.gz and an ISO-8859-1 declared file', async () => {
    const text = log(`<trace><string key="concept:name" value="c"/>${ev('Første', '2024-01-01T10:00:00Z')}</trace>`);
    const gz = await read(gzipSync(text), '.xes.gz');
    expect(gz.report).toMatchObject({ compressed: true, format: 'xes', rows: { accepted: 1 } });
    const latin = log(
      `<trace><string key="concept:name" value="c"/>${ev('Første', '2024-01-01T10:00:00Z')}</trace>`,
      '<?xml version="1.0" encoding="ISO-8859-1"?>',
    );
    const { sink, report } = await read(Buffer.from(latin, 'latin1'));
    expect(report.encoding).toBe('iso-8859-1');
    expect(sink.events[0]?.event.activity).toBe('Første');
  });

  it('throws a one-line ReadError naming file and line for malformed XML', async () => {
    const file = fixture(log('<trace>\n<string key="concept:name" value="c"/>\n<event>\n</trace>'));
    const error = await readLog(file, { sink: collectingSink() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toMatch(new RegExp(`^${file}:8: malformed XML: unexpected close tag`));
    expect((error as ReadError).line).toBe(8);
    expect((error as ReadError).message).not.toContain('\n');
  });

  it('throws for a file that ends inside the log and for a root element that is not <log>', async () => {
    await expect(readLog(fixture('<log><trace>'), { sink: collectingSink() })).rejects.toThrow(/malformed XML/);
    await expect(readLog(fixture('<html></html>'), { sink: collectingSink() })).rejects.toThrow(
      /root element is <html>, expected an XES <log>/,
    );
  });

  it('never resolves an external entity (XXE): the read fails and nothing of /etc/passwd comes out', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE log [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<log><trace><string key="concept:name" value="&xxe;"/>${ev('A', '2024-01-01T10:00:00Z')}</trace></log>`;
    const sink = collectingSink();
    const error = await readLog(fixture(xxe), { sink }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReadError);
    expect((error as ReadError).message).toMatch(/malformed XML: undefined entity/);
    expect(JSON.stringify([sink.events, sink.rejections])).not.toContain('root:');
    expect(sink.events).toEqual([]);
  });

  it('reads a log with a harmless DOCTYPE and no entity references', async () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE log SYSTEM "http://example.invalid/xes.dtd">\n<log><trace><string key="concept:name" value="c"/>${ev('A', '2024-01-01T10:00:00Z')}</trace></log>`;
    const { report } = await read(text);
    expect(report.rows.accepted).toBe(1);
  });
});
