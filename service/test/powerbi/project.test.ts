import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS } from '@sagsflow/shared';
import * as schema from '../../src/db/schema';
import { fixtureApp } from '../../src/testing/http-fixture';
import { describeSchema } from '../../src/http/model/table-info';
import { selectFeedTables } from '../../src/powerbi/feed-tables';
import { buildSemanticModel, slicerDimensions } from '../../src/powerbi/semantic-model';
import { buildPowerBiProject, readCustomVisual, writeProjectFolder } from '../../src/powerbi/index';
import { fieldRefOf, type Projection } from '../../src/powerbi/report/fields';
import { fakePbiviz, repoCapabilities, repoGuid } from './fake-visual';
import { pbirValidator } from './pbir-validator';
import { listFiles, metadataColumns, readModel, type ReadModel, type ReadTable } from './read-project';
import { parseTmdl } from './tmdl-parser';

const visual = readCustomVisual(fakePbiviz(), 'fake.pbiviz');
const validate = pbirValidator();
const dirs: string[] = [];
let metadata: Map<string, Set<string>>;

function written(lang: 'da' | 'en' = 'da', extra: Partial<Parameters<typeof buildPowerBiProject>[0]> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-pbip-'));
  dirs.push(dir);
  writeProjectFolder(buildPowerBiProject({ feedUrl: 'https://sagsflow.example.org/odata', lang, visual, ...extra }).files, dir);
  return dir;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function processMapBindings(dir: string): Record<string, Projection[]> {
  const v = readJson(join(dir, 'Sagsflow.Report/definition/pages/overview/visuals/overviewProcessMap/visual.json')) as {
    visual: { visualType: string; query: { queryState: Record<string, { projections: Projection[] }> } };
  };
  expect(v.visual.visualType).toBe(repoGuid());
  return Object.fromEntries(Object.entries(v.visual.query.queryState).map(([role, s]) => [role, s.projections]));
}

/** The roles of the capabilities' data-view mapping for the step table (max > 0 in its condition). */
function stepMappingRoles(): string[] {
  const caps = repoCapabilities();
  const mapping = caps.dataViewMappings.find((m) => (m.conditions?.[0]?.['variantKey']?.max ?? 0) > 0)!;
  return caps.dataRoles.map((r) => r.name).filter((name) => (mapping.conditions![0]![name]?.max ?? 1) > 0);
}

beforeAll(async () => {
  const { get, tokens, app } = fixtureApp();
  const res = await get('/odata/$metadata', tokens.admin);
  expect(res.status).toBe(200);
  metadata = metadataColumns(await res.text());
  app.close();
});
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('sagsflow powerbi: the written files', () => {
  test('every PBIR/PBIP JSON file validates against the vendored schema its $schema names', () => {
    const dir = written();
    const jsonFiles = [...listFiles(dir).entries()].filter(
      ([p]) => /(\.(json|pbir|pbism|pbip)|\/\.platform)$/.test(p) && !p.includes('/CustomVisuals/'),
    );
    expect(jsonFiles.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        'Sagsflow.pbip',
        'Sagsflow.SemanticModel/.platform',
        'Sagsflow.SemanticModel/definition.pbism',
        'Sagsflow.Report/.platform',
        'Sagsflow.Report/definition.pbir',
        'Sagsflow.Report/definition/report.json',
        'Sagsflow.Report/definition/version.json',
        'Sagsflow.Report/definition/pages/pages.json',
        'Sagsflow.Report/definition/pages/overview/page.json',
        'Sagsflow.Report/definition/pages/overview/visuals/overviewProcessMap/visual.json',
      ]),
    );
    for (const [path, abs] of jsonFiles) {
      const doc = readJson(abs);
      expect(typeof doc['$schema'], path).toBe('string');
      expect(validate(doc), path).toEqual([]);
    }
  });

  test('a schema violation is caught: a visual without position fails validation', () => {
    const dir = written();
    const doc = readJson(join(dir, 'Sagsflow.Report/definition/pages/overview/visuals/overviewProcessMap/visual.json'));
    delete doc['position'];
    expect(validate(doc).join('\n')).toMatch(/position/);
  });

  test('the TMDL parses, and every feed column it names exists in $metadata under the entity set its partition reads', () => {
    const model = readModel(written());
    expect(model.tables.size).toBeGreaterThanOrEqual(8);
    for (const t of model.tables.values()) {
      const served = metadata.get(t.entitySet);
      expect(served, `${t.name} reads ${t.entitySet}`).toBeDefined();
      for (const [name, c] of t.columns) {
        expect(served!.has(c.sourceColumn), `${t.name}.${name}`).toBe(true);
        expect(c.sourceColumn).toBe(name);
      }
      if (t.distinctColumn === null) expect([...t.columns.keys()].sort()).toEqual([...served!].sort());
      else expect([...t.columns.keys()]).toEqual([t.distinctColumn]);
    }
    expect([...model.tables.keys()].sort()).toEqual([...model.refs].sort());
  });

  test('the TMDL parser refuses a property in the wrong object and a bad enum value', () => {
    expect(() => parseTmdl('table T\n\tdataType: int64\n', 't.tmdl')).toThrow(/t\.tmdl:2: dataType is not a property of a table/);
    expect(() => parseTmdl('table T\n\tcolumn a\n\t\tdataType: integer\n', 't.tmdl')).toThrow(/t\.tmdl:3: dataType must be one of/);
    expect(() => parseTmdl('table T\n\t\t\tcolumn a\n', 't.tmdl')).toThrow(/t\.tmdl:2: indented 3 tabs/);
  });

  test("the process map's field bindings name exactly the roles of the step mapping in capabilities.json", () => {
    const bindings = processMapBindings(written());
    const roles = Object.keys(bindings).sort();
    expect(roles).toEqual(stepMappingRoles().sort());
    expect(roles).toEqual([
      'cases',
      'durations',
      'findings',
      'finished',
      'fromActivity',
      'histogram',
      'jobcenter',
      'logMoveCases',
      'modelMoveCases',
      'period',
      'process',
      'skippedActivities',
      'stepIndex',
      'sumSeconds',
      'toActivity',
      'variantKey',
      'variantRank',
      'violatedRules',
      'violationCases',
    ]);
    const caps = new Set(repoCapabilities().dataRoles.map((r) => r.name));
    for (const r of roles) expect(caps.has(r)).toBe(true);
  });
});

