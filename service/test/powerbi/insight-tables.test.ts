import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterAll, describe, expect, test } from 'vitest';
import * as schema from '../../src/db/schema';
import { describeSchema } from '../../src/http/model/table-info';
import { metadataXml } from '../../src/http/odata/metadata';
import { buildPowerBiProject, readCustomVisual, writeProjectFolder } from '../../src/powerbi/index';
import { fieldRefOf, type Projection } from '../../src/powerbi/report/fields';
import { fakePbiviz } from './fake-visual';
import { pbirValidator } from './pbir-validator';
import { listFiles, metadataColumns, readModel } from './read-project';

/** Stand-ins shaped like the compliance and findings tables of the rules and findings work (issues 7 and 9). */
const grain = () => ({
  id: integer('id').primaryKey(),
  log: text('log').notNull(),
  version: integer('version').notNull(),
  process: text('process').notNull(),
  jobcenter: text('jobcenter').notNull(),
});
const ruleCompliance = sqliteTable('rule_compliance', {
  ...grain(),
  period: text('period').notNull(),
  rule: text('rule').notNull(),
  status: text('status').notNull(),
  cases: integer('cases').notNull(),
  sumDaysLate: real('sum_days_late').notNull(),
});
const findings = sqliteTable('findings', {
  ...grain(),
  kind: text('kind').notNull(),
  activity: text('activity'),
  rule: text('rule'),
  status: text('status').notNull(),
  cases: integer('cases').notNull(),
  yearlyValueDkk: real('yearly_value_dkk'),
  summaryDa: text('summary_da'),
  summaryEn: text('summary_en'),
});

/** Only the contract's own tables plus the stand-ins, so that the real tables, once merged, do not change what this test sees. */
const registry = describeSchema({
  steps: schema.steps,
  cases: schema.cases,
  variants: schema.variants,
  jobcenters: schema.jobcenters,
  periods: schema.periods,
  ruleCompliance,
  findings,
});
const metadata = metadataColumns(metadataXml([...registry.values()]));
const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function write(lang: 'da' | 'en') {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-pbip-'));
  dirs.push(dir);
  const project = buildPowerBiProject({
    feedUrl: 'https://x.example/odata',
    lang,
    visual: readCustomVisual(fakePbiviz(), 'fake.pbiviz'),
    tables: registry,
  });
  writeProjectFolder(project.files, dir);
  return { dir, notes: project.notes };
}

function visual(dir: string, page: string, name: string) {
  return JSON.parse(readFileSync(join(dir, `Sagsflow.Report/definition/pages/${page}/visuals/${name}/visual.json`), 'utf8')) as {
    visual: { visualType: string; query: { queryState: Record<string, { projections: Projection[] }> } };
  };
}

describe('sagsflow powerbi with compliance and findings tables in the feed', () => {
  test('the rules page shows the compliance rate by rule (rows) and jobcenter (columns)', () => {
    const { dir, notes } = write('da');
    expect(notes).toEqual([]);
    const pages = JSON.parse(readFileSync(join(dir, 'Sagsflow.Report/definition/pages/pages.json'), 'utf8')) as { pageOrder: string[] };
    expect(pages.pageOrder).toEqual(['overview', 'rules', 'findings']);
    const matrix = visual(dir, 'rules', 'rulesMatrix').visual;
    expect(matrix.visualType).toBe('pivotTable');
    const refs = Object.fromEntries(Object.entries(matrix.query.queryState).map(([role, s]) => [role, s.projections.map(fieldRefOf)]));
    expect(refs).toEqual({
      Rows: [{ kind: 'column', table: 'RuleCompliance', column: 'rule' }],
      Columns: [{ kind: 'column', table: 'RuleCompliance', column: 'jobcenter' }],
      Values: [{ kind: 'measure', table: 'RuleCompliance', measure: 'Overholdelsesgrad' }],
    });
    const model = readModel(dir);
    expect(model.tables.get('Findings')!.measures.size).toBe(0);
    expect(model.tables.get('RuleCompliance')!.measures.get('Overholdelsesgrad')).toBe(
      `DIVIDE(CALCULATE(SUM('RuleCompliance'[cases]), 'RuleCompliance'[status] = "fulfilled"), CALCULATE(SUM('RuleCompliance'[cases]), 'RuleCompliance'[status] IN {"fulfilled", "violated"}))`,
    );
    const toDims = model.relationships
      .filter((r) => r.from.table === 'RuleCompliance')
      .map((r) => r.to.table)
      .sort();
    expect(toDims).toEqual(['Jobcenter', 'Periode', 'Proces']);
  });

  test("the findings page lists the findings table without its technical columns and the other language's texts", () => {
    const { dir } = write('en');
    const table = visual(dir, 'findings', 'findingsTable').visual;
    expect(table.visualType).toBe('tableEx');
    expect(table.query.queryState['Values']!.projections.map((p) => fieldRefOf(p))).toEqual(
      ['process', 'jobcenter', 'kind', 'activity', 'rule', 'status', 'cases', 'yearly_value_dkk', 'summary_en'].map((column) => ({
        kind: 'column',
        table: 'Findings',
        column,
      })),
    );
  });

  test('every JSON file validates and every TMDL column exists in the $metadata of the same registry', () => {
    const { dir } = write('da');
    const validate = pbirValidator();
    for (const [path, abs] of listFiles(dir)) {
      if (!/(\.(json|pbir|pbism|pbip)|\/\.platform)$/.test(path) || path.includes('/CustomVisuals/')) continue;
      expect(validate(JSON.parse(readFileSync(abs, 'utf8')) as { $schema?: unknown }), path).toEqual([]);
    }
    for (const t of readModel(dir).tables.values()) {
      for (const c of t.columns.keys()) expect(metadata.get(t.entitySet)?.has(c), `${t.name}.${c}`).toBe(true);
    }
  });
});
