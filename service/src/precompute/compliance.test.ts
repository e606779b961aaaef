import { afterEach, describe, expect, it } from 'vitest';
import { ingestFiles } from '../ingest/index';
import { tempDir } from '../testing/ingest-fixtures';
import { fixtureApp } from '../testing/http-fixture';
import { parseCatalogue } from '../rules/parse-catalogue';

const CATALOGUE = `catalogue: test-2024
rules:
  - id: R-CV
    title: {da: "CV senest 2 uger efter tilmelding", en: "CV within 2 weeks"}
    source: "LAB §§ 22-23"
    basis: law
    kind: within
    a: Tilmeldt som jobsøgende
    b: CV registreret
    limit: {days: 14}
    share: 0.75
  - id: R-NODUP
    title: {da: "Én tilmelding", en: "One registration"}
    source: test
    basis: illustrative
    kind: notRepeated
    a: Tilmeldt som jobsøgende
`;

/** Nord: 5 on time (one anchored in April), 1 six days late; Syd: 1 on time, 2 late by 1 and 3 days. */
const CASES: [string, string, string, string][] = [
  ['N1', 'Nord', '2024-03-01', '2024-03-04'],
  ['N2', 'Nord', '2024-03-04', '2024-03-07'],
  ['N3', 'Nord', '2024-03-05', '2024-03-08'],
  ['N4', 'Nord', '2024-03-06', '2024-03-09'],
  ['N5', 'Nord', '2024-04-02', '2024-04-05'],
  ['N6', 'Nord', '2024-03-01', '2024-03-21'],
  ['S1', 'Syd', '2024-03-04', '2024-03-06'],
  ['S2', 'Syd', '2024-03-04', '2024-03-19'],
  ['S3', 'Syd', '2024-03-04', '2024-03-21'],
];
const CSV =
  [
    'Sags-id,Jobcenter,Aktivitet,Tidspunkt,Sagsbehandler',
    ...CASES.flatMap(([id, jc, a, b]) => [
      `${id},${jc},Tilmeldt som jobsøgende,${a} 09:00,SB-1`,
      `${id},${jc},CV registreret,${b} 10:00,SB-2`,
    ]),
  ].join('\n') + '\n';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

async function loaded() {
  const t = tempDir();
  temps.push(t);
  const file = t.write('cv.csv', CSV);
  const fx = fixtureApp({ seed: false });
  const report = await ingestFiles(fx.store, {
    files: [file],
    log: 'cv',
    rules: { catalogue: parseCatalogue(CATALOGUE, 'c.yaml'), text: CATALOGUE },
  });
  return { ...fx, report, file };
}

describe('precomputeCompliance (through ingestFiles)', () => {
  it('stores the catalogue text, its rules, counts per jobcenter x month x rule x status and per-case results', async () => {
    const { store, report } = await loaded();
    expect(report.compliance).toEqual({ rules: 2, compliance: 8, caseCompliance: 18, stepInsight: { steps: 2, viewerSteps: 0 } });
    const q = (sql: string) => store.sqlite.prepare(sql).all();
    expect(q('SELECT catalogue, as_of, text FROM rule_catalogues')).toEqual([
      { catalogue: 'test-2024', as_of: '2024-04-05', text: CATALOGUE },
    ]);
    expect(q('SELECT rule, title_da, title_en, basis, kind, share FROM rules ORDER BY id')).toEqual([
      {
        rule: 'R-CV',
        title_da: 'CV senest 2 uger efter tilmelding',
        title_en: 'CV within 2 weeks',
        basis: 'law',
        kind: 'within',
        share: 0.75,
      },
      { rule: 'R-NODUP', title_da: 'Én tilmelding', title_en: 'One registration', basis: 'illustrative', kind: 'notRepeated', share: null },
    ]);
    expect(
      q("SELECT jobcenter, month, status, cases, sum_days_late FROM compliance WHERE rule = 'R-CV' ORDER BY jobcenter, month, status"),
    ).toEqual([
      { jobcenter: 'Nord', month: '2024-03', status: 'fulfilled', cases: 4, sum_days_late: 0 },
      { jobcenter: 'Nord', month: '2024-03', status: 'violated', cases: 1, sum_days_late: 6 },
      { jobcenter: 'Nord', month: '2024-04', status: 'fulfilled', cases: 1, sum_days_late: 0 },
      { jobcenter: 'Syd', month: '2024-03', status: 'fulfilled', cases: 1, sum_days_late: 0 },
      { jobcenter: 'Syd', month: '2024-03', status: 'violated', cases: 2, sum_days_late: 4 },
    ]);
    const late = q("SELECT days_late FROM case_compliance WHERE rule = 'R-CV' AND status = 'violated' ORDER BY days_late") as {
      days_late: number;
    }[];
    expect(late.map((r) => r.days_late)).toEqual([1, 3, 6]);
    const ids = q('SELECT DISTINCT case_id FROM case_compliance') as { case_id: string }[];
    expect(ids).toHaveLength(9);
    expect(ids.some((r) => /^[NS]\d$/.test(r.case_id))).toBe(false);
  });

  it('a new catalogue makes a new version and replaces the old compliance rows', async () => {
    const { store, file } = await loaded();
    const other = CATALOGUE.replace('test-2024', 'test-2025');
    const again = await ingestFiles(store, {
      files: [file],
      log: 'cv',
      rules: { catalogue: parseCatalogue(other, 'c.yaml'), text: other },
    });
    expect([again.status, again.version]).toEqual(['stored', 2]);
    expect(store.sqlite.prepare('SELECT DISTINCT version, catalogue FROM rule_catalogues').all()).toEqual([
      { version: 2, catalogue: 'test-2025' },
    ]);
    expect(store.sqlite.prepare('SELECT DISTINCT version FROM compliance').all()).toEqual([{ version: 2 }]);
  });
});

