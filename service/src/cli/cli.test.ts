import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sagsflow } from '../testing/run-cli';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/sagsflow.mjs');
const DATA = resolve(import.meta.dirname, '../../../tests/data');

/** Runs the real `sagsflow` executable in a child process. */
async function sagsflowBin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sagsflow summary', () => {
  it('summary --json of the running example gives its known counts', async () => {
    const { code, stdout } = await sagsflow('summary', join(DATA, 'running-example.csv'), '--json');
    expect(code).toBe(0);
    const s = JSON.parse(stdout);
    expect(s.rows).toEqual({ read: 42, accepted: 42, duplicates: 0, quarantined: 0 });
    expect([s.cases, s.events, s.activities]).toEqual([6, 42, 8]);
    expect(s.startActivities).toEqual({ 'register request': 6 });
    expect(s.endActivities).toEqual({ 'pay compensation': 3, 'reject request': 3 });
    const checkDecide = s.dfg.find((e: { from: string; to: string }) => e.from === 'check ticket' && e.to === 'decide');
    expect(checkDecide).toMatchObject({ count: 6, cases: 4 });
    expect(s.variants.count).toBe(6);
    expect(s.variants.top).toHaveLength(6);
  });

  it('summary of the XES and the CSV of the same log are equal', async () => {
    const csv = await sagsflow('summary', join(DATA, 'running-example.csv'), '--json');
    const xes = await sagsflow('summary', join(DATA, 'running-example.xes'), '--json');
    const a = JSON.parse(csv.stdout);
    const b = JSON.parse(xes.stdout);
    expect(b.dfg).toEqual(a.dfg);
    expect(b.variants).toEqual(a.variants);
    expect(b.caseDuration).toEqual(a.caseDuration);
  });

  it('summary --lifecycle complete keeps complete and lifecycle-less events only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const file = join(dir, 'life.xes');
    const ev = (a: string, t: string, life?: string) =>
      `<event><string key="concept:name" value="${a}"/><date key="time:timestamp" value="2024-03-0${t}T10:00:00+01:00"/>` +
      (life ? `<string key="lifecycle:transition" value="${life}"/>` : '') +
      '</event>';
    writeFileSync(
      file,
      `<?xml version="1.0"?><log xes.version="1.0"><trace><string key="concept:name" value="c1"/>` +
        ev('A', '1', 'start') +
        ev('A', '2', 'complete') +
        ev('B', '3', 'schedule') +
        ev('B', '4', 'COMPLETE') +
        ev('C', '5') +
        '</trace></log>',
    );
    const all = JSON.parse((await sagsflow('summary', file, '--json')).stdout);
    const complete = JSON.parse((await sagsflow('summary', file, '--json', '--lifecycle', 'complete')).stdout);
    expect(all.events).toBe(5);
    expect(complete.events).toBe(3);
    expect(complete.dfg.map((e: { from: string; to: string }) => `${e.from}>${e.to}`).sort()).toEqual(['A>B', 'B>C']);
    expect(complete.caseDuration.meanSeconds).toBe(3 * 86400);
  });

  it('summary text names a bad CSV row by its line, and a bad XES event by its trace and line, never a trace number as a line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'Sags-id,Aktivitet,Tidspunkt\nA,Tilmelding,2024-02-01 09:00\nB,Tilmelding,garbage\n');
    expect((await sagsflow('summary', csv)).stdout).toContain('    line 3, column Tidspunkt: cannot read timestamp "garbage"');
    const xes = join(dir, 'bad.xes');
    writeFileSync(
      xes,
      '<?xml version="1.0"?>\n<log xes.version="1.0">\n<trace><string key="concept:name" value="c1"/>\n' +
        '<event><string key="concept:name" value="A"/><date key="time:timestamp" value="2024-03-01T10:00:00+01:00"/></event>\n' +
        '<event><string key="concept:name" value="B"/><date key="time:timestamp" value="garbage"/></event>\n</trace>\n</log>\n',
    );
    const text = (await sagsflow('summary', xes)).stdout;
    expect(text).toMatch(/\n {4}column time:timestamp: event in trace 1 \(line 3\): cannot read timestamp "garbage"/);
    expect(text).not.toMatch(/line 1, column/);
  });

  it('summary text of a log with no accepted rows shows no case duration instead of 0 s', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const file = join(dir, 'allbad.csv');
    writeFileSync(file, 'Sags-id,Aktivitet,Tidspunkt\n,Tilmelding,2024-02-01 09:00\n');
    const text = (await sagsflow('summary', file)).stdout;
    expect(text).toContain('  duration  - (no cases)\n');
  });

  it('summary counts a duplicate and a bad row, and the counts add up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const file = join(dir, 'tiny.csv');
    writeFileSync(
      file,
      'Sags-id;Aktivitet;Tidspunkt\nA;Tilmelding;01-02-2024 09:00\nA;Afmeldt;03-02-2024 10:30\nA;Afmeldt;03-02-2024 10:30\nB;Tilmelding;31-02-2024 25:61\n',
    );
    const s = JSON.parse((await sagsflow('summary', file, '--json')).stdout);
    expect(s.rows).toEqual({ read: 4, accepted: 2, duplicates: 1, quarantined: 1 });
    expect(s.dfg).toEqual([
      { from: 'Tilmelding', to: 'Afmeldt', count: 1, cases: 1, meanSeconds: 2 * 86400 + 5400, medianSeconds: 2 * 86400 + 5400 },
    ]);
  });

  it('summary keeps the 127 identical events of helpdesk.xes.gz and says so; --dedupe drops them; both switches at once are refused', async () => {
    const kept = JSON.parse((await sagsflow('summary', join(DATA, 'helpdesk.xes.gz'), '--json')).stdout);
    expect([kept.events, kept.rows.duplicates, kept.duplicates]).toEqual([21348, 0, { policy: 'keep', identical: 127 }]);
    expect((await sagsflow('summary', join(DATA, 'helpdesk.xes.gz'))).stdout).toContain(
      '  duplicates 127 identical events kept (--dedupe drops them)\n',
    );
    const dropped = JSON.parse((await sagsflow('summary', join(DATA, 'helpdesk.xes.gz'), '--json', '--dedupe')).stdout);
    expect([dropped.events, dropped.rows.duplicates, dropped.duplicates]).toEqual([21221, 127, { policy: 'drop', identical: 127 }]);
    const both = await sagsflow('summary', join(DATA, 'helpdesk.xes.gz'), '--dedupe', '--keep-duplicates');
    expect([both.code, both.stderr]).toEqual([1, 'sagsflow: --dedupe and --keep-duplicates contradict each other: give one of them\n']);
  });

  it('summary --keep-duplicates keeps an exact duplicate CSV row, and finished cases come from endActivities of the mapping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const file = join(dir, 'tiny.csv');
    writeFileSync(
      file,
      'Sags-id;Aktivitet;Tidspunkt\nA;Tilmelding;01-02-2024 09:00\nA;Afmeldt;03-02-2024 09:00\nA;Afmeldt;03-02-2024 09:00\nB;Tilmelding;05-02-2024 09:00\n',
    );
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ case: 'Sags-id', activity: 'Aktivitet', timestamp: 'Tidspunkt', endActivities: ['Afmeldt'] }));
    const s = JSON.parse((await sagsflow('summary', file, '--json', '--keep-duplicates', '--mapping', mapping)).stdout);
    expect(s.rows).toEqual({ read: 4, accepted: 4, duplicates: 0, quarantined: 0 });
    expect(s.duplicates).toEqual({ policy: 'keep', identical: 1 });
    expect(s.finished).toEqual({
      cases: 1,
      openCases: 1,
      endActivities: ['Afmeldt'],
      endActivitiesSource: 'mapping',
      caseDuration: { meanSeconds: 2 * 86400, medianSeconds: 2 * 86400, p90Seconds: 2 * 86400 },
    });
  });

  it('a missing file is one line on stderr and exit status 1 from the real executable', async () => {
    const { code, stderr } = await sagsflowBin('summary', '/nonexistent/log.csv');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^sagsflow: .*\/nonexistent\/log\.csv/);
  });

  it('every subcommand answers --help', async () => {
    for (const sub of ['summary', 'generate']) {
      const { code, stdout } = await sagsflowBin(sub, '--help');
      expect(code).toBe(0);
      expect(stdout).toContain(`Usage: sagsflow ${sub}`);
    }
  });
});

