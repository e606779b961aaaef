import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { generateLog } from '../generate/index';
import { PROCESS_CATALOGUE } from '../processes/index';
import { GOVERNANCE_FLAGS, sagsflow } from '../testing/run-cli';

const DATA = resolve(import.meta.dirname, '../../../tests/data');
const RULES = join(DATA, 'rules/running-example.yaml');

describe('sagsflow rules check', () => {
  it('--json gives the known counts of the running example in exactly the documented shape', async () => {
    const { code, stdout } = await sagsflow('rules', 'check', join(DATA, 'running-example.csv'), '--rules', RULES, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(['asOf', 'catalogue', 'rules']);
    expect(report.asOf).toBe('2011-01-24');
    expect(report.catalogue).toBe('running-example');
    expect(report.rules).toEqual([
      { id: 'DECIDE-7', kind: 'within', fulfilled: 6, violated: 0, pending: 0, notApplicable: 0, complianceRate: 1 },
      { id: 'PAY-AFTER-DECIDE', kind: 'order', fulfilled: 3, violated: 0, pending: 0, notApplicable: 3, complianceRate: 1 },
      { id: 'FOUR-EYES', kind: 'differentResources', fulfilled: 6, violated: 0, pending: 0, notApplicable: 0, complianceRate: 1 },
      { id: 'NO-REINIT', kind: 'notRepeated', fulfilled: 4, violated: 2, pending: 0, notApplicable: 0, complianceRate: 4 / 6 },
      { id: 'CHECK-2', kind: 'atLeast', fulfilled: 2, violated: 4, pending: 0, notApplicable: 0, complianceRate: 2 / 6 },
    ]);
  });

  it('gives the same results for the CSV and the XES of the same log, cases included', async () => {
    const csv = await sagsflow('rules', 'check', join(DATA, 'running-example.csv'), '--rules', RULES, '--json', '--cases');
    const xes = await sagsflow('rules', 'check', join(DATA, 'running-example.xes'), '--rules', RULES, '--json', '--cases');
    const a = JSON.parse(csv.stdout);
    const b = JSON.parse(xes.stdout);
    expect(a.cases).toHaveLength(6 * 5);
    expect(b).toEqual(a);
    expect(a.cases[0]).toEqual({ case: a.cases[0].case, rule: 'DECIDE-7', status: 'fulfilled', daysLate: null });
  });

  it('--as-of before the decisions leaves them pending and late, with days late per case', async () => {
    const { stdout } = await sagsflow(
      'rules',
      'check',
      join(DATA, 'running-example.csv'),
      '--rules',
      RULES,
      '--json',
      '--cases',
      '--as-of',
      '2011-01-02',
    );
    const report = JSON.parse(stdout);
    expect(report.asOf).toBe('2011-01-02');
    const decide = report.rules.find((r: { id: string }) => r.id === 'DECIDE-7');
    expect(decide.fulfilled + decide.violated + decide.pending + decide.notApplicable).toBe(6);
    const case3 = report.cases.find((c: { case: string; rule: string }) => c.case === '3' && c.rule === 'DECIDE-7');
    expect(case3).toEqual({ case: '3', rule: 'DECIDE-7', status: 'pending', daysLate: null });
  });

  it('prints a table with the rate and the share target per jobcenter', async () => {
    const { code, stdout } = await sagsflow('rules', 'check', join(DATA, 'running-example.csv'), '--rules', RULES);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^catalogue running-example, as of 2011-01-24, 6 cases\n/);
    expect(stdout).toMatch(/NO-REINIT\s+notRepeated\s+4\s+2\s+0\s+0\s+66\.7%/);
    expect(stdout).toContain('CHECK-2: jobcenters meeting the share target (0 of 1)');
  });

  it('refuses a bad catalogue with one line naming the file, the rule and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-rules-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'catalogue: c\nrules:\n  - id: R1\n    title: {da: a, en: b}\n    source: s\n    basis: law\n    kind: within\n    a: A\n    b: B\n    limit: {hours: 3}\n',
    );
    const { code, stdout, stderr } = await sagsflow('rules', 'check', join(DATA, 'running-example.csv'), '--rules', bad, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `sagsflow: ${bad}: rule R1: field limit: exactly one of days, weeks, months, workingDays, with a whole number >= 0\n`,
    );
  });

  it('refuses a bad --as-of date in one line', async () => {
    const { code, stderr } = await sagsflow('rules', 'check', join(DATA, 'running-example.csv'), '--rules', RULES, '--as-of', '2011-02-30');
    expect(code).toBe(1);
    expect(stderr).toBe('sagsflow: --as-of: not a date, got "2011-02-30", expected YYYY-MM-DD\n');
  });
});

