import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { fixtureApp } from '../testing/http-fixture';
import { auditCsv, createToken, isUnused, listTokens, noteTokenUse, recordAudit, revokeToken } from './index';
import { sagsflow } from '../testing/run-cli';

const DAY = 86_400_000;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('token last use', () => {
  it('noteTokenUse writes last_used_at at most once a minute per token', () => {
    const store = openDatabase(':memory:');
    const t = createToken(store.db, { role: 'viewer', now: new Date(0) });
    noteTokenUse(store.sqlite, t.id, null, 1_000_000);
    noteTokenUse(store.sqlite, t.id, 1_000_000, 1_030_000);
    expect(listTokens(store.db)[0]!.lastUsedAt!.getTime()).toBe(1_000_000);
    noteTokenUse(store.sqlite, t.id, 1_000_000, 1_060_000);
    expect(listTokens(store.db)[0]!.lastUsedAt!.getTime()).toBe(1_060_000);
    store.close();
  });

  it('an authenticated request sets last use; the audit counts as use too', async () => {
    const { store, get, tokens } = fixtureApp({ seed: false });
    const before = listTokens(store.db).find((t) => t.role === 'analyst' && t.jobcenters === null)!;
    expect(before.lastUsedAt).toBeNull();
    expect((await get('/api/logs', tokens.analyst)).status).toBe(200);
    const after = listTokens(store.db).find((t) => t.id === before.id)!;
    expect(Date.now() - after.lastUsedAt!.getTime()).toBeLessThan(5_000);
    const viewer = listTokens(store.db).find((t) => t.role === 'viewer' && t.jobcenters === null)!;
    recordAudit(store.db, { tokenId: viewer.id, action: 'read', ts: new Date(123_000) });
    expect(
      listTokens(store.db)
        .find((t) => t.id === viewer.id)!
        .lastUsedAt!.getTime(),
    ).toBe(123_000);
    store.close();
  });

  it('isUnused flags active tokens idle N days (counting from creation when never used), not revoked or expired ones', () => {
    const store = openDatabase(':memory:');
    const now = new Date(100 * DAY);
    createToken(store.db, { role: 'viewer', name: 'idle', now: new Date(10 * DAY) });
    const fresh = createToken(store.db, { role: 'viewer', name: 'fresh', now: new Date(80 * DAY) });
    const used = createToken(store.db, { role: 'viewer', name: 'used', now: new Date(0) });
    const gone = createToken(store.db, { role: 'viewer', name: 'gone', now: new Date(0) });
    const expired = createToken(store.db, { role: 'viewer', name: 'expired', now: new Date(0), expiresDays: 50 });
    noteTokenUse(store.sqlite, used.id, null, 95 * DAY);
    revokeToken(store.db, gone.id, new Date(5 * DAY));
    const flagged = listTokens(store.db)
      .filter((t) => isUnused(t, 30, now))
      .map((t) => t.name);
    expect(flagged).toEqual(['idle']);
    expect(
      listTokens(store.db)
        .filter((t) => isUnused(t, 20, now))
        .map((t) => t.name)
        .sort(),
    ).toEqual(['fresh', 'idle']);
    void fresh;
    void expired;
    store.close();
  });
});

describe('sagsflow token list/revoke --unused-days and audit export', () => {
  it('flags and revokes idle tokens in one command and exports the audit of a date range as CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-access-'));
    dirs.push(dir);
    const db = join(dir, 'store.sqlite');
    const store = openDatabase(db);
    const old = createToken(store.db, { role: 'viewer', name: 'old', now: new Date(Date.now() - 200 * DAY) });
    const active = createToken(store.db, { role: 'admin', name: 'active', now: new Date(Date.now() - 200 * DAY) });
    noteTokenUse(store.sqlite, active.id, null, Date.now() - DAY);
    recordAudit(store.db, {
      tokenId: active.id,
      action: 'read',
      target: 'odata/Cases',
      detail: '?$top=5, "x"',
      ts: new Date('2026-03-02T10:00:00Z'),
    });
    recordAudit(store.db, { tokenId: null, action: 'load', target: 'demo', ts: new Date('2026-03-04T23:59:00Z') });
    recordAudit(store.db, { tokenId: null, action: 'load', target: 'later', ts: new Date('2026-03-05T00:00:00Z') });
    store.close();

    const list = await sagsflow('token', 'list', '--db', db, '--unused-days', '90');
    expect(list.code).toBe(0);
    const lines = list.stdout.trim().split('\n');
    expect(lines.find((l) => l.includes('"old"'))).toMatch(/never used {2}UNUSED 90\+ days$/);
    expect(lines.find((l) => l.includes('"active"'))).toMatch(/last used \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);

    const revoke = await sagsflow('token', 'revoke', '--db', db, '--unused-days', '90');
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toContain(`revoked ${old.id}`);
    expect(revoke.stdout).toContain('1 token unused for 90+ days revoked');
    expect((await sagsflow('token', 'list', '--db', db)).stdout).toMatch(/"old".*revoked/);
    expect((await sagsflow('token', 'revoke', '--db', db)).stderr).toBe(
      'sagsflow: token revoke: give either a token id or --unused-days N\n',
    );

    const out = join(dir, 'audit.csv');
    const exp = await sagsflow('audit', 'export', '--db', db, '--from', '2026-03-01', '--to', '2026-03-04', '--out', out);
    expect(exp.stdout).toBe(`2 audit entries written to ${out}\n`);
    const csv = readFileSync(out, 'utf8');
    expect(csv).toBe(
      'ts,token_id,token_name,role,action,target,detail\r\n' +
        `2026-03-02T10:00:00.000Z,${active.id},active,admin,read,odata/Cases,"?$top=5, ""x"""\r\n` +
        '2026-03-04T23:59:00.000Z,,,,load,demo,\r\n',
    );
    expect(csv).not.toContain('sf_');
    const bad = await sagsflow('audit', 'export', '--db', db, '--from', '2026-02-30', '--to', '2026-03-04', '--out', out);
    expect(bad.stderr).toContain('expected a date YYYY-MM-DD, got "2026-02-30"');
    const s2 = openDatabase(db);
    expect(auditCsv(s2.sqlite, new Date(0), new Date(1)).rows).toBe(0);
    s2.close();
  });
});