describe('sagsflow generate', () => {
  it('generate writes an extract that summary reads back without loss', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const out = join(dir, 'dagpenge.csv');
    const gen = await sagsflow('generate', '--process', 'dagpenge', '--cases', '200', '--seed', '7', '--out', out);
    expect(gen.code).toBe(0);
    const events = Number(/([\d,]+) events/.exec(gen.stdout)![1]!.replace(/,/g, ''));
    const s = JSON.parse((await sagsflow('summary', out, '--json')).stdout);
    expect(s.cases).toBe(200);
    expect(s.events).toBe(events);
    expect(s.rows.quarantined).toBe(0);
  });

  it('generate rejects an unknown process with a one-line message', async () => {
    const { code, stderr } = await sagsflow('generate', '--process', 'nope', '--cases', '5', '--out', '/tmp/x.csv');
    expect(code).not.toBe(0);
    expect(stderr).toContain("argument 'nope' is invalid");
  });
});

describe('sagsflow ingest options', () => {
  it('refuses a bad --min-group-size or --log name in one line before reading anything, and stores no load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const db = join(dir, 'x.sqlite');
    const file = join(DATA, 'running-example.csv');
    const k = await sagsflow('ingest', file, '--db', db, '--log', 'ok', '--min-group-size', 'abc');
    expect(k.code).toBe(1);
    expect(k.stderr).toBe('sagsflow: --min-group-size: expected a whole number >= 1, got "abc"\n');
    const blank = await sagsflow('ingest', file, '--db', db, '--log', '');
    expect(blank.code).toBe(1);
    expect(blank.stderr).toMatch(/^sagsflow: --log: log name '' is invalid: use 1-100 letters, digits/);
    const slash = await sagsflow('ingest', file, '--db', db, '--log', 'a/b');
    expect(slash.code).toBe(1);
    expect(slash.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(db)).toBe(false);
  });
});

