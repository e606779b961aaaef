import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './csv-format';
import { fixtureApp } from '../../testing/http-fixture';

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['æøå', 'æøå'],
    [null, ''],
    [1.5, '1.5'],
    [-2, '-2'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+45 1234', "'+45 1234"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('csvField(%j) is %j', (value, text) => {
    expect(csvField(value)).toBe(text);
  });

  it('csvRecord ends with CRLF and honours the semicolon delimiter', () => {
    expect(csvRecord(['a;b', 'c'], ';')).toBe('"a;b";c\r\n');
  });

  it('GET /api/tables/steps.csv starts with a BOM and a header, one line per row', async () => {
    const fx = fixtureApp();
    const res = await fx.get('/api/tables/steps.csv?log=demo', fx.tokens.analyst);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(
      lines[0]!.startsWith(
        'id,log,version,process,jobcenter,period,variant_key,step_index,from_activity,to_activity,cases,sum_seconds,h00',
      ),
    ).toBe(true);
    expect(lines.filter((l) => l.length > 0)).toHaveLength(1 + 13);
    expect(lines[1]).toContain('▶ start');
  });

  it('CSV filters: period, $select and $filter', async () => {
    const fx = fixtureApp();
    const res = await fx.get(
      encodeURI('/api/tables/variants.csv?period=2024-02&$select=jobcenter,cases&$filter=cases gt 3'),
      fx.tokens.analyst,
    );
    expect((await res.text()).replace('\uFEFF', '')).toBe('jobcenter,cases\r\nSyd,7\r\n');
  });

  it('a CSV of more rows than one chunk streams every row once', async () => {
    const fx = fixtureApp();
    const insert = fx.store.sqlite.prepare(
      "INSERT INTO quarantine (load_id, log, version, file, line, \"column\", reason, message, raw) VALUES (1, 'demo', 1, 'f.csv', ?, NULL, 'bad-record', 'm', ?)",
    );
    fx.store.sqlite.transaction(() => {
      for (let i = 0; i < 12_000; i++) insert.run(i, `raw "${i}", æ`);
    })();
    const text = await (await fx.get('/api/tables/quarantine.csv', fx.tokens.analyst)).text();
    const lines = text.split('\r\n').filter((l) => l.length > 0);
    expect(lines).toHaveLength(1 + 3 + 12_000);
    expect(lines[lines.length - 1]).toContain('"raw ""11999"", æ"');
  });
});
