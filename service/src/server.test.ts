import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/client';
import { createToken } from './tokens';
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

  it('while another connection holds the write lock, reads answer at once and a write is a quick 503', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-srv-'));
    const dbPath = join(dir, 'db.sqlite');
    const load = openDatabase(dbPath);
    const auth = { Authorization: `Bearer ${createToken(load.db, { role: 'admin' }).token}` };
    const server = await startServer({ dbPath, port: 0, log: () => {} });
    load.sqlite.exec('BEGIN IMMEDIATE');
    load.sqlite.exec("DELETE FROM tokens WHERE id = 'none'");
    let t = performance.now();
    expect((await fetch(`${server.url}/api/logs`, { headers: auth })).status).toBe(200);
    expect(performance.now() - t).toBeLessThan(1000);
    t = performance.now();
    const res = await fetch(`${server.url}/api/tokens`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{"role":"viewer"}',
    });
    expect(performance.now() - t).toBeLessThan(1000);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: string }).error).toMatch(/busy with a load/);
    load.sqlite.exec('ROLLBACK');
    load.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
