import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { createToken } from '../../tokens';
import { createApp } from '../../app';
import { TINY_CSV } from '../../testing/ingest-fixtures';
import { createJobRunner } from './job-runner';
import { receiveUpload } from './receive-upload';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup(maxUploadBytes?: number) {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-http-up-'));
  dirs.push(dir);
  const dbPath = join(dir, 'db.sqlite');
  const store = openDatabase(dbPath);
  const jobs = createJobRunner();
  const uploadDir = join(dir, 'uploads');
  const app = createApp({ db: store.db, sqlite: store.sqlite, dbPath, uploadDir, jobs, maxUploadBytes, log: () => {}, preview: false });
  const analyst = createToken(store.db, { role: 'analyst' }).token;
  const auth = { Authorization: `Bearer ${analyst}` };
  return { store, jobs, app, auth, uploadDir };
}

describe('upload -> job -> data', () => {
  it('a multipart upload is ingested by a worker job and its data is served', async () => {
    const { app, jobs, auth, uploadDir, store } = setup();
    const form = new FormData();
    form.set('process', 'dagpenge');
    form.set('purpose', 'Tilsyn med dagpengesager');
    form.set('legalBasis', 'GDPR art. 6(1)(e)');
    form.set('controller', 'Kommunen');
    form.set('file', new Blob([TINY_CSV], { type: 'text/csv' }), 'tiny.csv');
    const res = await app.request('/api/logs/tiny/uploads?maxQuarantineShare=1', { method: 'POST', body: form, headers: auth });
    expect(res.status).toBe(202);
    const job = (await res.json()) as { id: string; state: string };
    expect(res.headers.get('Location')).toBe(`/api/jobs/${job.id}`);
    expect(['queued', 'running']).toContain(job.state);
    await jobs.wait(job.id);
    const done = (await (await app.request(`/api/jobs/${job.id}`, { headers: auth })).json()) as {
      state: string;
      progress: number;
      error: string | null;
      report: { rows: Record<string, number>; status: string };
    };
    expect(done.error).toBeNull();
    expect(done.state).toBe('done');
    expect(done.progress).toBe(1);
    expect(done.report.rows).toEqual({ read: 10, accepted: 7, duplicates: 1, quarantined: 2 });
    expect((done as unknown as { files: string[] }).files).toEqual(['tiny.csv']);
    const quarantined = store.sqlite.prepare('SELECT DISTINCT file FROM quarantine').all();
    expect(quarantined).toEqual([{ file: 'tiny.csv' }]);
    expect(store.sqlite.prepare('SELECT purpose, controller FROM logs').get()).toEqual({
      purpose: 'Tilsyn med dagpengesager',
      controller: 'Kommunen',
    });
    expect(store.sqlite.prepare('SELECT loaded_by FROM loads').pluck().get()).toMatch(/^token:/);
    const variants = (await (await app.request('/api/logs/tiny/variants', { headers: auth })).json()) as { cases: unknown };
    expect(variants.cases).toBe('<5');
    const steps = await (await app.request('/odata/Steps/$count', { headers: auth })).text();
    expect(Number(steps)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(readdirSync(uploadDir)).toEqual([]);
    const auditQuery = store.sqlite.prepare("SELECT action, target FROM audit WHERE action IN ('upload', 'load') ORDER BY id");
    for (let i = 0; i < 40 && auditQuery.all().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const audit = auditQuery.all();
    expect(audit).toEqual([
      { action: 'upload', target: 'tiny' },
      { action: 'load', target: 'tiny' },
    ]);
    await jobs.close();
  });

  it('a raw body with ?filename= is ingested too; a bad file fails with a one-line error', async () => {
    const { app, jobs, auth } = setup();
    const ok = await app.request(
      '/api/logs/raw/uploads?filename=x.csv&process=dagpenge&maxQuarantineShare=0.5&purpose=Tilsyn&legalBasis=GDPR&controller=Kommunen',
      {
        method: 'POST',
        body: TINY_CSV,
        headers: { ...auth, 'Content-Type': 'text/csv' },
      },
    );
    const okJob = (await ok.json()) as { id: string };
    expect((await jobs.wait(okJob.id)).state).toBe('done');
    const bad = await app.request('/api/logs/bad/uploads?filename=x.csv', {
      method: 'POST',
      body: 'just one column\nno\n',
      headers: { ...auth, 'Content-Type': 'text/csv' },
    });
    const badJob = await jobs.wait(((await bad.json()) as { id: string }).id);
    expect(badJob.state).toBe('failed');
    expect(badJob.error).toMatch(/\S/);
    expect(badJob.error).not.toContain('\n');
    await jobs.close();
  });

  it('an upload above the size limit is refused with 413 and leaves no file behind', async () => {
    const { app, jobs, auth, uploadDir } = setup(1000);
    const res = await app.request('/api/logs/big/uploads?filename=x.csv', {
      method: 'POST',
      body: 'x'.repeat(5000),
      headers: { ...auth, 'Content-Type': 'text/csv' },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain('1000 bytes');
    expect(existsSync(uploadDir) ? readdirSync(uploadDir) : []).toEqual([]);
    await jobs.close();
  });
});

describe('receiveUpload', () => {
  it('parses multipart split into 1..7-byte chunks: file bytes exact, fields collected', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-mp-'));
    dirs.push(dir);
    const content = 'a,b\r\n--not-the-boundary\r\næøå,"x"\r\n';
    const boundary = 'XyZ123';
    const body = [
      'preamble',
      `--${boundary}`,
      'Content-Disposition: form-data; name="process"',
      '',
      'akademiker',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="../../evil name.csv"',
      'Content-Type: text/csv',
      '',
      content,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const bytes = new TextEncoder().encode(body);
    let at = 0;
    let size = 1;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
        size = (size % 7) + 1;
      },
    });
    const request = new Request('http://x/', {
      method: 'POST',
      body: stream,
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit);
    const out = await receiveUpload(request, join(dir, 'u'), { maxBytes: 1e6, rawName: 'r.csv' });
    expect(out.fields).toEqual({ process: 'akademiker' });
    expect(out.files.map((f) => f.name)).toEqual(['evil_name.csv']);
    expect(readFileSync(out.files[0]!.path, 'utf8')).toBe(content);
    expect(out.files[0]!.path.startsWith(join(dir, 'u'))).toBe(true);
  });
});
