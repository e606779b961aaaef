import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDatabase } from '../db/client';
import { createJobRunner } from '../http/jobs/job-runner';
import { createToken } from '../tokens';

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="a" name="Tilmelding"/><bpmn:task id="b" name="Afmeldt"/><bpmn:endEvent id="e"/>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a"/><bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/><bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

const CSV = [
  'Sags-id,Aktivitet,Tidspunkt',
  'S-1,Tilmelding,2024-01-10 09:00',
  'S-1,Afmeldt,2024-01-11 09:00',
  'S-2,Tilmelding,2024-01-10 09:00',
  'S-2,CV registreret,2024-01-11 09:00',
  'S-2,Afmeldt,2024-01-12 09:00',
  'S-3,Tilmelding,2024-01-10 09:00',
  'S-3,Tilmelding,2024-01-11 09:00',
].join('\n');

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('upload with a .bpmn part', () => {
  it('attaches the uploaded model to the new log version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-conf-up-'));
    dirs.push(dir);
    const dbPath = join(dir, 'db.sqlite');
    const store = openDatabase(dbPath);
    const jobs = createJobRunner();
    const app = createApp({ db: store.db, sqlite: store.sqlite, dbPath, uploadDir: join(dir, 'up'), jobs, log: () => {}, preview: false });
    const auth = { Authorization: `Bearer ${createToken(store.db, { role: 'analyst' }).token}` };
    const form = new FormData();
    form.append('file', new Blob([CSV], { type: 'text/csv' }), 'tiny.csv');
    form.append('model', new Blob([MODEL], { type: 'application/xml' }), 'model.bpmn');
    const res = await app.request('/api/logs/tiny/uploads', { method: 'POST', body: form, headers: auth });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string };
    await jobs.wait(job.id);
    const done = (await (await app.request(`/api/jobs/${job.id}`, { headers: auth })).json()) as {
      state: string;
      error: string | null;
      files: string[];
    };
    expect(done).toMatchObject({ state: 'done', error: null, files: ['tiny.csv'] });
    expect(store.sqlite.prepare('SELECT model, tasks, log_activities_not_in_model AS unknown FROM conformance_models').all()).toEqual([
      { model: 'model.bpmn', tasks: 2, unknown: '["CV registreret"]' },
    ]);
    // S-3 ends with Tilmelding, no end activity of this log (inferred: Afmeldt), so it is open and not checked.
    expect(store.sqlite.prepare('SELECT sum(cases) AS cases, sum(fitting_cases) AS fitting FROM conformance_variants').get()).toEqual({
      cases: 2,
      fitting: 1,
    });
    await jobs.close();
    store.close();
  });
});
