import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { ingestFiles } from '../ingest/ingest-files';
import { LENIENT_POLICY } from '../testing/ingest-fixtures';
import { GOVERNANCE_FLAGS } from '../testing/run-cli';
import { createPseudonymizer, resolveSecret } from '../privacy/index';
import { listAudit } from '../tokens/index';
import { applyRetention, retentionCutoff } from './retention';
import { setRetention } from './retention-period';

const CSV = [
  'Sagsnummer,Aktivitet,Tidspunkt,Sagsbehandler',
  'OLD,Modtag,2018-01-02T09:00:00Z,anna',
  'OLD,Afgør,2018-06-01T09:00:00Z,bo',
  'EDGE,Modtag,2019-01-03T09:00:00Z,anna',
  'EDGE,Afgør,2019-06-01T11:59:00Z,bo',
  'KEEP,Modtag,2019-01-03T10:00:00Z,bo',
  'KEEP,Afgør,2019-06-01T12:00:00Z,anna',
  'NEW,Modtag,2023-01-03T10:00:00Z,bo',
  'NEW,Afgør,2023-02-03T10:00:00Z,anna',
  'OLD,Afgør,not a date,bo',
].join('\n');
const NOW = new Date('2024-06-01T12:00:00Z');

let dir = '';
let secret: string | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-retention-'));
  secret = process.env['SAGSFLOW_SECRET'];
  delete process.env['SAGSFLOW_SECRET'];
});
afterEach(() => {
  if (secret !== undefined) process.env['SAGSFLOW_SECRET'] = secret;
  rmSync(dir, { recursive: true, force: true });
});

async function loaded(): Promise<{ store: SagsflowDatabase; db: string; file: string }> {
  const db = join(dir, 'store.sqlite');
  const file = join(dir, 'extract.csv');
  writeFileSync(file, CSV);
  const store = openDatabase(db);
  await ingestFiles(store, { files: [file], log: 'demo', process: 'demo', policy: LENIENT_POLICY });
  return { store, db, file };
}

const caseIds = (store: SagsflowDatabase) => store.sqlite.prepare('SELECT case_id FROM cases ORDER BY case_id').pluck().all() as string[];

