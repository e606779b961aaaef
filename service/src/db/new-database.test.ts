import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './client';
import { openForLoad } from './new-database';
import { ingestFiles } from '../ingest/ingest-files';
import { LENIENT_POLICY, TINY_CSV, tempDir } from '../testing/ingest-fixtures';

const t = tempDir('sagsflow-new-db-');
afterAll(() => t.remove());

/** The names in the test folder that begin with `name`, sorted, but for the key file. */
const beside = (name: string) =>
  readdirSync(t.dir)
    .filter((n) => n.startsWith(name) && n !== `${name}.key`)
    .sort();

/** The journal-mode bytes (18, 19) of a database file's header: 2, 2 is WAL. */
const headerMode = (path: string) => [...readFileSync(path).subarray(18, 20)];

describe('openForLoad on a path with no database', () => {
  it('builds the database under an owner-only temporary name and puts it in place, in WAL mode, at close', async () => {
    const path = t.path('new.sqlite');
    const store = openForLoad(path);
    expect(store.path).toBe(path);
    expect(existsSync(path)).toBe(false);
    const building = store.sqlite.name;
    expect(building.startsWith(`${path}.building-`)).toBe(true);
    expect(statSync(building).mode & 0o777).toBe(0o600);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    const report = await ingestFiles(store, {
      files: [t.write('tiny.csv', TINY_CSV)],
      log: 'tiny',
      policy: LENIENT_POLICY,
    });
    expect(existsSync(path)).toBe(false);
    store.close();
    expect(beside('new.sqlite')).toEqual(['new.sqlite']);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(headerMode(path)).toEqual([2, 2]);
    const after = openDatabase(path, { readonly: true });
    expect(after.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(after.sqlite.prepare('select count(*) from events').pluck().get()).toBe(report.events);
    expect(after.sqlite.prepare("select status from loads where log = 'tiny'").pluck().all()).toEqual(['stored']);
    after.close();
  });

  it('keeps the key file beside the final path', async () => {
    const path = t.path('keyed.sqlite');
    const store = openForLoad(path);
    vi.stubEnv('SAGSFLOW_SECRET', '');
    try {
      await ingestFiles(store, { files: [t.write('tiny-k.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    } finally {
      vi.unstubAllEnvs();
      store.close();
    }
    expect(readdirSync(t.dir).filter((n) => n.startsWith('keyed.sqlite'))).toEqual(['keyed.sqlite', 'keyed.sqlite.key']);
  });

  it('a bad file rolls back, records its failed load and still leaves a whole database', async () => {
    const path = t.path('bad.sqlite');
    const store = openForLoad(path);
    const bad = t.write('bad.csv', 'just one column\nand nothing else\n');
    await expect(ingestFiles(store, { files: [bad], log: 'bad' })).rejects.toThrow(/bad\.csv/);
    store.close();
    expect(beside('bad.sqlite')).toEqual(['bad.sqlite']);
    const after = openDatabase(path, { readonly: true });
    expect(after.sqlite.prepare('select status from loads').pluck().all()).toEqual(['failed']);
    expect(after.sqlite.prepare('select count(*) from events').pluck().get()).toBe(0);
    after.close();
  });

  it('leaves a database that another process created meanwhile as it is, and says so', async () => {
    const path = t.path('raced.sqlite');
    const store = openForLoad(path);
    await ingestFiles(store, { files: [t.write('tiny-r.csv', TINY_CSV)], log: 'mine', policy: LENIENT_POLICY });
    const other = openDatabase(path);
    other.sqlite.exec("insert into logs (name, current_version, created_at, updated_at) values ('theirs', 0, 0, 0)");
    other.close();
    expect(() => store.close()).toThrow(`database ${path}: another process created this database while the load was building it`);
    expect(beside('raced.sqlite')).toEqual(['raced.sqlite']);
    const after = openDatabase(path, { readonly: true });
    expect(after.sqlite.prepare('select name from logs').pluck().all()).toEqual(['theirs']);
    after.close();
  });

  it('removes the files a dead build left beside the path, and no live build', () => {
    const path = t.path('left.sqlite');
    const dead = `${path}.building-${hostTag()}-999999999-0badcafe`;
    for (const suffix of ['', '-journal']) writeFileSync(dead + suffix, 'x');
    writeFileSync(`${path}.999999999.new`, 'x');
    const first = openForLoad(path);
    const second = openForLoad(path);
    const name = (p: string) => p.slice(t.dir.length + 1);
    expect(beside('left.sqlite')).toEqual([name(first.sqlite.name), name(second.sqlite.name)].sort());
    second.close();
    expect(() => first.close()).toThrow(/another process created this database/);
    expect(beside('left.sqlite')).toEqual(['left.sqlite']);
  });
});

describe('openDatabase beside a dead build', () => {
  it('removes what the dead build left, whether or not a database is at the path', () => {
    const path = t.path('served.sqlite');
    const dead = `${path}.building-${hostTag()}-999999999-0badcafe`;
    for (const suffix of ['', '-journal', '-wal', '-shm']) writeFileSync(dead + suffix, 'x');
    openDatabase(path).close();
    expect(beside('served.sqlite')).toEqual(['served.sqlite']);
    writeFileSync(dead, 'x');
    openDatabase(path).close();
    expect(beside('served.sqlite')).toEqual(['served.sqlite']);
  });
});

describe('openForLoad on an existing database', () => {
  it('opens the file itself in WAL mode', () => {
    const path = t.path('old.sqlite');
    openDatabase(path).close();
    const store = openForLoad(path);
    expect(store.sqlite.name).toBe(path);
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
  });
});

let probes = 0;

/** The host tag of this machine's builds, read from a build's name. */
function hostTag(): string {
  const probe = openForLoad(t.path(`probe-${++probes}.sqlite`));
  const tag = /\.building-([0-9a-f]{8})-/.exec(probe.sqlite.name)![1]!;
  probe.close();
  return tag;
}
