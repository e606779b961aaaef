import { describe, expect, it } from 'vitest';
import { fixtureApp } from '../../testing/http-fixture';

describe('POST /api/tokens refuses what it would otherwise ignore', () => {
  const fx = fixtureApp();
  const post = (body: string) =>
    fx.get('/api/tokens', fx.tokens.admin, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
  const error = async (body: string) => {
    const res = await post(body);
    return { status: res.status, error: ((await res.json()) as { error: string }).error };
  };

  it.each([
    ['{"role":"viewer","jobcenter":"Nord"}', /^body: jobcenter: unknown field$/],
    ['{"role":"viewer","jobcenters":[]}', /^body: jobcenters: give at least one jobcenter/],
    ['{"role":"viewer","expiresDay":30}', /^body: expiresDay: unknown field$/],
  ])('%s is a 400 naming the field', async (body, message) => {
    const r = await error(body);
    expect(r.status).toBe(400);
    expect(r.error).toMatch(message);
  });

  it('a body above 16 KiB is a 413 and no token is made', async () => {
    const before = fx.store.sqlite.prepare('SELECT count(*) AS n FROM tokens').get();
    const r = await error(JSON.stringify({ role: 'viewer', name: 'x'.repeat(20_000) }));
    expect(r).toEqual({ status: 413, error: 'body: larger than 16384 bytes' });
    expect(fx.store.sqlite.prepare('SELECT count(*) AS n FROM tokens').get()).toEqual(before);
  });

  it('a valid limited token with an expiry is still created', async () => {
    const res = await post('{"role":"viewer","jobcenters":["Nord"],"expiresDays":30}');
    expect(res.status).toBe(201);
    expect(((await res.json()) as { jobcenters: string[] }).jobcenters).toEqual(['Nord']);
  });
});
