import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SagsflowDatabase } from '../../src/db/client';
import { createApp, type SagsflowApp } from '../../src/app';
import { createToken } from '../../src/tokens/index';
import { sagsflow } from '../../src/testing/run-cli';
import { buildBehaviourDatabase, SAMPLE_FILES } from './demo-database';

/** The checkout's folder, left out of snapshot keys so that the snapshot holds in any clone. */
const REPO = resolve(import.meta.dirname, '../../..');

/**
 * Behaviour lock: every GET route (REST, OData with `$metadata`, CSV) for an admin, a viewer and a
 * jobcenter-limited viewer token, and every read-only command with `--json`, on a small
 * deterministic demo database; the normalised answers are compared with the committed snapshot
 * `__snapshots__/behaviour.json`. A refactor that changes no behaviour leaves it as it is.
 */

let dir: string;
let store: SagsflowDatabase;
let app: SagsflowApp;
const tokens: Record<string, string> = {};
let jobcenter = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-behaviour-'));
  const dbPath = join(dir, 'demo.sqlite');
  await buildBehaviourDatabase(dir, dbPath);
  store = openDatabase(dbPath);
  jobcenter = (store.sqlite.prepare('SELECT min(jobcenter) AS j FROM jobcenters').get() as { j: string }).j;
  // Distinct creation times, so /api/tokens lists them in one order.
  const at = (s: number) => new Date(Date.now() - s * 1000);
  tokens['admin'] = createToken(store.db, { role: 'admin', name: 'admin', now: at(3) }).token;
  tokens['viewer'] = createToken(store.db, { role: 'viewer', name: 'viewer', now: at(2) }).token;
  tokens['scoped'] = createToken(store.db, { role: 'viewer', name: 'scoped', jobcenters: [jobcenter], now: at(1) }).token;
  app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath: store.path,
    uploadDir: dir,
    log: () => {},
    preview: false,
    powerbi: { distDir: dir },
  });
}, 240_000);

afterAll(() => {
  app?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const ISO = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?\b/;
/** Keys whose values are wall-clock times, tokens or database ids of this run. */
const VOLATILE_KEYS =
  /^(createdAt|updatedAt|startedAt|finishedAt|loadedAt|lastUsedAt|expiresAt|revokedAt|ts|created_at|updated_at|started_at|finished_at|built_at|builtAt|token|tokenId|token_id|loadedBy|loaded_by|id|loadId|load_id|durationMs|elapsedMs|seconds_to_load|databaseBytes)$/;

/** Replaces run-dependent values (load times, token ids, database ids) and rounds floats (sum order). */
function normalise(value: unknown, key = ''): unknown {
  if (VOLATILE_KEYS.test(key) && value !== null) return `<${key}>`;
  if (Array.isArray(value)) return value.map((v) => normalise(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalise(v, k)]));
  }
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(9));
  if (typeof value === 'string') return normaliseText(value);
  return value;
}

