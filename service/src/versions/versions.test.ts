import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3';
import { openDatabase } from '../db/client';
import { ingestFiles } from '../ingest/index';
import { LENIENT_POLICY, tempDir } from '../testing/ingest-fixtures';
import { SECRET_ENV } from '../privacy/index';
import { listVersions, rollbackVersion, RollbackError } from './index';

/** `cases` cases with the activities `path`, one day apart, in jobcenter Nord, starting January 2024. */
function extract(cases: number, path: readonly string[], prefix = 'S'): string {
  const rows = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  for (let c = 0; c < cases; c++)
    path.forEach((a, i) => rows.push(`${prefix}-${c},${a},2024-01-${String(1 + c + i).padStart(2, '0')} 09:00,Nord`));
  return `${rows.join('\n')}\n`;
}

/** What the served model tables hold for a log, without ids and version numbers. */
function served(sqlite: Database.Database, log: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['steps', 'variants', 'cases', 'activities', 'edges', 'periods', 'viewer_variants', 'viewer_steps', 'findings']) {
    const rows = sqlite.prepare(`SELECT * FROM "${table}" WHERE log = ?`).all(log) as Record<string, unknown>[];
    out[table] = rows.map(({ id: _id, version: _v, first_version: _f, status: _s, ...rest }) => JSON.stringify(rest)).sort();
  }
  out['events'] = (sqlite.prepare('SELECT case_id, activity, timestamp FROM events WHERE log = ? ORDER BY id').all(log) as unknown[]).map(
    (r) => JSON.stringify(r),
  );
  return out;
}

describe('log versions: list, rollback, pruning', () => {
  // One key for both databases, so that the reference database's pseudonyms are the same.
  beforeAll(() => void vi.stubEnv(SECRET_ENV, 'versions-test-key-0123456789abcdef'));
  const tmp = tempDir('sagsflow-versions-');
  afterAll(() => {
    vi.unstubAllEnvs();
    tmp.remove();
  });
  const store = openDatabase(tmp.path('v.sqlite'));
  const load = (name: string, text: string, keepVersions?: number) =>
    ingestFiles(store, {
      files: [tmp.write(name, text)],
      log: 'dp',
      policy: LENIENT_POLICY,
      ...(keepVersions ? { keepVersions } : {}),
    });

  it('lists every stored version newest first with its figures, and which is current', async () => {
    await load('jan.csv', extract(6, ['Tilmelding', 'Samtale', 'Afmeldt']));
    await load('feb.csv', extract(8, ['Tilmelding', 'Afmeldt']));
    await load('mar.csv', extract(7, ['Tilmelding', 'Samtale', 'Samtale', 'Afmeldt']));
    const list = listVersions(store.sqlite, 'dp');
    expect(list.map((v) => [v.version, v.current, v.kept, v.cases, v.events, v.files])).toEqual([
      [3, true, true, 7, 28, ['mar.csv']],
      [2, false, true, 8, 16, ['feb.csv']],
      [1, false, true, 6, 18, ['jan.csv']],
    ]);
    expect(list[0]!.rows).toEqual({ read: 28, accepted: 28, duplicates: 0, quarantined: 0 });
    expect(list[0]!.loadedBy).toBeNull();
    expect(list[0]!.loadedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The served tables hold the current version only; the earlier versions' events are kept aside.
    expect(store.sqlite.prepare("SELECT DISTINCT version FROM events WHERE log = 'dp'").pluck().all()).toEqual([3]);
    expect(store.sqlite.prepare("SELECT version, count(*) FROM version_events WHERE log = 'dp' GROUP BY version").raw().all()).toEqual([
      [1, 18],
      [2, 16],
    ]);
  });

  it('rollback makes an earlier version current again with exactly the tables its load built', async () => {
    const tmp1 = tempDir('sagsflow-versions-ref-');
    const ref = openDatabase(tmp1.path('ref.sqlite'));
    await ingestFiles(ref, {
      files: [tmp1.write('jan.csv', extract(6, ['Tilmelding', 'Samtale', 'Afmeldt']))],
      log: 'dp',
      policy: LENIENT_POLICY,
    });
    const expected = served(ref.sqlite, 'dp');
    ref.close();
    tmp1.remove();

    const result = rollbackVersion(store.sqlite, 'dp', 1);
    expect(result).toEqual({ log: 'dp', from: 3, to: 1, cases: 6, events: 18 });
    expect(store.sqlite.prepare("SELECT current_version FROM logs WHERE name = 'dp'").pluck().get()).toBe(1);
    expect(served(store.sqlite, 'dp')).toEqual(expected);
    expect(store.sqlite.prepare("SELECT DISTINCT version FROM steps WHERE log = 'dp'").pluck().all()).toEqual([1]);
    expect(listVersions(store.sqlite, 'dp').map((v) => [v.version, v.current, v.kept])).toEqual([
      [3, false, true],
      [2, false, true],
      [1, true, true],
    ]);
    // And forward again: version 3 was kept by the rollback.
    expect(rollbackVersion(store.sqlite, 'dp', 3)).toMatchObject({ from: 1, to: 3, cases: 7, events: 28 });
    rollbackVersion(store.sqlite, 'dp', 1);
  });

  it('a load after a rollback gets a new number, and prunes versions beyond the limit with an audit entry', async () => {
    const report = await load('apr.csv', extract(5, ['Tilmelding', 'Afmeldt']), 2);
    expect(report.version).toBe(4);
    expect(report.prunedVersions).toEqual([2, 3]);
    expect(listVersions(store.sqlite, 'dp').map((v) => [v.version, v.current, v.kept])).toEqual([
      [4, true, true],
      [3, false, false],
      [2, false, false],
      [1, false, true],
    ]);
    expect(store.sqlite.prepare("SELECT DISTINCT version FROM version_events WHERE log = 'dp'").pluck().all()).toEqual([1]);
    const audit = store.sqlite.prepare("SELECT action, target, detail FROM audit WHERE action = 'version-prune'").all();
    expect(audit).toEqual([{ action: 'version-prune', target: 'dp', detail: JSON.stringify({ pruned: [2, 3], keep: 2, version: 4 }) }]);
  });

  it('refuses a pruned, unknown or current version, and an unknown log, naming the option', () => {
    expect(() => rollbackVersion(store.sqlite, 'dp', 2)).toThrow(
      new RollbackError('pruned', "--to: version 2 of log 'dp' is no longer kept (its events were pruned), so it cannot be made current"),
    );
    expect(() => rollbackVersion(store.sqlite, 'dp', 9)).toThrow(
      "--to: log 'dp' has no version 9 (sagsflow versions list shows its versions)",
    );
    expect(() => rollbackVersion(store.sqlite, 'dp', 4)).toThrow("--to: version 4 of log 'dp' is already current");
    expect(() => rollbackVersion(store.sqlite, 'nope', 1)).toThrow("no log named 'nope'");
    expect(() => listVersions(store.sqlite, 'nope')).toThrow("no log named 'nope'");
    expect(store.sqlite.prepare("SELECT current_version FROM logs WHERE name = 'dp'").pluck().get()).toBe(4);
  });
});
