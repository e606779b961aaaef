import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { createToken, hashToken, listAudit, listTokens, recordAudit, revokeToken, roleAllows, verifyToken } from './index';

describe('tokens', () => {
  it('createToken returns sf_ + 43 base64url chars once and stores only its sha256', () => {
    const store = openDatabase(':memory:');
    const t = createToken(store.db, { role: 'viewer', jobcenters: ['Nord', 'Syd', 'Nord'] });
    expect(t.token).toMatch(/^sf_[A-Za-z0-9_-]{43}$/);
    expect(t.jobcenters).toEqual(['Nord', 'Syd']);
    const stored = store.sqlite.prepare('select * from tokens').all() as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!['hash']).toBe(hashToken(t.token));
    expect(JSON.stringify(stored)).not.toContain(t.token.slice(3));
    store.close();
  });

  it('verifyToken gives role and jobcenters, null for unknown, expired after expiresDays, revoked after revokeToken', () => {
    const store = openDatabase(':memory:');
    const t0 = new Date(Date.UTC(2025, 0, 1));
    const t = createToken(store.db, { role: 'analyst', expiresDays: 2, now: t0, name: 'chef' });
    const v = verifyToken(store.db, t.token, new Date(Date.UTC(2025, 0, 2)));
    expect(v).toEqual({
      id: t.id,
      name: 'chef',
      role: 'analyst',
      jobcenters: null,
      expired: false,
      revoked: false,
      valid: true,
      lastUsedAt: null,
    });
    expect(verifyToken(store.db, t.token, new Date(Date.UTC(2025, 0, 3)))?.expired).toBe(true);
    expect(verifyToken(store.db, t.token + 'x')).toBeNull();
    expect(verifyToken(store.db, 'nope')).toBeNull();
    expect(revokeToken(store.db, t.id)).toBe(true);
    expect(revokeToken(store.db, t.id)).toBe(false);
    expect(verifyToken(store.db, t.token, new Date(Date.UTC(2025, 0, 2)))).toMatchObject({ revoked: true, valid: false });
    expect(listTokens(store.db).map((x) => x.id)).toEqual([t.id]);
    store.close();
  });

  it('createToken rejects an unknown role with a one-line message', () => {
    const store = openDatabase(':memory:');
    expect(() => createToken(store.db, { role: 'boss' as 'admin' })).toThrow(/unknown role "boss"/);
    store.close();
  });

  it('roleAllows orders admin > analyst > viewer', () => {
    expect(roleAllows('admin', 'analyst')).toBe(true);
    expect(roleAllows('analyst', 'admin')).toBe(false);
    expect(roleAllows('viewer', 'viewer')).toBe(true);
  });

  it('recordAudit appends entries that listAudit returns newest first', () => {
    const store = openDatabase(':memory:');
    recordAudit(store.db, { tokenId: null, action: 'load', target: 'demo', ts: new Date(1000) });
    recordAudit(store.db, { tokenId: 't_1', action: 'read', target: 'Steps', detail: '$top=10', ts: new Date(2000) });
    const rows = listAudit(store.db);
    expect(rows.map((r) => [r.action, r.tokenId, r.target, r.detail])).toEqual([
      ['read', 't_1', 'Steps', '$top=10'],
      ['load', null, 'demo', null],
    ]);
    store.close();
  });
});
