import Database from 'better-sqlite3';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './migrate';
import { storedImage } from './migrated-image';
import { tempDir } from '../testing/ingest-fixtures';

const t = tempDir('sagsflow-image-');
afterAll(() => t.remove());

/** The table names of a database image. */
function tablesOf(image: Buffer): string[] {
  const db = new Database(image);
  const names = db.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
  db.close();
  return names;
}

describe('storedImage', () => {
  it('builds the image once, reads it after, and builds a new one when a migration changes or is added', () => {
    const migrations = t.path('drizzle');
    cpSync(MIGRATIONS_FOLDER, migrations, { recursive: true });
    const images = t.path('images');

    const first = storedImage(images, migrations);
    const [stored] = readdirSync(images);
    expect(readdirSync(images)).toEqual([stored]);
    expect(readFileSync(join(images, stored!)).equals(first)).toBe(true);
    expect(storedImage(images, migrations).equals(first)).toBe(true);
    expect(tablesOf(first)).toContain('events');

    // A new migration: the stored image no longer matches, a new one is built and the old one removed.
    const journalPath = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
    journal.entries.push({ idx: 99, version: '6', when: 1795700099000, tag: '0099_probe', breakpoints: true } as never);
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(migrations, '0099_probe.sql'), 'CREATE TABLE probe (id integer PRIMARY KEY);');
    const second = storedImage(images, migrations);
    expect(tablesOf(second)).toContain('probe');
    expect(readdirSync(images)).toHaveLength(1);
    expect(readdirSync(images)).not.toEqual([stored]);

    // The same migration with other text: built again.
    writeFileSync(join(migrations, '0099_probe.sql'), 'CREATE TABLE probe2 (id integer PRIMARY KEY);');
    const third = storedImage(images, migrations);
    expect(tablesOf(third)).toContain('probe2');
    expect(tablesOf(third)).not.toContain('probe');
  });

  it('builds again over a stored image that is not whole', () => {
    const images = t.path('torn');
    const whole = storedImage(images, MIGRATIONS_FOLDER);
    const [stored] = readdirSync(images);
    writeFileSync(join(images, stored!), whole.subarray(0, whole.length - 4096));
    expect(storedImage(images, MIGRATIONS_FOLDER).equals(whole)).toBe(true);
    expect(readFileSync(join(images, stored!)).equals(whole)).toBe(true);
  });
});