describe('sagsflow powerbi: round trip', () => {
  let model: ReadModel;
  let dir: string;
  beforeAll(() => {
    dir = written('da');
    model = readModel(dir);
  });

  test('tables: every feed table of $metadata except the store tables, plus the three slicer dimensions', () => {
    const feedSets = [...model.tables.values()]
      .filter((t) => t.distinctColumn === null)
      .map((t) => t.entitySet)
      .sort();
    const expected = [...metadata.keys()].filter((s) => !['Logs', 'Loads', 'Events', 'Quarantine'].includes(s)).sort();
    expect(feedSets).toEqual(expected);
    expect(feedSets).toEqual(expect.arrayContaining(['Cases', 'Jobcenters', 'Periods', 'Steps', 'Variants']));
    const dims = [...model.tables.values()]
      .filter((t) => t.distinctColumn !== null)
      .map((t) => `${t.name}:${t.entitySet}.${t.distinctColumn}`);
    expect(dims.sort()).toEqual(['Jobcenter:Jobcenters.jobcenter', 'Periode:Periods.period', 'Proces:Jobcenters.process']);
  });

  test('relationships: Cases[variant_key] many-to-many with Steps (Steps filters Cases), each dimension to every other table with its column', () => {
    const m2m = model.relationships.filter((r) => r.manyToMany);
    expect(m2m).toEqual([
      {
        from: { table: 'Cases', column: 'variant_key' },
        to: { table: 'Steps', column: 'variant_key' },
        manyToMany: true,
        direction: 'oneDirection',
      },
    ]);
    for (const dim of slicerDimensions('da')) {
      const factColumn = (t: ReadTable) => dim.factColumns.find((c) => t.columns.has(c));
      const from = model.relationships
        .filter((r) => r.to.table === dim.name)
        .map((r) => `${r.from.table}.${r.from.column}`)
        .sort();
      const withColumn = [...model.tables.values()]
        .filter((t) => t.distinctColumn === null && factColumn(t) !== undefined && t.name !== 'Cases')
        .map((t) => `${t.name}.${factColumn(t)}`)
        .sort();
      expect(from, dim.name).toEqual(withColumn);
      for (const r of model.relationships.filter((x) => x.to.table === dim.name)) expect(r.to.column).toBe(dim.column);
    }
    for (const r of model.relationships) {
      expect(model.tables.get(r.from.table)?.columns.has(r.from.column), `${r.from.table}.${r.from.column}`).toBe(true);
      expect(model.tables.get(r.to.table)?.columns.has(r.to.column), `${r.to.table}.${r.to.column}`).toBe(true);
    }
  });

  test('measures: cases, finished share and median throughput time, each naming only columns of its table', () => {
    const measures = [...model.tables.values()].flatMap((t) =>
      [...t.measures.entries()].map(([name, dax]) => ({ table: t.name, name, dax })),
    );
    const compliance = selectFeedTables(describeSchema(schema), { caseLevel: true }).compliance;
    const expected = ['Periods.Andel afsluttede', 'Steps.Median gennemløbstid (dage)', 'Steps.Sager'];
    if (compliance) expected.push(`${compliance.table.entitySet}.Overholdelsesgrad`);
    expect(measures.map((m) => `${m.table}.${m.name}`).sort()).toEqual(expected.sort());
    for (const m of measures) {
      for (const ref of m.dax.matchAll(/'([^']+)'\[([^\]]+)\]/g)) {
        expect(model.tables.get(ref[1]!)?.columns.has(ref[2]!), `${m.name}: ${ref[0]}`).toBe(true);
      }
    }
    const median = measures.find((m) => m.name.startsWith('Median'))!.dax;
    for (const c of BUCKET_COLUMNS) expect(median).toContain(`'Steps'[${c}]`);
    expect(median).toContain('86400 * POWER(172800 / 86400, (halfCases - cum_h10) / c_h11)');
    expect(median).toContain('31536000 * POWER(63072000 / 31536000, (halfCases - cum_h23) / c_h24)');
  });

  test('bindings: every process-map field is a Steps column of $metadata; the histogram role holds h00..h24 summed in order', () => {
    const bindings = processMapBindings(dir);
    for (const projections of Object.values(bindings)) {
      for (const p of projections) {
        const ref = fieldRefOf(p);
        expect(ref.kind === 'measure' ? '' : ref.table).toBe('Steps');
        if (ref.kind !== 'measure') expect(metadata.get('Steps')!.has(ref.column)).toBe(true);
      }
    }
    expect(bindings['histogram']!.map((p) => fieldRefOf(p))).toEqual(
      BUCKET_COLUMNS.map((column) => ({ kind: 'sum', table: 'Steps', column })),
    );
    expect(bindings['durations']!.map((p) => fieldRefOf(p))).toEqual(
      [...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS].map((column) => ({ kind: 'sum', table: 'Steps', column })),
    );
    expect(bindings['durations']![7]!.queryRef).toBe('Sum(Steps.d07)');
    expect(fieldRefOf(bindings['variantRank']![0]!)).toEqual({ kind: 'column', table: 'Steps', column: 'variant_rank' });
    expect(fieldRefOf(bindings['finished']![0]!)).toEqual({ kind: 'column', table: 'Steps', column: 'finished' });
    expect(fieldRefOf(bindings['variantKey']![0]!)).toEqual({ kind: 'column', table: 'Steps', column: 'variant_key' });
    expect(fieldRefOf(bindings['cases']![0]!)).toEqual({ kind: 'sum', table: 'Steps', column: 'cases' });
    expect(bindings['variantKey']![0]!.displayName).toBe('Variantnøgle');
    const steps = model.tables.get('Steps')!;
    expect([...steps.columns].filter(([, c]) => c.isHidden).map(([n]) => n)).toEqual([
      'id',
      'version',
      ...BUCKET_COLUMNS,
      ...FINE_COUNT_COLUMNS,
      ...FINE_SECONDS_COLUMNS,
    ]);
    expect(steps.columns.get('h07')).toEqual({ dataType: 'int64', sourceColumn: 'h07', isHidden: true });
  });

  test('pages: overview always; rules and findings exactly when the feed has a compliance and a findings table', () => {
    const feed = selectFeedTables(describeSchema(schema), { caseLevel: true });
    const pages = readJson(join(dir, 'Sagsflow.Report/definition/pages/pages.json')) as { pageOrder: string[]; activePageName: string };
    const expected = ['overview', ...(feed.compliance ? ['rules'] : []), ...(feed.findings ? ['findings'] : [])];
    expect(pages.pageOrder).toEqual(expected);
    expect(pages.activePageName).toBe('overview');
    if (feed.compliance) expect(feed.compliance.table.entitySet).not.toMatch(/finding/i);
  });

  test('the feed URL and process are Power Query parameters that every partition reads', () => {
    expect(model.expressions.get('SagsflowFeedUrl')).toMatch(/^"https:\/\/sagsflow\.example\.org\/odata" meta \[IsParameterQuery = true/);
    expect(model.expressions.get('SagsflowProcess')).toMatch(/^"" meta/);
    const steps = readFileSync(join(dir, 'Sagsflow.SemanticModel/definition/tables/Steps.tmdl'), 'utf8');
    expect(steps).toContain('OData.Feed(SagsflowFeedUrl, null, [Implementation = "2.0"])');
    expect(steps).toContain('each [process] = SagsflowProcess');
    for (const dim of ['Jobcenter', 'Periode', 'Proces']) {
      const text = readFileSync(join(dir, `Sagsflow.SemanticModel/definition/tables/${dim}.tmdl`), 'utf8');
      expect(text, dim).toMatch(
        /Scoped = if SagsflowProcess = "" then Rows else Table\.SelectRows\(Rows, each \[process\] = SagsflowProcess\),\n\t+ +Values = Table\.Distinct\(Table\.SelectColumns\(Scoped, /,
      );
    }
  });

  test('the report registers the visual as a private custom visual and ships its files', () => {
    const report = readJson(join(dir, 'Sagsflow.Report/definition/report.json')) as {
      resourcePackages: Array<{ name: string; type: string; items: Array<{ name: string; path: string; type: string }> }>;
    };
    const pkg = report.resourcePackages.find((p) => p.type === 'CustomVisual')!;
    expect(pkg.name).toBe(repoGuid());
    const files = listFiles(join(dir, 'Sagsflow.Report'));
    expect(pkg.items).toEqual([{ name: `${repoGuid()}.pbiviz.json`, path: `${repoGuid()}.pbiviz.json`, type: 'CustomVisualMetadata' }]);
    for (const item of pkg.items) expect(files.has(`CustomVisuals/${repoGuid()}/resources/${item.path}`), item.path).toBe(true);
    expect(files.has(`CustomVisuals/${repoGuid()}/package.json`)).toBe(true);
    const pbir = readJson(join(dir, 'Sagsflow.Report/definition.pbir')) as { datasetReference: { byPath: { path: string } } };
    expect(pbir.datasetReference.byPath.path).toBe('../Sagsflow.SemanticModel');
    const pbip = readJson(join(dir, 'Sagsflow.pbip')) as { artifacts: Array<{ report: { path: string } }> };
    expect(pbip.artifacts).toEqual([{ report: { path: 'Sagsflow.Report' } }]);
  });
});

describe('sagsflow powerbi: options', () => {
  test('--lang en gives English page, measure and slicer captions', () => {
    const dir = written('en');
    const pages = readJson(join(dir, 'Sagsflow.Report/definition/pages/overview/page.json'));
    expect(pages['displayName']).toBe('Overview');
    const model = readModel(dir);
    expect([...model.tables.get('Steps')!.measures.keys()].sort()).toEqual(['Median throughput time (days)', 'Number of cases']);
    expect(model.tables.has('Period')).toBe(true);
    expect(processMapBindings(dir)['variantKey']![0]!.displayName).toBe('Variant key');
  });

  test('without case-level tables there is no Cases table, no table viewers are refused (Findings) and no many-to-many relationship', () => {
    const model = readModel(written('da', { caseLevel: false }));
    expect(model.tables.has('Cases')).toBe(false);
    expect(selectFeedTables(describeSchema(schema), { caseLevel: false }).tables.map((t) => t.entitySet)).not.toContain('Findings');
    expect(selectFeedTables(describeSchema(schema), { caseLevel: false }).compliance?.table.entitySet).toBe('Compliance');
    expect(model.relationships.some((r) => r.manyToMany)).toBe(false);
  });

  test('--process fills the process parameter', () => {
    const model = readModel(written('da', { process: 'dagpenge' }));
    expect(model.expressions.get('SagsflowProcess')).toMatch(/^"dagpenge" meta/);
  });

  test('bad input: a feed URL that is not http(s), a process name with quotes, a file that is not a visual', () => {
    expect(() => buildPowerBiProject({ feedUrl: 'ftp://x/odata', lang: 'da', visual })).toThrow(/--url: expected an http\(s\) address/);
    expect(() => buildPowerBiProject({ feedUrl: 'not a url', lang: 'da', visual })).toThrow(/--url: expected the feed's address/);
    expect(() => buildPowerBiProject({ feedUrl: 'https://x/odata', lang: 'da', visual, process: 'a"b' })).toThrow(
      /--process: expected a process name/,
    );
    expect(() => readCustomVisual(new TextEncoder().encode('plain text'), 'x.pbiviz')).toThrow(/x\.pbiviz is not a zip archive/);
  });
});

describe('buildSemanticModel', () => {
  test('a measure named like a column of its table (names are case-insensitive) is refused', () => {
    const feed = selectFeedTables(describeSchema(schema), { caseLevel: true });
    const model = buildSemanticModel(feed, { feedUrl: 'https://x/odata', lang: 'en' });
    const names = model.tables.flatMap((t) => [t.name, ...t.measures.map((m) => m.name)]).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const steps = model.tables.find((t) => t.name === 'Steps')!;
    expect(steps.columns.some((c) => steps.measures.some((m) => m.name.toLowerCase() === c.name.toLowerCase()))).toBe(false);
    feed.steps.columns.push({ name: 'number of cases', edm: 'Edm.Int64', nullable: false, timeUnitMs: 1 });
    expect(() => buildSemanticModel(feed, { feedUrl: 'https://x/odata', lang: 'en' })).toThrow(
      'powerbi: the measure Number of cases clashes with Steps[number of cases]',
    );
  });
});
