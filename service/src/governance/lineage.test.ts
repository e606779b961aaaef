import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sagsflow } from '../testing/run-cli';
import { createApp } from '../app';
import { openDatabase } from '../db/client';
import { createToken } from '../tokens/index';

const DATA = resolve(import.meta.dirname, '../../../tests/data');
const EXAMPLE = join(DATA, 'running-example.csv');
const MODEL = join(DATA, 'running-example.bpmn');
const PURPOSE = ['--purpose', 'Tilsyn med sagsbehandlingstider', '--legal-basis', 'GDPR art. 6(1)(e)', '--controller', 'Aarhus Kommune'];
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-lineage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('purpose of a log', () => {
  it('ingest refuses a log with pseudonymised columns besides the case id until purpose, legal basis and controller are set', async () => {
    const db = join(dir, 'store.sqlite');
    const refused = await sagsflow('ingest', EXAMPLE, '--db', db, '--log', 'ex', '--purpose', 'Tilsyn');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'sagsflow: ingest running-example.csv: the log holds pseudonymised columns ("org:resource", "Resource"), so it needs a purpose, legal basis and data controller: set --legal-basis, --controller\n',
    );
    const ok = await sagsflow('ingest', EXAMPLE, '--db', db, '--log', 'ex', ...PURPOSE);
    expect(ok.code).toBe(0);
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('SELECT purpose, legal_basis, controller FROM logs').get()).toEqual({
      purpose: 'Tilsyn med sagsbehandlingstider',
      legal_basis: 'GDPR art. 6(1)(e)',
      controller: 'Aarhus Kommune',
    });
    sqlite.close();
    // Stored once, a later load of the same log needs no repeat.
    const again = await sagsflow('ingest', join(DATA, 'running-example.xes'), '--db', db, '--log', 'ex');
    expect(again.code).toBe(0);
  });

  it('--dry-run names the missing purpose among what would be refused, and stores nothing', async () => {
    const db = join(dir, 'dry.sqlite');
    const r = await sagsflow('ingest', EXAMPLE, '--db', db, '--log', 'ex', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '  policy     would refuse: the log holds pseudonymised columns ("org:resource", "Resource"), so it needs a purpose, legal basis and data controller: set --purpose, --legal-basis, --controller\n',
    );
  });

  it('a log whose only pseudonym is the case id loads without a purpose', async () => {
    const file = join(dir, 'plain.csv');
    writeFileSync(file, 'Sags-id,Aktivitet,Tidspunkt\nA,Start,2024-02-01 09:00\nA,Slut,2024-02-03 09:00\n');
    const r = await sagsflow('ingest', file, '--db', join(dir, 's.sqlite'), '--log', 'plain');
    expect(r.code).toBe(0);
  });
});

