import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { ingestFiles } from '../ingest/ingest-files';
import { tempDir } from '../testing/ingest-fixtures';
import { createApp } from '../app';
import { createToken } from '../tokens';
import { readFindings } from '../db/findings-queries';
import { main } from '../cli/main';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

/** Nord waits 1 day from A to `to`, Syd 3 days; 6 cases each, one a day from 2024-03-04. */
function csv(to: string, sydDays = 3): string {
  const rows = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter,Udfald'];
  for (const [jc, days] of [
    ['Nord', 1],
    ['Syd', sydDays],
  ] as const) {
    for (let i = 0; i < 6; i++) {
      const start = Date.UTC(2024, 2, 4 + i, 9);
      const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
      const outcome = jc === 'Nord' ? 'Job' : 'Ledig';
      rows.push(`${jc}-${i},A,${iso(start)},${jc},${outcome}`, `${jc}-${i},${to},${iso(start + days * 86_400_000)},${jc},${outcome}`);
    }
  }
  return `${rows.join('\n')}\n`;
}

async function setup() {
  const t = tempDir();
  temps.push(t);
  const store = openDatabase(t.path('db.sqlite'));
  const load = async (to: string, sydDays = 3) => {
    const file = t.path(`log-${to}-${sydDays}.csv`);
    writeFileSync(file, csv(to, sydDays));
    return ingestFiles(store, {
      files: [file],
      log: 'tiny',
      process: 'p',
      mapping: {
        case: 'Sags-id',
        activity: 'Aktivitet',
        timestamp: 'Tidspunkt',
        jobcenter: 'Jobcenter',
        outcome: { column: 'Udfald', success: ['Job'] },
      },
    });
  };
  return { t, store, load };
}

