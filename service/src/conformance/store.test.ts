import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { ingestFiles } from '../ingest/ingest-files';
import { createToken } from '../tokens';
import { loadModel } from './load-model';

const SEQUENCE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/><bpmn:task id="b" name="B"/><bpmn:task id="c" name="C"/><bpmn:endEvent id="e"/>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a"/><bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
  <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c"/><bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

/** Nord: 6 cases A B C, 2 cases A C (B skipped); Syd: 5 cases A B C, 1 case A B B C (B repeated). */
function extract(): string {
  const lines = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  const add = (jobcenter: string, count: number, trace: string[]) => {
    for (let i = 0; i < count; i++) {
      const id = `${jobcenter}-${trace.join('')}-${i}`;
      trace.forEach((a, k) => lines.push(`${id},${a},2024-03-0${k + 1} 10:00:00,${jobcenter}`));
    }
  };
  add('Nord', 6, ['A', 'B', 'C']);
  add('Nord', 2, ['A', 'C']);
  add('Syd', 5, ['A', 'B', 'C']);
  add('Syd', 1, ['A', 'B', 'B', 'C']);
  return `${lines.join('\n')}\n`;
}

let dir: string;
let store: SagsflowDatabase;
let get: (path: string, token: string) => Promise<Response>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-conformance-'));
  writeFileSync(join(dir, 'log.csv'), extract());
  writeFileSync(join(dir, 'model.bpmn'), SEQUENCE_BPMN);
  store = openDatabase(join(dir, 'db.sqlite'));
  const report = await ingestFiles(store, { files: [join(dir, 'log.csv')], log: 'seq', model: await loadModel(join(dir, 'model.bpmn')) });
  expect(report.conformance).toMatchObject({ variants: 4, activities: 2, cases: 14, variantsOverBudget: 0 });
  tokens['viewer'] = createToken(store.db, { role: 'viewer' }).token;
  tokens['analyst'] = createToken(store.db, { role: 'analyst' }).token;
  tokens['nord'] = createToken(store.db, { role: 'viewer', jobcenters: ['Nord'] }).token;
  tokens['nordAnalyst'] = createToken(store.db, { role: 'analyst', jobcenters: ['Nord'] }).token;
  const app = createApp({
    db: store.db,
    sqlite: store.sqlite,
    dbPath: store.path,
    uploadDir: dir,
    minGroupSize: 5,
    log: () => {},
    preview: false,
  });
  get = async (path, token) => app.request(path, { headers: { Authorization: `Bearer ${token}` } });
});

afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('conformance tables after ingest --model', () => {
  it('sum to the hand-worked costs: 3 moves over a maximum of 83 (log fitness 1 - 3/83)', () => {
    const s = store.sqlite
      .prepare(
        'SELECT sum(cases) cases, sum(aligned_cases) aligned, sum(fitting_cases) fitting, sum(sum_cost) cost, sum(sum_max_cost) max FROM conformance_variants',
      )
      .get();
    expect(s).toEqual({ cases: 14, aligned: 14, fitting: 11, cost: 3, max: 6 * 6 + 2 * 5 + 5 * 6 + 7 });
    expect(
      store.sqlite
        .prepare(
          'SELECT jobcenter, activity, log_moves, model_moves, log_move_cases, model_move_cases FROM conformance_activities ORDER BY jobcenter',
        )
        .all(),
    ).toEqual([
      { jobcenter: 'Nord', activity: 'B', log_moves: 0, model_moves: 2, log_move_cases: 0, model_move_cases: 2 },
      { jobcenter: 'Syd', activity: 'B', log_moves: 1, model_moves: 0, log_move_cases: 1, model_move_cases: 0 },
    ]);
    expect(store.sqlite.prepare('SELECT fitness, cost, deviations FROM conformance_cases WHERE cost > 0 ORDER BY fitness').all()).toEqual([
      { fitness: 0.8, cost: 1, deviations: '[{"kind":"model","activity":"B"}]' },
      { fitness: 0.8, cost: 1, deviations: '[{"kind":"model","activity":"B"}]' },
      { fitness: 1 - 1 / 7, cost: 1, deviations: '[{"kind":"log","activity":"B"}]' },
    ]);
  });
});