describe('retention', () => {
  it('retentionCutoff subtracts calendar years, 29 February falling back to 28 February', () => {
    expect(retentionCutoff(NOW, 5).toISOString()).toBe('2019-06-01T12:00:00.000Z');
    expect(retentionCutoff(new Date('2024-02-29T00:00:00Z'), 1).toISOString()).toBe('2023-02-28T00:00:00.000Z');
  });

  it('with a fixed clock removes exactly the cases whose last event is before the limit, from every table, and audits the counts', async () => {
    const { store, db } = await loaded();
    const p = createPseudonymizer(resolveSecret(db, {}));
    const [old, edge, keep, fresh] = ['OLD', 'EDGE', 'KEEP', 'NEW'].map((c) => p.pseudonym(c)) as [string, string, string, string];
    expect(applyRetention(store, { now: NOW })).toEqual([]);
    expect(setRetention(store, 'demo', 5)).toBe(true);
    expect(setRetention(store, 'nope', 5)).toBe(false);

    const dry = applyRetention(store, { now: NOW, dryRun: true });
    expect(dry).toMatchObject([{ log: 'demo', retentionYears: 5, cases: 2, rows: { events: 4, cases: 2, quarantine: 1 } }]);
    expect(caseIds(store)).toHaveLength(4);
    expect(listAudit(store.db).filter((a) => a.action === 'retention')).toEqual([]);

    const keepBefore = store.sqlite
      .prepare('SELECT start, "end", duration_seconds, events, variant_key FROM cases WHERE case_id = ?')
      .get(keep);
    const done = applyRetention(store, { now: NOW });
    expect(done).toMatchObject([{ log: 'demo', cases: 2, rows: { events: 4, cases: 2, quarantine: 1 }, logs: ['demo'] }]);
    expect(caseIds(store)).toEqual([keep, fresh].sort());
    expect(
      store.sqlite.prepare('SELECT start, "end", duration_seconds, events, variant_key FROM cases WHERE case_id = ?').get(keep),
    ).toEqual(keepBefore);
    expect(store.sqlite.prepare('SELECT count(*) FROM events WHERE case_id IN (?, ?)').pluck().get(old, edge)).toBe(0);
    expect(store.sqlite.prepare('SELECT count(*) FROM quarantine').pluck().get()).toBe(0);
    expect(store.sqlite.prepare("SELECT sum(cases) FROM jobcenters WHERE log = 'demo'").pluck().get()).toBe(2);
    const audit = listAudit(store.db).find((a) => a.action === 'retention')!;
    expect([audit.target, audit.ts.toISOString()]).toEqual(['demo', NOW.toISOString()]);
    expect(JSON.parse(audit.detail!)).toMatchObject({ retentionYears: 5, cutoff: '2019-06-01T12:00:00.000Z', cases: 2, rows: 7 });
    expect(audit.detail).not.toContain(old);
    expect(applyRetention(store, { now: NOW })[0]!.cases).toBe(0);
    store.close();
  });

  it('every load applies the retention period right after it commits: the cases past it are gone, the audit has the counts', async () => {
    const db = join(dir, 'store.sqlite');
    const file = join(dir, 'extract.csv');
    writeFileSync(file, CSV);
    const store = openDatabase(db);
    const p = createPseudonymizer(resolveSecret(db, {}));
    const load = (years?: number) =>
      ingestFiles(store, {
        files: [file],
        log: 'demo',
        process: 'demo',
        policy: LENIENT_POLICY,
        now: () => NOW,
        governance: years === undefined ? {} : { retentionYears: years },
      });
    const first = await load(5);
    expect(first.retention).toEqual({
      retentionYears: 5,
      cutoff: '2019-06-01T12:00:00.000Z',
      cases: 2,
      rows: {
        events: 4,
        cases: 2,
        case_compliance: 0,
        conformance_cases: 0,
        finding_cases: 0,
        quarantine: 1,
        version_cases: 0,
        version_events: 0,
      },
    });
    expect(caseIds(store)).toEqual([p.pseudonym('KEEP'), p.pseudonym('NEW')].sort());
    expect(store.sqlite.prepare("SELECT sum(cases) FROM jobcenters WHERE log = 'demo'").pluck().get()).toBe(2);
    const audits = () => listAudit(store.db).filter((a) => a.action === 'retention');
    expect(audits().map((a) => JSON.parse(a.detail!) as { cases: number })).toMatchObject([{ retentionYears: 5, cases: 2 }]);
    writeFileSync(file, `${CSV}\nNEW,Afgør,2023-02-04T10:00:00Z,bo`);
    const second = await load();
    expect(second.retention).toMatchObject({ retentionYears: 5, cases: 2 });
    expect(caseIds(store)).toHaveLength(2);
    expect(audits()).toHaveLength(2);
    store.close();
  });

  it('sagsflow ingest --retention-years stores the period and retention apply --dry-run reports it', async () => {
    const db = join(dir, 'cli.sqlite');
    const file = join(dir, 'extract.csv');
    writeFileSync(file, CSV);
    let stdout = '';
    let stderr = '';
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
      expect(await main(['node', 'sagsflow', 'ingest', file, '--db', db, '--log', 'demo', '--retention-years', '0'])).toBe(1);
      expect(stderr).toContain('--retention-years: expected a whole number >= 1, got "0"');
      expect(
        await main([
          'node',
          'sagsflow',
          'ingest',
          file,
          '--db',
          db,
          '--log',
          'demo',
          '--retention-years',
          '100',
          '--max-quarantine-share',
          '1',
          ...GOVERNANCE_FLAGS,
        ]),
      ).toBe(0);
      stdout = '';
      expect(await main(['node', 'sagsflow', 'retention', 'apply', '--db', db, '--dry-run'])).toBe(0);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(stdout).toMatch(/^log "demo" \(100 years, last event before \d{4}-\d{2}-\d{2}\): would delete 0 cases \(rows: none\)\n$/);
  });
});
