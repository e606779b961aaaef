import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { openDatabase } from '../../db/client';
import { ingestFiles } from '../../ingest/ingest-files';
import { tempDir } from '../../testing/ingest-fixtures';
import { createToken } from '../../tokens/index';

const END = 'Afmeldt som jobsøgende';
const rows = ['Sagsnummer,Aktivitet,Tidspunkt,Jobcenter'];
for (let i = 0; i < 12; i++) {
  const jc = i % 2 === 0 ? 'Nord' : 'Syd';
  const day = (d: number) => `2025-${String(3 + Math.floor(i / 4)).padStart(2, '0')}-${String(d).padStart(2, '0')}T09:00:00Z`;
  rows.push(
    `S${i},Tilmeldt som jobsøgende,${day(2)},${jc}`,
    `S${i},CV registreret,${day(4 + (i % 5))},${jc}`,
    `S${i},${END},${day(20)},${jc}`,
  );
}
const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

async function setup(minGroupSize = 5) {
  const t = tempDir();
  temps.push(t);
  process.env['SAGSFLOW_SECRET'] ??= 'whatif-route-secret';
  const store = openDatabase(t.path('db.sqlite'));
  await ingestFiles(store, { files: [t.write('hand.csv', rows.join('\n'))], log: 'hand', process: 'akademiker' });
  const app = createApp({ ...store, dbPath: store.path, uploadDir: t.path('uploads'), preview: false, minGroupSize });
  const token = (role: 'viewer' | 'analyst', jobcenters?: string[]) => createToken(store.db, { role, jobcenters }).token;
  const get = (path: string, tok: string) => app.request(path, { headers: { Authorization: `Bearer ${tok}` } });
  return { store, get, token };
}

describe('GET /api/logs/:name/whatif and /effect', () => {
  it('answers an analyst with the prediction and refuses a viewer', async () => {
    const { store, get, token } = await setup();
    const res = await get('/api/logs/hand/whatif?activity=CV%20registreret&waiting=0', token('analyst'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { cases: number; throughput: { after: { median: { seconds: number } } } };
    expect(body.cases).toBe(12);
    // Without the wait before CV registreret, case i takes 16 - i % 5 days: 12,12,13,13,14,14,15,15,15,16,16,16, median 14.5.
    expect(body.throughput.after.median.seconds).toBe(14.5 * 86400);
    expect((await get('/api/logs/hand/whatif?activity=CV%20registreret&waiting=0', token('viewer'))).status).toBe(403);
    store.close();
  });

  it('answers bad input with a 400 or 404 that names it', async () => {
    const { store, get, token } = await setup();
    const analyst = token('analyst');
    const noActivity = await get('/api/logs/hand/whatif?waiting=0', analyst);
    expect(noActivity.status).toBe(400);
    const unknown = await get('/api/logs/hand/whatif?activity=Nope&remove=true', analyst);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain('"Nope" does not occur');
    expect((await get('/api/logs/hand/whatif?activity=CV%20registreret&waiting=-1', analyst)).status).toBe(400);
    expect((await get('/api/logs/hand/effect?date=2025-13-01', analyst)).status).toBe(400);
    expect((await get('/api/logs/nope/effect?date=2025-04-01', analyst)).status).toBe(404);
    store.close();
  });

  it('gives a jobcenter-limited analyst its own cases only, and an effect without a control group', async () => {
    const { store, get, token } = await setup();
    const res = await get('/api/logs/hand/whatif?activity=CV%20registreret&waiting=0', token('analyst', ['Nord']));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { cases: number }).cases).toBe(6);
    const effect = await get('/api/logs/hand/effect?date=2025-04-01', token('analyst', ['Nord']));
    expect(effect.status).toBe(200);
    const body = (await effect.json()) as { figures: { control: unknown }[] };
    expect(body.figures.every((f) => f.control === null)).toBe(true);
    store.close();
  });

  it('refuses a prediction resting on fewer than k finished cases', async () => {
    const { store, get, token } = await setup(7);
    const res = await get('/api/logs/hand/whatif?activity=CV%20registreret&waiting=0', token('analyst', ['Nord']));
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('at least 7');
    store.close();
  });
});
