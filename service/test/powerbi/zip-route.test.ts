import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, test } from 'vitest';
import { createApp } from '../../src/app';
import { openDatabase } from '../../src/db/client';
import { seedFixture } from '../../src/testing/http-fixture';
import { createToken } from '../../src/tokens';
import { fakePbiviz, repoGuid } from './fake-visual';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function appWithVisual(withVisual = true) {
  const distDir = mkdtempSync(join(tmpdir(), 'sagsflow-dist-'));
  const uploadDir = mkdtempSync(join(tmpdir(), 'sagsflow-up-'));
  dirs.push(distDir, uploadDir);
  if (withVisual) writeFileSync(join(distDir, `${repoGuid()}.0.1.0.0.pbiviz`), fakePbiviz());
  const store = openDatabase(':memory:');
  seedFixture(store);
  const tokens = {
    viewer: createToken(store.db, { role: 'viewer' }).token,
    analyst: createToken(store.db, { role: 'analyst' }).token,
    admin: createToken(store.db, { role: 'admin' }).token,
  };
  const app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath: store.path,
    uploadDir,
    log: () => {},
    preview: false,
    powerbi: { distDir },
  });
  const get = (url: string, token: string) => app.request(url, { headers: { Authorization: `Bearer ${token}` } });
  return { app, tokens, get };
}

describe('GET /api/powerbi.zip', () => {
  test('an analyst gets the project as a zip whose feed parameter is the address the request came to', async () => {
    const { get, tokens } = appWithVisual();
    const res = await get('http://pbi.kk.example:8787/api/powerbi.zip', tokens.analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/zip');
    expect(res.headers.get('Content-Disposition')).toContain('Sagsflow-powerbi.zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'Sagsflow.pbip',
        'Sagsflow.SemanticModel/definition/expressions.tmdl',
        'Sagsflow.Report/definition/report.json',
      ]),
    );
    expect(strFromU8(files['Sagsflow.SemanticModel/definition/expressions.tmdl']!)).toContain(
      'expression SagsflowFeedUrl = "http://pbi.kk.example:8787/odata"',
    );
    expect(Object.keys(files).some((p) => p.startsWith(`Sagsflow.Report/CustomVisuals/${repoGuid()}/`))).toBe(true);
  });

  test('an admin gets it too, in English with ?lang=en and without Cases with ?caseTables=false', async () => {
    const { get, tokens } = appWithVisual();
    const res = await get('https://sagsflow.kk.dk/api/powerbi.zip?lang=en&caseTables=false', tokens.admin);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files['Sagsflow.Report/definition/pages/overview/page.json']!)).toContain('"displayName": "Overview"');
    expect(files['Sagsflow.SemanticModel/definition/tables/Cases.tmdl']).toBeUndefined();
    expect(strFromU8(files['Sagsflow.SemanticModel/definition/expressions.tmdl']!)).toContain('"https://sagsflow.kk.dk/odata"');
  });

  test('a viewer token is refused with 403', async () => {
    const { get, tokens } = appWithVisual();
    const res = await get('http://localhost/api/powerbi.zip', tokens.viewer);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/analyst/);
  });

  test('bad parameters are 400 with the parameter named; no built visual is 503 saying how to build it', async () => {
    const { get, tokens } = appWithVisual();
    const lang = await get('http://localhost/api/powerbi.zip?lang=fr', tokens.analyst);
    expect(lang.status).toBe(400);
    expect(((await lang.json()) as { error: string }).error).toBe('lang: expected da or en, got "fr"');
    const bad = await get('http://localhost/api/powerbi.zip?process=%22x', tokens.analyst);
    expect(bad.status).toBe(400);
    const none = appWithVisual(false);
    const res = await none.get('http://localhost/api/powerbi.zip', none.tokens.analyst);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/no built visual .*npm run package/);
  });
});
