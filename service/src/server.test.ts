import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from './server';

describe('startServer', () => {
  it('startServer({port: 0}) listens on a free port, answers /healthz and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-srv-'));
    const server = await startServer({ dbPath: join(dir, 'db.sqlite'), port: 0, log: () => {} });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
    expect((await fetch(`${server.url}/odata`)).status).toBe(401);
    const preview = await fetch(`${server.url}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    await server.close();
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database file 0600 and the upload folder 0700', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-srv-'));
    const server = await startServer({ dbPath: join(dir, 'db.sqlite'), port: 0, log: () => {} });
    expect(statSync(join(dir, 'db.sqlite')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'uploads')).mode & 0o777).toBe(0o700);
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