describe('lineage of a version', () => {
  it('names its masked files, bytes and SHA-256, mapping, rules and model, who loaded it; served by REST, OData, CSV and the report', async () => {
    const db = join(dir, 'store.sqlite');
    const file = join(dir, 'udtræk 010203-1234.csv');
    writeFileSync(file, readFileSync(EXAMPLE));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({ case: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' }),
    );
    const rules = join(dir, 'rules.yaml');
    const rulesText =
      'catalogue: own\nrules:\n  - id: X\n    title: {da: x, en: x}\n    source: s\n    basis: illustrative\n    kind: notRepeated\n    a: decide\n';
    writeFileSync(rules, rulesText);
    const r = await sagsflow(
      'ingest',
      file,
      '--db',
      db,
      '--log',
      'ex',
      '--mapping',
      mapping,
      '--rules',
      rules,
      '--model',
      MODEL,
      ...PURPOSE,
    );
    expect(r.code).toBe(0);

    const store = openDatabase(db);
    try {
      const row = store.sqlite
        .prepare('SELECT files, source_files, mapping, rules_name, rules_sha256, model_name, model_sha256, loaded_by FROM loads')
        .get() as Record<string, string>;
      const files = JSON.parse(row['files']!) as string[];
      expect(files[0]).not.toContain('010203-1234');
      expect(JSON.parse(row['source_files']!)).toEqual([
        { name: files[0], bytes: statSync(EXAMPLE).size, sha256: sha(readFileSync(EXAMPLE)) },
      ]);
      expect(JSON.parse(row['mapping']!)).toMatchObject({ case: 'case:concept:name', resource: 'org:resource' });
      expect(row['rules_name']).toBe('own');
      expect(row['rules_sha256']).toBe(sha(rulesText));
      expect(row['model_name']).toBe('running-example.bpmn');
      expect(row['model_sha256']).toBe(sha(readFileSync(MODEL)));
      expect(row['loaded_by']).toBe(`cli:${userInfo().username}`);

      const viewer = createToken(store.db, { role: 'viewer' }).token;
      const app = createApp({
        db: store.db,
        sqlite: store.sqlite,
        dbPath: db,
        uploadDir: dir,
        log: () => {},
        preview: false,
        powerbi: { distDir: dir },
      });
      const get = (path: string) => app.request(path, { headers: { Authorization: `Bearer ${viewer}` } });
      const log = (await (await get('/api/logs/ex')).json()) as Record<string, unknown> & {
        versions: { lineage: Record<string, unknown> }[];
      };
      expect(log).toMatchObject({
        purpose: 'Tilsyn med sagsbehandlingstider',
        legalBasis: 'GDPR art. 6(1)(e)',
        controller: 'Aarhus Kommune',
        retentionYears: null,
      });
      // A viewer token gets the source files without their sizes (a figure of the load, see viewer-columns.ts).
      expect(log.versions[0]!.lineage).toMatchObject({
        sourceFiles: [{ name: files[0], sha256: sha(readFileSync(EXAMPLE)) }],
        rules: { name: 'own', sha256: sha(rulesText) },
        model: { name: 'running-example.bpmn', sha256: sha(readFileSync(MODEL)) },
        loadedBy: `cli:${userInfo().username}`,
      });
      expect(JSON.stringify(log)).not.toContain('010203-1234');

      const metadata = await (await get('/odata/$metadata')).text();
      for (const p of ['purpose', 'legal_basis', 'controller', 'mapping', 'rules_sha256', 'model_sha256', 'loaded_by'])
        expect(metadata).toContain(`<Property Name="${p}"`);
      expect(metadata).not.toContain('<Property Name="source_files"');
      const loads = (await (await get('/odata/Loads')).json()) as { value: Record<string, unknown>[] };
      expect(loads.value[0]).toMatchObject({
        rules_name: 'own',
        model_sha256: sha(readFileSync(MODEL)),
        loaded_by: `cli:${userInfo().username}`,
      });
      const logs = (await (await get('/odata/Logs')).json()) as { value: Record<string, unknown>[] };
      expect(logs.value[0]).toMatchObject({ purpose: 'Tilsyn med sagsbehandlingstider', controller: 'Aarhus Kommune' });
      const analyst = createToken(store.db, { role: 'analyst' }).token;
      const csv = await (await app.request('/api/tables/loads.csv', { headers: { Authorization: `Bearer ${analyst}` } })).text();
      expect(csv).toContain(sha(readFileSync(EXAMPLE)));
      expect(await (await get('/api/tables/loads.csv')).text(), 'viewers: no source_files (file sizes)').not.toContain('source_files');
      expect(csv).not.toContain('010203-1234');
    } finally {
      store.close();
    }

    const out = join(dir, 'report.html');
    expect((await sagsflow('report', '--db', db, '--log', 'ex', '--out', out)).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const method = html.slice(html.indexOf('<section id="method">'));
    expect(method).toContain('Aarhus Kommune');
    expect(method).toContain(sha(readFileSync(EXAMPLE)));
    expect(method).toContain(sha(rulesText));
    expect(html).not.toContain('010203-1234');
  });
});