describe('sagsflow token', () => {
  it('list and revoke refuse a database file that does not exist instead of creating an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const db = join(dir, 'typo.sqlite');
    for (const args of [['list'], ['revoke', 't_123']]) {
      const r = await sagsflow('token', ...args, '--db', db);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`sagsflow: database ${db} does not exist (check --db)\n`);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('create warns when a --jobcenter matches no loaded jobcenter, naming the known ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const db = join(dir, 'x.sqlite');
    const file = join(dir, 'two.csv');
    writeFileSync(
      file,
      'Sags-id,Aktivitet,Tidspunkt,Jobcenter\nA,Tilmelding,2024-02-01 09:00,Jobcenter Nord\nA,Afmeldt,2024-02-03 09:00,Jobcenter Nord\n',
    );
    expect((await sagsflow('ingest', file, '--db', db, '--log', 'two')).code).toBe(0);
    const typo = await sagsflow('token', 'create', '--db', db, '--role', 'viewer', '--jobcenter', 'Jobcenter Nrod');
    expect(typo.code).toBe(0);
    expect(typo.stderr).toContain('warning: no loaded log has jobcenter "Jobcenter Nrod" (loaded: Jobcenter Nord)');
    const ok = await sagsflow('token', 'create', '--db', db, '--role', 'viewer', '--jobcenter', 'Jobcenter Nord');
    expect(ok.stderr).not.toContain('warning');
  });
});

describe('sagsflow serve', () => {
  it('refuses a --db that does not exist instead of serving a new empty database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-cli-'));
    const db = join(dir, 'typo.sqlite');
    const r = await sagsflow('serve', '--db', db, '--port', '0');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`sagsflow: database ${db} does not exist (check --db; sagsflow ingest or sagsflow token create makes one)\n`);
    expect(existsSync(db)).toBe(false);
  });
});
