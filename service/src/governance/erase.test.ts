import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main';
import { createApp } from '../app';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { ingestFiles } from '../ingest/ingest-files';
import { LENIENT_POLICY } from '../testing/ingest-fixtures';
import { createPseudonymizer, resolveSecret } from '../privacy/index';
import { createToken, listAudit } from '../tokens/index';
import { clearForms, eraseSubject } from './erase';

const CPR_A = '010203-1234';
const CSV = [
  'Sagsnummer,Aktivitet,Tidspunkt,Sagsbehandler,CPR',
  `S1,Modtag,2024-01-02T09:00:00Z,anna,${CPR_A}`,
  `S1,Afgør,2024-01-05T09:00:00Z,bo,${CPR_A}`,
  'S2,Modtag,2024-01-03T09:00:00Z,anna,020304-2345',
  'S2,Afgør,2024-01-04T09:00:00Z,bo,020304-2345',
  'S3,Modtag,2024-01-03T10:00:00Z,bo,030405-3456',
  'S3,Vurder,2024-01-06T10:00:00Z,bo,030405-3456',
  'S3,Afgør,2024-01-08T10:00:00Z,anna,030405-3456',
  'S2,Afgør,not a date,bo,020304-2345',
  `S1,Afgør,not a date,bo,${CPR_A}`,
].join('\n');

let dir = '';
let secret: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-erase-'));
  secret = process.env['SAGSFLOW_SECRET'];
  delete process.env['SAGSFLOW_SECRET'];
});
afterEach(() => {
  if (secret !== undefined) process.env['SAGSFLOW_SECRET'] = secret;
  rmSync(dir, { recursive: true, force: true });
});

async function loaded(): Promise<{ store: SagsflowDatabase; db: string; uploads: string }> {
  const db = join(dir, 'store.sqlite');
  const file = join(dir, 'extract.csv');
  writeFileSync(file, CSV);
  const store = openDatabase(db);
  const report = await ingestFiles(store, { files: [file], log: 'demo', process: 'demo', policy: LENIENT_POLICY });
  expect(report.rows.quarantined).toBe(2);
  const uploads = join(dir, 'uploads');
  mkdirSync(join(uploads, 'up_1'), { recursive: true });
  writeFileSync(join(uploads, 'up_1', 'upload.csv'), CSV);
  writeFileSync(join(uploads, 'up_1', 'other.csv'), 'S9,Modtag,2024-01-02,x,090909-9999\n');
  return { store, db, uploads };
}

function caseRows(store: SagsflowDatabase, id: string): unknown[] {
  return store.sqlite
    .prepare('SELECT process, jobcenter, period, start, "end", duration_seconds, events, variant_key, open FROM cases WHERE case_id = ?')
    .all(id);
}

function bytesOf(path: string): Buffer {
  return existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
}

