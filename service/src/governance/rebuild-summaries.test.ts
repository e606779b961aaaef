import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { generateLog } from '../generate/index';
import { ingestFiles } from '../ingest/ingest-files';
import { attachedModel } from '../conformance/attached-model';
import { catalogueForLoad } from '../rules/attach';
import { sagsflow } from '../testing/run-cli';
import { eraseSubject } from './erase';

const SUMMARY_TABLES = [
  'rule_catalogues',
  'rules',
  'compliance',
  'case_compliance',
  'conformance_models',
  'conformance_variants',
  'conformance_activities',
  'conformance_cases',
  'findings',
  'finding_cases',
  'jobcenters',
];
const ENV = { SAGSFLOW_SECRET: 'rebuild-summaries test key, long enough' };

let dir = '';
let csv = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-rebuild-'));
  csv = join(dir, 'aka.csv');
  await generateLog({ process: 'akademiker', cases: 60, seed: 3, out: csv });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function load(file: string, db: string): Promise<SagsflowDatabase> {
  const previous = process.env['SAGSFLOW_SECRET'];
  process.env['SAGSFLOW_SECRET'] = ENV.SAGSFLOW_SECRET;
  try {
    const store = openDatabase(db);
    const model = await attachedModel(undefined, 'akademiker', undefined);
    const rules = await catalogueForLoad({ process: 'akademiker' });
    await ingestFiles(store, {
      files: [file],
      log: 'aka',
      process: 'akademiker',
      ...(model ? { model } : {}),
      ...(rules ? { rules } : {}),
    });
    return store;
  } finally {
    if (previous === undefined) delete process.env['SAGSFLOW_SECRET'];
    else process.env['SAGSFLOW_SECRET'] = previous;
  }
}

/** Every summary table's rows without their row ids, in a stable order. */
function summaries(store: SagsflowDatabase): Record<string, unknown[]> {
  return Object.fromEntries(
    SUMMARY_TABLES.map((t) => {
      const rows = store.sqlite.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[];
      const shown = rows.map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort();
      return [t, shown];
    }),
  );
}

describe('summary tables after an erasure', () => {
  it('erasing a case leaves compliance, conformance and findings exactly as a load without that case', async () => {
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    const rows = lines.slice(1).map((l) => l.split(','));
    const last = rows.reduce((m, r) => (r[6]! > m ? r[6]! : m), '');
    const lastOf = new Map<string, string>();
    for (const r of rows) if ((lastOf.get(r[0]!) ?? '') < r[6]!) lastOf.set(r[0]!, r[6]!);
    const gone = [...lastOf].find(([, t]) => t < last)![0];
    const without = join(dir, 'without.csv');
    writeFileSync(without, [lines[0], ...lines.slice(1).filter((l) => !l.startsWith(`${gone},`))].join('\n'));

    const erased = await load(csv, join(dir, 'erased.sqlite'));
    const before = summaries(erased);
    expect(eraseSubject(erased, { kind: 'case', value: gone }, { env: ENV }).cases).toBe(1);
    const fresh = await load(without, join(dir, 'fresh.sqlite'));
    const after = summaries(erased);
    expect(after['compliance']).not.toEqual(before['compliance']);
    expect(after['conformance_variants']!.length).toBeGreaterThan(0);
    expect(after['findings']!.length).toBeGreaterThan(0);
    expect(after).toEqual(summaries(fresh));
    erased.close();
    fresh.close();
  }, 120_000);

  it('sagsflow precompute --log rebuilds the summary tables and says so', async () => {
    const db = join(dir, 'pre.sqlite');
    (await load(csv, db)).close();
    const r = await sagsflow('precompute', '--db', db, '--log', 'aka');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /log "aka": summaries rebuilt \(\d+ compliance rows, \d+ conformance variant rows, \d+ findings, 0 team rows\)\n$/,
    );
  }, 120_000);
});