describe('compliance in REST, OData and CSV', () => {
  it('REST sums the rows per rule and jobcenter, with "<k" below the minimum group size and the share target', async () => {
    const { get, tokens } = await loaded();
    const res = await get('/api/logs/cv/compliance', tokens.admin);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.catalogue).toEqual({ catalogue: 'test-2024', process: null, asOf: '2024-04-05' });
    const cv = body.rules[0];
    expect(cv).toMatchObject({
      rule: 'R-CV',
      basis: 'law',
      share: 0.75,
      fulfilled: 6,
      violated: '<5',
      pending: 0,
      notApplicable: 0,
      complianceRate: 6 / 9,
      meanDaysLate: null,
    });
    expect(cv.jobcenters).toEqual([
      {
        jobcenter: 'Nord',
        fulfilled: 5,
        violated: '<5',
        pending: 0,
        notApplicable: 0,
        complianceRate: 5 / 6,
        meanDaysLate: null,
        meetsShare: true,
      },
      {
        jobcenter: 'Syd',
        fulfilled: '<5',
        violated: '<5',
        pending: 0,
        notApplicable: 0,
        complianceRate: null,
        meanDaysLate: null,
        meetsShare: null,
      },
    ]);
    const april = await (await get('/api/logs/cv/compliance?month=2024-04&rule=R-CV', tokens.admin)).json();
    expect(april.rules).toHaveLength(1);
    expect(april.rules[0].fulfilled).toBe('<5');
  });

  it('REST limits a jobcenter token to its jobcenter and refuses another', async () => {
    const { get, tokens } = await loaded();
    const body = await (await get('/api/logs/cv/compliance', tokens.nordAnalyst)).json();
    expect(body.rules[0].jobcenters.map((j: { jobcenter: string }) => j.jobcenter)).toEqual(['Nord']);
    expect(body.rules[0].fulfilled).toBe(5);
    expect((await get('/api/logs/cv/compliance?jobcenter=Syd', tokens.nordAnalyst)).status).toBe(403);
    expect((await get('/api/logs/nope/compliance', tokens.admin)).status).toBe(404);
    expect((await get('/api/logs/cv/compliance?month=2024-13', tokens.admin)).status).toBe(400);
  });

  it('viewer tokens read the viewer-grade compliance (REST, OData, CSV): the 4 on-time and 1 late March cases of Nord merge into one row', async () => {
    const { get, tokens } = await loaded();
    for (const token of [tokens.viewer, tokens.nordViewer]) {
      const odata = await (await get('/odata/Compliance?$select=jobcenter,month,rule,status,cases,sum_days_late', token)).json();
      expect(odata.value).toEqual([
        { jobcenter: 'Nord', month: '2024-03', rule: 'R-CV', status: 'other', cases: 5, sum_days_late: 0 },
        { jobcenter: 'Nord', month: '2024-03', rule: 'R-NODUP', status: 'fulfilled', cases: 5, sum_days_late: 0 },
      ]);
      const body = await (await get('/api/logs/cv/compliance?month=2024-03', token)).json();
      expect(body.rules[0]).toMatchObject({ rule: 'R-CV', fulfilled: 0, violated: 0, other: 5, complianceRate: null, meanDaysLate: null });
      expect((await get('/api/tables/compliance.csv', token)).status).toBe(200);
    }
  });

  it('OData filters Compliance on rule, jobcenter and month; CaseCompliance is for analysts only; Rules is served to all', async () => {
    const { get, tokens } = await loaded();
    const filter = encodeURIComponent("rule eq 'R-CV' and jobcenter eq 'Syd' and month eq '2024-03'");
    const res = await get(`/odata/Compliance?$filter=${filter}&$select=status,cases,sum_days_late`, tokens.analyst);
    expect(res.status).toBe(200);
    const rows = (await res.json()).value.map((r: Record<string, unknown>) => [r['status'], r['cases'], r['sum_days_late']]).sort();
    expect(rows).toEqual([
      ['fulfilled', 1, 0],
      ['violated', 2, 4],
    ]);
    expect((await get('/odata/CaseCompliance', tokens.viewer)).status).toBe(403);
    const cases = await (await get('/odata/CaseCompliance', tokens.analyst)).json();
    expect(cases.value).toHaveLength(18);
    const nord = await (await get('/odata/Compliance', tokens.nordAnalyst)).json();
    expect(new Set(nord.value.map((r: { jobcenter: string }) => r.jobcenter))).toEqual(new Set(['Nord']));
    const rules = await (await get('/odata/Rules', tokens.nordViewer)).json();
    expect(rules.value.map((r: { rule: string }) => r.rule)).toEqual(['R-CV', 'R-NODUP']);
  });

  it('CSV serves the compliance table with the jobcenter filter', async () => {
    const { get, tokens } = await loaded();
    const res = await get('/api/tables/compliance.csv?jobcenter=Nord', tokens.analyst);
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split(/\r?\n/);
    expect(lines[0]).toContain('rule');
    expect(lines.slice(1).every((l) => l.includes('Nord'))).toBe(true);
    expect(lines).toHaveLength(1 + 5);
  });
});