describe('eraseSubject', () => {
  it('erasing a CPR leaves no row and no byte of its pseudonym in the database, its WAL or the upload area; other cases are unchanged', async () => {
    const { store, db, uploads } = await loaded();
    const p = createPseudonymizer(resolveSecret(db, {}));
    const pseudonym = p.pseudonym(CPR_A);
    const s1 = p.pseudonym('S1');
    const [s2, s3] = [p.pseudonym('S2'), p.pseudonym('S3')];
    const before = [caseRows(store, s2), caseRows(store, s3)];
    expect(caseRows(store, s1)).toHaveLength(1);
    store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(db).includes(Buffer.from(pseudonym))).toBe(true);

    const result = eraseSubject(store, { kind: 'cpr', value: CPR_A }, { uploadDir: uploads, env: {} });
    expect(result.cases).toBe(1);
    expect(result.rows['events']).toBe(2);
    expect(result.rows['cases']).toBe(1);
    expect(result.rows['quarantine']).toBe(1);
    expect(result.logs).toEqual(['demo']);
    expect(result.uploadFiles).toBe(1);

    expect([caseRows(store, s2), caseRows(store, s3)]).toEqual(before);
    expect(caseRows(store, s1)).toEqual([]);
    expect(store.sqlite.prepare('SELECT sum(cases) FROM jobcenters WHERE log = ?').pluck().get('demo')).toBe(2);
    expect(store.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(1);
    const audit = listAudit(store.db).find((a) => a.action === 'erase')!;
    expect(audit.target).toBe('cpr');
    expect(JSON.parse(audit.detail!)).toMatchObject({ cases: 1, rows: 4, logs: ['demo'], uploadFiles: 1 });
    expect(audit.detail).not.toContain(pseudonym);
    expect(audit.detail).not.toContain('010203');

    for (const needle of [pseudonym, s1, CPR_A, '0102031234']) {
      expect(bytesOf(db).includes(Buffer.from(needle))).toBe(false);
      expect(bytesOf(`${db}-wal`).includes(Buffer.from(needle))).toBe(false);
    }
    expect(existsSync(join(uploads, 'up_1', 'upload.csv'))).toBe(false);
    expect(existsSync(join(uploads, 'up_1', 'other.csv'))).toBe(true);
    store.close();
    for (const needle of [pseudonym, s1]) expect(bytesOf(db).includes(Buffer.from(needle))).toBe(false);
  });

  it('erasing by case id removes only that case; a wrong key is refused; bad input gets one line', async () => {
    const { store, db } = await loaded();
    expect(() => eraseSubject(store, { kind: 'case', value: 'S1' }, { env: { SAGSFLOW_SECRET: 'another key entirely' } })).toThrow(
      'erase: the key in use does not match the key check of the loads',
    );
    const r = eraseSubject(store, { kind: 'case', value: 'S3' }, { env: {} });
    expect([r.cases, r.rows['events'], r.rows['quarantine']]).toEqual([1, 3, 0]);
    expect(store.sqlite.prepare('SELECT count(DISTINCT case_id) FROM events').pluck().get()).toBe(2);
    expect(eraseSubject(store, { kind: 'case', value: 'nobody' }, { env: {} }).cases).toBe(0);
    expect(() => clearForms({ kind: 'cpr', value: '12345' })).toThrow('erase: --cpr expects NNNNNN-NNNN, got a value of 5 characters');
    expect(clearForms({ kind: 'cpr', value: '0102031234' })).toEqual([CPR_A, '0102031234']);
    void db;
    store.close();
  });
});

describe('DELETE /api/subjects', () => {
  it('is admin only and erases the value given in the JSON body', async () => {
    const { store, db, uploads } = await loaded();
    const admin = createToken(store.db, { role: 'admin' }).token;
    const analyst = createToken(store.db, { role: 'analyst' }).token;
    const app = createApp({
      db: store.db,
      sqlite: store.sqlite,
      dbPath: db,
      uploadDir: uploads,
      log: () => {},
      preview: false,
      powerbi: { distDir: uploads },
    });
    const del = (token: string, body: string) =>
      app.request('/api/subjects', {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
      });
    expect((await del(analyst, JSON.stringify({ cpr: CPR_A }))).status).toBe(403);
    const bad = await del(admin, JSON.stringify({ cpr: CPR_A, case: 'S1' }));
    expect(bad.status).toBe(400);
    const ok = await del(admin, JSON.stringify({ cpr: CPR_A }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ cases: 1, logs: ['demo'], uploadFiles: 1 });
    const cases = await app.request('/api/logs/demo', { headers: { Authorization: `Bearer ${admin}` } });
    expect(cases.status).toBe(200);
    app.close();
    store.close();
  });
});

describe('sagsflow erase', () => {
  it('erases by --cpr, prints counts only, and asks for exactly one target', async () => {
    const { store, db } = await loaded();
    store.close();
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await main(['node', 'sagsflow', 'erase', '--db', db, '--cpr', CPR_A, '--case', 'S1'])).toBe(1);
      expect(await main(['node', 'sagsflow', 'erase', '--db', db, '--cpr', CPR_A])).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(stderr).toBe('sagsflow: erase: give exactly one of --cpr, --case, --value\n');
    expect(stdout).toBe(
      'erased 1 case (rows: events 2, cases 1, quarantine 1); upload files removed: 1; model rebuilt for demo; database vacuumed\n',
    );
    expect(stdout).not.toContain(CPR_A);
  });
});