describe('findings at ingest', () => {
  it('stores the bottleneck with its time lost: 12 cases x (2 - 1) days, and a best practice on the outcome', async () => {
    const { store, load } = await setup();
    await load('B');
    const rows = readFindings(store.sqlite, { log: 'tiny', scope: '', minGroupSize: 5 });
    const b = rows.find((r) => r.kind === 'bottleneck')!;
    expect(b).toMatchObject({ fromActivity: 'A', toActivity: 'B', cases: 12, status: 'new', firstVersion: 1, valueDkk: 100_000 });
    expect(b.evidence['timeLostMs']).toBe(12 * 86_400_000);
    expect(b.summaryDa).toContain('Nord klarer det på 1 dag;');
    const best = rows.filter((r) => r.kind === 'best-practice').map((r) => [r.jobcenter, r.evidence['measure'], r.evidence['group']]);
    expect(best).toContainEqual(['', 'outcome', 'Nord']);
    expect(best).toContainEqual(['', 'duration', 'Nord']);
    const perJc = readFindings(store.sqlite, { log: 'tiny', scope: 'Syd', minGroupSize: 5 });
    expect(perJc.find((r) => r.kind === 'bottleneck')?.evidence['medianWaitMs']).toBe(3 * 86_400_000);
    store.close();
  });

  it('follows a finding from load to load: still open, or resolved and a new one', async () => {
    const { store, load } = await setup();
    await load('B');
    const first = readFindings(store.sqlite, { log: 'tiny', scope: '', minGroupSize: 5 }).find((r) => r.kind === 'bottleneck')!;
    await load('B', 4);
    const open = readFindings(store.sqlite, { log: 'tiny', scope: '', minGroupSize: 5 }).filter((r) => r.kind === 'bottleneck');
    expect(open.map((r) => [r.findingId, r.status, r.version, r.firstVersion])).toEqual([[first.findingId, 'open', 2, 1]]);
    await load('C');
    const rows = readFindings(store.sqlite, { log: 'tiny', scope: '', minGroupSize: 5 }).filter((r) => r.kind === 'bottleneck');
    expect(rows.map((r) => [r.toActivity, r.status, r.version])).toEqual([
      ['C', 'new', 3],
      ['B', 'resolved', 3],
    ]);
    expect(rows[1]!.findingId).toBe(first.findingId);
    expect(store.sqlite.prepare('SELECT DISTINCT version FROM findings').pluck().all()).toEqual([3]);
    store.close();
  });

  it('serves findings scoped to the token, with summaries in the asked language (viewers: without figures), and cases to analysts only', async () => {
    const { store, load } = await setup();
    await load('B');
    const app = createApp({ db: store.db, sqlite: store.sqlite, dbPath: store.path, uploadDir: '/tmp', log: () => {}, preview: false });
    const token = (role: 'viewer' | 'analyst', jobcenters?: string[]) =>
      createToken(store.db, { role, ...(jobcenters ? { jobcenters } : {}) }).token;
    const get = (path: string, t: string) => app.request(path, { headers: { Authorization: `Bearer ${t}` } });
    const viewer = token('viewer');
    const seen = (await (await get('/api/logs/tiny/findings?lang=da', viewer)).json()) as { findings: Record<string, unknown>[] };
    const bottleneck = seen.findings.find((f) => f['kind'] === 'bottleneck')!;
    expect(bottleneck['summary']).toBe(`Flaskehals: ${bottleneck['fromActivity'] as string} → ${bottleneck['toActivity'] as string}`);
    for (const f of seen.findings) for (const key of ['cases', 'valueDkk', 'evidence']) expect(f, key).not.toHaveProperty(key);
    const odataViewer = (await (await get('/odata/Findings', viewer)).json()) as { value: Record<string, unknown>[] };
    expect(odataViewer.value.length).toBeGreaterThan(0);
    for (const key of ['cases', 'value_dkk', 'evidence', 'summary_en', 'summary_da'])
      expect(odataViewer.value[0], key).not.toHaveProperty(key);
    expect((await get(`/odata/Findings?$filter=${encodeURIComponent('cases gt 10')}`, viewer)).status).toBe(400);
    const analyst = token('analyst');
    const all = (await (await get('/api/logs/tiny/findings?lang=da', analyst)).json()) as {
      jobcenter: string;
      findings: { summary: string; findingId: string; kind: string }[];
    };
    expect(all.jobcenter).toBe('');
    expect(all.findings[0]!.summary).toMatch(/^Sager venter/);
    const nord = token('analyst', ['Nord']);
    const scoped = (await (await get('/api/logs/tiny/findings', nord)).json()) as { jobcenter: string };
    expect(scoped.jobcenter).toBe('Nord');
    expect((await get('/api/logs/tiny/findings?jobcenter=Syd', nord)).status).toBe(403);
    expect((await get('/api/logs/tiny/findings?lang=fr', analyst)).status).toBe(400);
    const id = all.findings.find((f) => f.kind === 'bottleneck')!.findingId;
    expect((await get(`/api/logs/tiny/findings/${id}/cases`, viewer)).status).toBe(403);
    const cases = (await (await get(`/api/logs/tiny/findings/${id}/cases`, token('analyst'))).json()) as { caseIds: string[] };
    expect(cases.caseIds).toHaveLength(12);
    expect(cases.caseIds[0]).toMatch(/^p_/);
    const odata = (await (await get('/odata/Findings?$select=kind,jobcenter', token('analyst', ['Nord']))).json()) as {
      value: { jobcenter: string }[];
    };
    expect(odata.value.length).toBeGreaterThan(0);
    expect(odata.value.every((r) => r.jobcenter === 'Nord')).toBe(true);
    expect((await get('/odata/FindingCases', viewer)).status).toBe(403);
    expect((await get('/api/tables/findings.csv?log=tiny', viewer)).status).toBe(200);
    const csvText = await (await get('/api/tables/findings.csv?log=tiny', token('analyst'))).text();
    expect(csvText).toContain('finding_id');
    app.close();
    store.close();
  });

  it('sagsflow findings prints them, and names a missing log in one line', async () => {
    const { t, store, load } = await setup();
    await load('B');
    store.close();
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    try {
      expect(await main(['node', 'sagsflow', 'findings', '--db', t.path('db.sqlite'), '--log', 'tiny', '--json'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const json = JSON.parse(out.join('')) as { kind: string }[];
    expect(json[0]!.kind).toBe('bottleneck');
    expect(await main(['node', 'sagsflow', 'findings', '--db', t.path('db.sqlite'), '--log', 'nope'])).toBe(1);
  });
});
