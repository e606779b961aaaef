import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { main } from './main';

async function sagsflow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await main(['node', 'sagsflow', ...args]), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** `cases` cases of two events; the first `bad` rows carry a date in a format the reader cannot read. */
function extract(cases: number, bad = 0): string {
  const rows = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  for (let c = 0; c < cases; c++) {
    for (const [a, day] of [
      ['Tilmelding', 10],
      ['Afmeldt', 12],
    ] as const) {
      const date = rows.length - 1 < bad ? `${day}/02/2024 9h` : `2024-02-${day} 09:00`;
      rows.push(`S-${c},${a},${date},Jobcenter Nord`);
    }
  }
  return `${rows.join('\n')}\n`;
}

describe('sagsflow ingest: the load policy and --dry-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-policy-'));
  const db = join(dir, 'p.sqlite');
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const versions = () => {
    const s = new Database(db, { readonly: true });
    try {
      return s.prepare("SELECT version, status, cases FROM loads WHERE log = 'p' ORDER BY id").all();
    } finally {
      s.close();
    }
  };

  it('refuses a load with 62% of its rows quarantined, naming the reason and the override, and keeps nothing current', async () => {
    const bad = file('bad.csv', extract(50, 62));
    const r = await sagsflow('ingest', bad, '--db', db, '--log', 'p');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^sagsflow: ingest bad\.csv: refused by the load policy: 62% of the rows were quarantined \(62 of 100; bad-timestamp: 62\), above the limit of 5%: .* --max-quarantine-share 0\.62\n$/,
    );
    expect(versions()).toEqual([{ version: null, status: 'failed', cases: 0 }]);
  });

  it('--dry-run reports what would be stored, and why the policy would refuse it, and stores nothing', async () => {
    const r = await sagsflow('ingest', file('bad2.csv', extract(50, 62)), '--db', db, '--log', 'p', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('log "p": dry run, nothing stored (would be version 1)');
    expect(r.stdout).toContain('  policy     would refuse: 62% of the rows were quarantined');
    expect(versions()).toHaveLength(1);
  });

  it('--max-quarantine-share 0.7 loads the 62% file; a partial file (50 -> 40 cases) is refused until --max-case-drop allows it', async () => {
    const raised = await sagsflow('ingest', file('bad3.csv', extract(50, 62)), '--db', db, '--log', 'q', '--max-quarantine-share', '0.7');
    expect(raised.stdout).toContain('log "q": stored as version 1');
    expect((await sagsflow('ingest', file('full.csv', extract(50)), '--db', db, '--log', 'p')).code).toBe(0);
    const partial = file('partial.csv', extract(40));
    const refused = await sagsflow('ingest', partial, '--db', db, '--log', 'p');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the load has 40 cases, 20% fewer than the 50 of the current version (limit 10%)');
    const forced = await sagsflow('ingest', partial, '--db', db, '--log', 'p', '--max-case-drop', '0.2');
    expect(forced.code).toBe(0);
    expect(versions()).toEqual([
      { version: null, status: 'failed', cases: 0 },
      { version: 1, status: 'stored', cases: 50 },
      { version: null, status: 'failed', cases: 0 },
      { version: 2, status: 'stored', cases: 40 },
    ]);
    const share = await sagsflow('ingest', partial, '--db', db, '--log', 'p', '--max-case-drop', '2');
    expect(share.stderr).toBe("sagsflow: --max-case-drop: expected a share from 0 to 1 (0.05 = 5%), got '2'\n");
  });
});
