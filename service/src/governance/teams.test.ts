import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { ingestFiles } from '../ingest/ingest-files';
import { createToken } from '../tokens/index';
import { OTHER_TEAMS } from './teams';

/** Team A: 3 caseworkers, 3 cases. Team B: 1 caseworker, 4 cases. Team C: 3 caseworkers, 2 cases. */
const CASES: [string, string, string, string][] = [
  ['C1', 'A', 'a1', 'a2'],
  ['C2', 'A', 'a2', 'a3'],
  ['C3', 'A', 'a3', 'a1'],
  ['C4', 'B', 'b1', 'b1'],
  ['C5', 'B', 'b1', 'b1'],
  ['C6', 'B', 'b1', 'b1'],
  ['C7', 'B', 'b1', 'b1'],
  ['C8', 'C', 'c1', 'c2'],
  ['C9', 'C', 'c3', 'c1'],
];
const CSV = [
  'Sagsnummer,Aktivitet,Tidspunkt,Sagsbehandler,Team,Note',
  ...CASES.flatMap(([c, team, first, second], i) => [
    `${c},Modtag,2024-01-0${1 + (i % 5)}T09:00:00Z,${first},${team},x`,
    `${c},Afgør,2024-01-2${i % 5}T09:00:00Z,${second},${team},y`,
  ]),
].join('\n');

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-teams-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function loaded(k: number, team = true): Promise<{ store: SagsflowDatabase; db: string }> {
  const db = join(dir, `store-${k}.sqlite`);
  const file = join(dir, 'extract.csv');
  writeFileSync(file, CSV);
  const store = openDatabase(db);
  const mapping = {
    case: 'Sagsnummer',
    activity: 'Aktivitet',
    timestamp: 'Tidspunkt',
    resource: 'Sagsbehandler',
    ...(team ? { team: 'Team' } : {}),
  };
  await ingestFiles(store, { files: [file], log: 'tilsyn', process: 'tilsyn', minGroupSize: k, mapping });
  return { store, db };
}

const teamRows = (store: SagsflowDatabase) =>
  store.sqlite.prepare('SELECT team, cases, caseworkers, events, open_cases + finished_cases AS total FROM teams ORDER BY id').all();

describe('team-level supervision', () => {
  it('with k = 3, a team under 3 caseworkers or 3 cases is not shown on its own; the merged rest is shown when it reaches k', async () => {
    const { store } = await loaded(3);
    expect(teamRows(store)).toEqual([
      { team: 'A', cases: 3, caseworkers: 3, events: 6, total: 3 },
      { team: OTHER_TEAMS, cases: 6, caseworkers: 4, events: 12, total: 6 },
    ]);
    expect(store.sqlite.prepare('SELECT DISTINCT team FROM events ORDER BY team').pluck().all()).toEqual(['A', 'B', 'C']);
    expect(store.sqlite.prepare("SELECT count(*) FROM events WHERE attributes LIKE '%Team%'").pluck().get()).toBe(0);
    store.close();
  });

  it('with k = 4, team A (3 caseworkers) is merged, and with k = 10 nothing reaches k: no team row at all', async () => {
    const four = await loaded(4);
    expect(teamRows(four.store)).toEqual([{ team: OTHER_TEAMS, cases: 9, caseworkers: 7, events: 18, total: 9 }]);
    four.store.close();
    const ten = await loaded(10);
    expect(teamRows(ten.store)).toEqual([]);
    ten.store.close();
  });

  it('a mapping without a team column writes no team rows', async () => {
    const { store } = await loaded(3, false);
    expect(teamRows(store)).toEqual([]);
    store.close();
  });

  it('figures per caseworker (Events) are refused to analysts and viewers, served to admins; Teams is served to analysts, not viewers', async () => {
    const { store, db } = await loaded(3);
    const app = createApp({
      db: store.db,
      sqlite: store.sqlite,
      dbPath: db,
      uploadDir: dir,
      log: () => {},
      preview: false,
      powerbi: { distDir: dir },
    });
    const token = (role: 'viewer' | 'analyst' | 'admin') => createToken(store.db, { role }).token;
    const [viewer, analyst, admin] = [token('viewer'), token('analyst'), token('admin')];
    const get = (path: string, t: string) => app.request(path, { headers: { Authorization: `Bearer ${t}` } });
    for (const t of [viewer, analyst]) {
      const odata = await get('/odata/Events', t);
      expect(odata.status).toBe(403);
      expect(JSON.stringify(await odata.json())).toContain('figures per caseworker');
      expect((await get('/api/tables/events.csv', t)).status).toBe(403);
      expect(await (await get('/odata/$metadata', t)).text()).not.toContain('EntitySet Name="Events"');
    }
    expect((await get('/odata/Events', admin)).status).toBe(200);
    expect((await get('/api/tables/events.csv', admin)).status).toBe(200);
    const teams = (await (await get('/odata/Teams', analyst)).json()) as { value: { team: string }[] };
    expect(teams.value.map((r) => r.team)).toEqual(['A', OTHER_TEAMS]);
    expect((await get('/odata/Teams', viewer)).status).toBe(403);
    store.close();
  });
});