describe('GET /api/logs/:name/conformance', () => {
  it('gives fitness overall and per jobcenter; move counts under k = 5 read "<5"', async () => {
    const res = await get('/api/logs/seq/conformance', tokens['analyst']!);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.model).toMatchObject({ file: 'model.bpmn', tasks: 3, shortestRun: 3, modelTasksNotInLog: [], logActivitiesNotInModel: [] });
    expect(body.cases).toBe(14);
    expect(body.alignments.logFitness).toBeCloseTo(1 - 3 / 83, 12);
    expect(body.alignments.fittingTracesPct).toBeCloseTo((100 * 11) / 14, 12);
    expect(body.jobcenters.map((j: { jobcenter: string }) => j.jobcenter)).toEqual(['Nord', 'Syd']);
    expect(body.jobcenters[0].alignments.logFitness).toBeCloseTo(1 - 2 / 46, 12);
    expect(body.jobcenters[1].alignments.logFitness).toBeCloseTo(1 - 1 / 37, 12);
    expect(body.activities).toEqual([{ activity: 'B', logMoves: '<5', modelMoves: '<5', logMoveCases: '<5', modelMoveCases: '<5' }]);
  });

  it('limits a jobcenter token to its jobcenter', async () => {
    const body = await (await get('/api/logs/seq/conformance', tokens['nordAnalyst']!)).json();
    expect(body.cases).toBe(8);
    expect(body.jobcenters.map((j: { jobcenter: string }) => j.jobcenter)).toEqual(['Nord']);
    expect(body.alignments.logFitness).toBeCloseTo(1 - 2 / 46, 12);
  });

  it('serves case rows with their deviations to analysts only', async () => {
    expect((await get('/api/logs/seq/conformance/cases', tokens['viewer']!)).status).toBe(403);
    const body = await (await get('/api/logs/seq/conformance/cases?limit=3', tokens['analyst']!)).json();
    expect(body.total).toBe(14);
    expect(body.cases[0]).toMatchObject({ jobcenter: 'Nord', fitness: 0.8, cost: 1, deviations: [{ kind: 'model', activity: 'B' }] });
  });

  it('is 404 for a log without a model', async () => {
    const res = await get('/api/logs/none/conformance', tokens['analyst']!);
    expect(res.status).toBe(404);
  });

  it('gives viewer tokens the viewer-grade conformance: the two variants of at least k cases, which fit', async () => {
    for (const token of [tokens['viewer']!, tokens['nord']!]) {
      const res = await get('/api/logs/seq/conformance?period=2024-03', token);
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.activities).toEqual([]);
      expect(body.alignments).toEqual({ logFitness: 1, averageTraceFitness: 1, fittingTracesPct: 100 });
      expect(body.cases).toBe(token === tokens['viewer'] ? 11 : 6);
    }
  });
});

describe('OData and CSV', () => {
  it('serve the conformance tables, scoped by jobcenter; case rows to analysts only; viewers their viewer-grade form', async () => {
    const all = await (await get('/odata/ConformanceVariants', tokens['analyst']!)).json();
    expect(all.value).toHaveLength(4);
    const viewer = await (await get('/odata/ConformanceVariants?$select=jobcenter,cases,fitting_cases', tokens['viewer']!)).json();
    expect(viewer.value).toEqual([
      { jobcenter: 'Nord', cases: 6, fitting_cases: 6 },
      { jobcenter: 'Syd', cases: 5, fitting_cases: 5 },
    ]);
    const nord = await (await get('/odata/ConformanceVariants', tokens['nordAnalyst']!)).json();
    expect(nord.value.map((r: { jobcenter: string }) => r.jobcenter)).toEqual(['Nord', 'Nord']);
    expect((await get('/odata/ConformanceCases', tokens['viewer']!)).status).toBe(403);
    expect((await get('/odata/ConformanceModels', tokens['nord']!)).status).toBe(200);
    const csv = await (await get('/api/tables/conformance_activities.csv', tokens['nordAnalyst']!)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(2);
  });
});