function normaliseText(text: string): string {
  return text
    .replace(/\$skiptoken=[^&"\s]+/g, '$skiptoken=<token>')
    .replace(new RegExp(`(${Object.values(tokens).join('|') || '^$'})`, 'g'), '<token>');
}

/** A large body is kept as its head plus a digest of the whole, so the snapshot stays readable. */
function digestIfLarge(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text.length <= 6000) return value;
  return { digest: createHash('sha256').update(text).digest('hex').slice(0, 16), chars: text.length, head: text.slice(0, 1500) };
}

async function answer(path: string, who: string): Promise<unknown> {
  const res = await app.request(path, { headers: { Authorization: `Bearer ${tokens[who]}` } });
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  if (type.includes('json')) return { status: res.status, body: digestIfLarge(normalise(JSON.parse(text))) };
  // The report states when it was generated (YYYY-MM-DD HH:MM, UTC).
  const body = normaliseText(text)
    .replace(new RegExp(ISO.source, 'g'), '<time>')
    .replace(new RegExp(new Date().toISOString().slice(0, 10) + ' \\d{2}:\\d{2}', 'g'), '<now>');
  return { status: res.status, type: type.split(';')[0], body: digestIfLarge(body) };
}

/** The GET paths of every route, with parameters taken from the database. */
async function paths(): Promise<string[]> {
  const logs = (store.sqlite.prepare('SELECT name FROM logs ORDER BY name').all() as { name: string }[]).map((r) => r.name);
  const load = (store.sqlite.prepare('SELECT min(id) AS id FROM loads').get() as { id: number }).id;
  const out = ['/healthz', '/api/openapi.json', '/api/logs', `/api/loads`, `/api/loads/${load}`, '/api/quarantine', '/api/tokens'];
  out.push('/odata', '/odata/$metadata');
  const doc = (await (await app.request('/odata', { headers: { Authorization: `Bearer ${tokens['admin']}` } })).json()) as {
    value: { url: string }[];
  };
  const sets = doc.value.map((s) => s.url).sort();
  for (const set of sets) {
    out.push(`/odata/${set}?$top=3&$count=true`, `/odata/${set}/$count`);
  }
  out.push(
    `/odata/Steps?$filter=jobcenter eq '${jobcenter}' and period ge '2025-01'&$orderby=cases desc,id&$top=5`,
    `/odata/Variants?$select=log,variant_key,cases&$filter=cases gt 2&$top=10&$skip=2`,
    `/odata/Cases?$top=2`,
  );
  const tables = (store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !n.startsWith('viewer_') && !n.startsWith('sqlite_') && !n.startsWith('__'));
  for (const t of tables) out.push(`/api/tables/${t}.csv`);
  out.push(`/api/tables/steps.csv?log=akademiker&jobcenter=${encodeURIComponent(jobcenter)}&from=2025-01&to=2025-06`);
  for (const log of logs) {
    const base = `/api/logs/${log}`;
    out.push(base, `${base}/map`, `${base}/variants`, `${base}/activities`, `${base}/cases?limit=5&offset=3`);
    out.push(`${base}/map?period=2025-03,2025-04&jobcenter=${encodeURIComponent(jobcenter)}`, `${base}/variants?from=2025-01&to=2025-06`);
    out.push(`${base}/compliance`, `${base}/conformance`, `${base}/conformance/cases`, `${base}/findings`, `${base}/findings/x/cases`);
    out.push(`${base}/report.html`, `${base}/effect?date=2025-07-01`);
    const top = (
      store.sqlite.prepare('SELECT activity FROM activities WHERE log = ? ORDER BY events DESC, activity LIMIT 1').get(log) as {
        activity: string;
      }
    ).activity;
    out.push(`${base}/whatif?activity=${encodeURIComponent(top)}&waiting=0.5`);
    const finding = store.sqlite
      .prepare("SELECT finding_id AS f FROM findings WHERE log = ? AND jobcenter = '' ORDER BY rank LIMIT 1")
      .get(log) as { f: string } | undefined;
    if (finding) out.push(`${base}/findings/${encodeURIComponent(finding.f)}/cases`);
  }
  return out;
}

describe('behaviour on the demo database', () => {
  it('answers every route as in the snapshot', async () => {
    const result: Record<string, Record<string, unknown>> = {};
    for (const path of await paths()) {
      result[path] = {};
      for (const who of ['admin', 'viewer', 'scoped']) result[path]![who] = await answer(path, who);
    }
    await expect(JSON.stringify(result, null, 1) + '\n').toMatchFileSnapshot('__snapshots__/routes.json');
  });

  it('prints the same JSON from every read-only command', async () => {
    const db = store.path;
    const runs: Record<string, unknown> = {};
    const files = SAMPLE_FILES(dir);
    const top = (
      store.sqlite.prepare("SELECT activity FROM activities WHERE log = 'rekruttering' ORDER BY events DESC, activity LIMIT 1").get() as {
        activity: string;
      }
    ).activity;
    const commands: string[][] = [
      ['summary', files.akademiker, '--json'],
      ['rules', 'check', files.akademiker, '--rules', files.akademikerRules, '--json'],
      ['conformance', files.receipt, '--model', files.receiptModel, '--json'],
      ['findings', '--db', db, '--log', 'akademiker', '--json'],
      ['findings', '--db', db, '--log', 'dagpenge', '--jobcenter', jobcenter, '--json'],
      ['whatif', '--db', db, '--log', 'rekruttering', '--activity', top, '--waiting', '0.5', '--json'],
      ['effect', '--db', db, '--log', 'akademiker', '--date', '2025-07-01', '--jobcenter', jobcenter, '--json'],
    ];
    for (const args of commands) {
      const r = await sagsflow(...args);
      const key = args.map((a) => a.replace(dir, '<dir>').replace(REPO, '<repo>')).join(' ');
      let out: unknown = r.stdout;
      try {
        out = normalise(JSON.parse(r.stdout));
      } catch {
        out = r.stdout.replace(new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), '<dir>');
      }
      runs[key] = { code: r.code, stdout: digestIfLarge(out), stderr: r.stderr.replace(dir, '<dir>').split('\n')[0] };
    }
    await expect(JSON.stringify(runs, null, 1) + '\n').toMatchFileSnapshot('__snapshots__/commands.json');
  });
});