describe('sagsflow rules list', () => {
  it('shows the shipped dagpenge catalogue in Danish by default and in English on request', async () => {
    const da = await sagsflow('rules', 'list', '--rules', PROCESS_CATALOGUE.dagpenge.rulesPath);
    expect(da.code).toBe(0);
    expect(da.stdout).toMatch(/^katalog dagpenge-2026, proces dagpenge, Europe\/Copenhagen, dk-statutory\n/);
    expect(da.stdout).toContain('DP-PLAN  [lov]  Min Plan opdateret med tilbuddet før tilbuddet påbegyndes');
    expect(da.stdout).toContain('"Tilbud påbegyndt" først efter "Min Plan opdateret med tilbud"');
    const en = await sagsflow('rules', 'list', '--rules', PROCESS_CATALOGUE.dagpenge.rulesPath, '--lang', 'en');
    expect(en.stdout).toContain('DP-BEV-21  [illustrative]  Offer approved within 3 weeks of the agreement');
    expect(en.stdout).toContain('"Tilbud bevilget" within 3 weeks after "Aftale om virksomhedspraktik/løntilskud oprettet"');
  });
});

describe('sagsflow ingest with a rule catalogue', () => {
  it("--process attaches the process's catalogue; --rules names another; a bad one stops the load", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-ingest-rules-'));
    const csv = join(dir, 'aka.csv');
    await generateLog({ process: 'akademiker', cases: 40, seed: 3, out: csv });
    const db = join(dir, 'db.sqlite');
    const first = await sagsflow('ingest', csv, '--db', db, '--log', 'aka', '--process', 'akademiker', ...GOVERNANCE_FLAGS);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/rules {6}14 rules checked, [\d,]+ case results/);
    const own = join(dir, 'own.yaml');
    writeFileSync(
      own,
      'catalogue: own\nrules:\n  - id: X\n    title: {da: x, en: x}\n    source: s\n    basis: illustrative\n    kind: notRepeated\n    a: CV registreret\n',
    );
    const second = await sagsflow(
      'ingest',
      csv,
      '--db',
      db,
      '--log',
      'aka',
      '--process',
      'akademiker',
      '--rules',
      own,
      ...GOVERNANCE_FLAGS,
    );
    expect(second.stdout).toContain('stored as version 2');
    const sqlite = new Database(db, { readonly: true });
    expect(sqlite.prepare('SELECT version, catalogue FROM rule_catalogues').all()).toEqual([{ version: 2, catalogue: 'own' }]);
    const counts = sqlite.prepare('SELECT status, sum(cases) AS n FROM compliance GROUP BY status ORDER BY status').all() as {
      status: string;
      n: number;
    }[];
    expect(counts.reduce((n, r) => n + r.n, 0)).toBe(40);
    sqlite.close();
    writeFileSync(
      own,
      'catalogue: own\nrules:\n  - id: X\n    title: {da: x, en: x}\n    source: s\n    basis: maybe\n    kind: notRepeated\n    a: A\n',
    );
    const bad = await sagsflow('ingest', csv, '--db', db, '--log', 'aka', '--rules', own);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(new RegExp(`^sagsflow: ${own.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: rule X: field basis: .*\n$`));
  });
});
