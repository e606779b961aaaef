import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { openDatabase } from '../../db/client';
import { ingestFiles } from '../../ingest/index';
import { LENIENT_POLICY, tempDir } from '../../testing/ingest-fixtures';
import { createToken } from '../../tokens';
import { createJobRunner } from '../jobs/job-runner';

/** `cases` cases Tilmelding → `middle` → Afmeldt in jobcenter Nord. */
function extract(cases: number, middle: string): string {
  const rows = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  for (let c = 0; c < cases; c++)
    rows.push(`S-${c},Tilmelding,2024-04-01 09:00,Nord`, `S-${c},${middle},2024-04-02 09:00,Nord`, `S-${c},Afmeldt,2024-04-03 09:00,Nord`);
  return `${rows.join('\n')}\n`;
}

describe('REST: GET /api/logs/:name/versions and POST /api/logs/:name/versions/:n/current', () => {
  const tmp = tempDir('sagsflow-http-versions-');
  const store = openDatabase(tmp.path('db.sqlite'));
  const jobs = createJobRunner();
  afterAll(async () => {
    await jobs.close();
    store.close();
    tmp.remove();
  });
  const app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath: tmp.path('db.sqlite'),
    uploadDir: tmp.path('up'),
    jobs,
    log: () => {},
    preview: false,
  });
  const analyst = createToken(store.db, { role: 'analyst', name: 'ana' });
  const auth = { Authorization: `Bearer ${analyst.token}` };
  const get = async (path: string) => (await app.request(path, { headers: auth })).json() as Promise<Record<string, unknown>>;

  it('serves the earlier version everywhere once it is made current, and audits it', async () => {
    await ingestFiles(store, { files: [tmp.write('a.csv', extract(6, 'Samtale'))], log: 'dp', policy: LENIENT_POLICY });
    await ingestFiles(store, {
      files: [tmp.write('b.csv', extract(7, 'Kursus'))],
      log: 'dp',
      policy: LENIENT_POLICY,
      loadedBy: analyst.id,
    });
    const list = (await get('/api/logs/dp/versions')) as { versions: { version: number; current: boolean; loadedBy: unknown }[] };
    expect(list.versions.map((v) => [v.version, v.current, v.loadedBy])).toEqual([
      [2, true, { tokenId: analyst.id, name: 'ana' }],
      [1, false, null],
    ]);
    const activities = async () =>
      ((await get('/odata/Activities?$select=activity,cases')) as { value: { activity: string; cases: number }[] }).value
        .map((a) => `${a.activity}:${a.cases}`)
        .sort();
    expect(await activities()).toEqual(['Afmeldt:7', 'Kursus:7', 'Tilmelding:7']);
    const res = await app.request('/api/logs/dp/versions/1/current', { method: 'POST', headers: auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ log: 'dp', from: 2, to: 1, cases: 6, events: 18 });
    expect(await activities()).toEqual(['Afmeldt:6', 'Samtale:6', 'Tilmelding:6']);
    const csv = await (await app.request('/api/tables/variants.csv', { headers: auth })).text();
    expect(csv).toContain('Tilmelding → Samtale → Afmeldt');
    expect(csv).not.toContain('Kursus');
    expect(((await get('/api/logs/dp')) as { currentVersion: number }).currentVersion).toBe(1);
    await new Promise((r) => setTimeout(r, 50));
    const audit = store.sqlite.prepare("SELECT token_id AS t, target, detail FROM audit WHERE action = 'version-rollback'").all();
    expect(audit).toEqual([{ t: analyst.id, target: 'dp', detail: '{"from":2,"to":1}' }]);
  });

  it('serves neither the kept versions nor the jobs as tables, even to an admin', async () => {
    const admin = { Authorization: `Bearer ${createToken(store.db, { role: 'admin' }).token}` };
    const sets = ((await (await app.request('/odata', { headers: admin })).json()) as { value: { url: string }[] }).value.map((s) => s.url);
    expect(sets.filter((s) => /version|^Jobs$|^LogVersions$/i.test(s))).toEqual([]);
    for (const table of ['version_events', 'version_cases', 'log_versions', 'jobs'])
      expect((await app.request(`/api/tables/${table}.csv`, { headers: admin })).status).toBe(404);
  });

  it('answers 409 for the current version, 404 for an unknown one or log, 400 for a bad number', async () => {
    const post = async (path: string) => {
      const res = await app.request(path, { method: 'POST', headers: auth });
      return [res.status, ((await res.json()) as { error: string }).error];
    };
    expect(await post('/api/logs/dp/versions/1/current')).toEqual([409, "version 1 of log 'dp' is already current"]);
    expect(await post('/api/logs/dp/versions/5/current')).toEqual([
      404,
      "log 'dp' has no version 5 (sagsflow versions list shows its versions)",
    ]);
    expect(await post('/api/logs/nope/versions/1/current')).toEqual([404, "no log named 'nope'"]);
    expect(await post('/api/logs/dp/versions/x/current')).toEqual([400, "version must be a positive integer, got 'x'"]);
  });
});
