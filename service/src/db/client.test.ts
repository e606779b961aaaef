import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUCKET_COLUMNS } from '@sagsflow/shared/histogram/duration-buckets';
import { FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS } from '@sagsflow/shared/histogram/fine-buckets';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase } from './client';
import { MIGRATIONS_FOLDER } from './migrate';
import { NEW_DATABASE_PAGE_SIZE } from './migrated-image';
import { FINE_HISTOGRAM_KEYS, HISTOGRAM_KEYS, logs, steps } from './schema';
import { INSIGHT_COLUMNS } from './tables/insight-columns';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The schema and drizzle's migration journal of a database, to compare two databases. */
function schemaAndJournal(sqlite: Database.Database): unknown {
  return {
    schema: sqlite.prepare('select type, name, tbl_name, sql from sqlite_master order by type, name').all(),
    journal: sqlite.prepare('select id, hash, created_at from __drizzle_migrations order by id').all(),
  };
}

describe('openDatabase', () => {
  it('a new database (in memory or a file) has the schema and migration journal of one migrated statement by statement', () => {
    const reference = new Database(':memory:');
    reference.pragma('foreign_keys = ON');
    migrate(drizzle(reference), { migrationsFolder: MIGRATIONS_FOLDER });
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-image-'));
    dirs.push(dir);
    const memory = openDatabase(':memory:');
    const file = openDatabase(join(dir, 'new.sqlite'));
    expect(schemaAndJournal(memory.sqlite)).toEqual(schemaAndJournal(reference));
    expect(schemaAndJournal(file.sqlite)).toEqual(schemaAndJournal(reference));
    expect((schemaAndJournal(reference) as { journal: unknown[] }).journal.length).toBeGreaterThan(15);
    expect(file.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(file.sqlite.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    expect(memory.sqlite.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    memory.close();
    file.close();
    reference.close();
  });

  it('openDatabase(":memory:") applies the migrations and creates every table', () => {
    const store = openDatabase(':memory:');
    const names = store.sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like '\\_\\_%' escape '\\' and name not like 'sqlite%'")
      .pluck()
      .all() as string[];
    expect(names.sort()).toEqual(
      [
        'activities',
        'audit',
        'case_compliance',
        'cases',
        'compliance',
        'edges',
        'events',
        'jobcenters',
        'loads',
        'logs',
        'periods',
        'quarantine',
        'rule_catalogues',
        'rules',
        'steps',
        'tokens',
        'variants',
        'conformance_activities',
        'conformance_cases',
        'conformance_models',
        'conformance_variants',
        'finding_cases',
        'findings',
        'viewer_activities',
        'viewer_builds',
        'viewer_edges',
        'viewer_jobcenters',
        'viewer_periods',
        'viewer_steps',
        'viewer_variants',
        'viewer_compliance',
        'viewer_conformance_activities',
        'viewer_conformance_variants',
        'teams',
        'attached_models',
        // versions (issue 13)
        'jobs',
        'log_versions',
        'version_cases',
        'version_events',
      ].sort(),
    );
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    store.close();
  });

  it('openDatabase(file) sets WAL, synchronous=NORMAL and is reopenable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-db-'));
    dirs.push(dir);
    const path = join(dir, 'x.sqlite');
    const a = openDatabase(path);
    expect(a.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(a.sqlite.pragma('synchronous', { simple: true })).toBe(1);
    const now = new Date(1_700_000_000_000);
    a.db.insert(logs).values({ name: 'x', currentVersion: 1, createdAt: now, updatedAt: now }).run();
    a.close();
    const b = openDatabase(path);
    expect(b.db.select().from(logs).all()).toEqual([
      {
        name: 'x',
        process: null,
        currentVersion: 1,
        minGroupSize: 5,
        retentionYears: null,
        purpose: null,
        legalBasis: null,
        controller: null,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    b.close();
  });

  it('a database that cannot be opened is named in a one-line error (missing folder, a directory, not a database)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-db-'));
    dirs.push(dir);
    const notDb = join(dir, 'extract.csv');
    writeFileSync(notDb, 'Sagsnummer,Aktivitet,Tidspunkt\n'.repeat(200));
    expect(() => openDatabase(join(dir, 'no', 'such', 'x.sqlite'))).toThrow(
      `database ${join(dir, 'no', 'such', 'x.sqlite')}: cannot open it: the directory does not exist`,
    );
    expect(() => openDatabase(dir)).toThrow(new RegExp(`^database ${dir}: cannot open it: `));
    expect(() => openDatabase(notDb)).toThrow(`database ${notDb}: cannot open it: file is not a database`);
  });

  it('the steps table has exactly the contract columns h00..h24 of BUCKET_COLUMNS, then rank, finished, the fine histogram and the insight columns', () => {
    expect([...HISTOGRAM_KEYS]).toEqual([...BUCKET_COLUMNS]);
    expect([...FINE_HISTOGRAM_KEYS]).toEqual([...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS]);
    const store = openDatabase(':memory:');
    const cols = store.sqlite.prepare('select name from pragma_table_info(?)').pluck().all('steps');
    expect(cols).toEqual([
      'id',
      'log',
      'version',
      'process',
      'jobcenter',
      'period',
      'variant_key',
      'step_index',
      'from_activity',
      'to_activity',
      'cases',
      'sum_seconds',
      ...BUCKET_COLUMNS,
      ...FINE_COUNT_COLUMNS,
      ...FINE_SECONDS_COLUMNS,
      'variant_rank',
      'finished',
      ...INSIGHT_COLUMNS,
    ]);
    expect(Object.keys(steps)).toContain('sumSeconds');
    store.close();
  });
});
