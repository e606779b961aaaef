import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../conformance/load-model';
import { openDatabase, type SagsflowDatabase } from '../../db/client';
import { ingestFiles } from '../../ingest/ingest-files';
import { parseCatalogue } from '../../rules/parse-catalogue';
import { buildViewerAnalyses } from './build-viewer-analyses';
import { mergeSmallStatuses } from './compliance-viewer-table';

const SEQUENCE_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="defs" targetNamespace="t">
  <bpmn:process id="p"><bpmn:startEvent id="s"/><bpmn:task id="a" name="A"/><bpmn:task id="b" name="B"/><bpmn:task id="c" name="C"/><bpmn:endEvent id="e"/>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="a"/><bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
  <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="c"/><bpmn:sequenceFlow id="f4" sourceRef="c" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

const CATALOGUE = `catalogue: hand
rules:
  - id: R-C
    title: {da: "C senest 2 dage efter A", en: "C within 2 days of A"}
    source: test
    basis: illustrative
    kind: within
    a: A
    b: C
    limit: {days: 2}
`;

/**
 * March 2024. Nord: 8 x A B C (6 with C one day after A, 2 with C five days after A: 3 days
 * late), 5 x A C (B skipped, C one day after A). Syd: 5 x A B C on time, 1 x A C, which makes
 * no group of k = 5 anywhere and is left out of the viewer model.
 */
function extract(): string {
  const lines = ['Sags-id,Aktivitet,Tidspunkt,Jobcenter'];
  const add = (jobcenter: string, count: number, trace: string[], lastDay: number) => {
    for (let i = 0; i < count; i++) {
      const id = `${jobcenter}-${trace.join('')}-${lastDay}-${i}`;
      trace.forEach((a, k) => {
        const day = k === trace.length - 1 ? lastDay : 2 + k;
        lines.push(`${id},${a},2024-03-${String(day).padStart(2, '0')} 10:00:00,${jobcenter}`);
      });
    }
  };
  add('Nord', 6, ['A', 'B', 'C'], 3);
  add('Nord', 2, ['A', 'B', 'C'], 7);
  add('Nord', 5, ['A', 'C'], 3);
  add('Syd', 5, ['A', 'B', 'C'], 4);
  add('Syd', 1, ['A', 'C'], 3);
  return `${lines.join('\n')}\n`;
}

describe('mergeSmallStatuses', () => {
  const s = (status: string, cases: number, late = 0) => ({ status, cases, late });
  it('keeps statuses of k cases, merges the small ones into "other" and leaves out empty ones', () => {
    expect(mergeSmallStatuses([s('fulfilled', 9), s('violated', 3, 7), s('pending', 2), s('notApplicable', 0)], 5)).toEqual([
      s('fulfilled', 9),
      s('other', 5),
    ]);
  });
  it('adds the next smallest status while the merged row is under k, so none can be had by subtraction', () => {
    expect(mergeSmallStatuses([s('fulfilled', 20), s('violated', 2, 6), s('notApplicable', 6)], 5)).toEqual([
      s('fulfilled', 20),
      s('other', 8),
    ]);
    expect(mergeSmallStatuses([s('fulfilled', 7), s('violated', 6, 12)], 5)).toEqual([s('fulfilled', 7), s('violated', 6, 12)]);
  });
});

describe('viewer-grade compliance and conformance of a hand-made log (k = 5)', () => {
  let dir: string;
  let store: SagsflowDatabase;
  const rows = (sql: string) => store.sqlite.prepare(sql).all();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sagsflow-viewer-analyses-'));
    writeFileSync(join(dir, 'log.csv'), extract());
    writeFileSync(join(dir, 'model.bpmn'), SEQUENCE_BPMN);
    store = openDatabase(':memory:');
    await ingestFiles(store, {
      files: [join(dir, 'log.csv')],
      log: 'hand',
      process: 'hand',
      minGroupSize: 5,
      model: await loadModel(join(dir, 'model.bpmn')),
      rules: { catalogue: parseCatalogue(CATALOGUE, 'c.yaml'), text: CATALOGUE },
    });
  });
  afterAll(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('compliance: per viewer cell, the 2 late cases of Nord merge with its on-time cases; the left-out case is in no row', () => {
    expect(rows("SELECT jobcenter, month, status, cases FROM compliance WHERE status <> 'notApplicable' ORDER BY 1, 3")).toEqual([
      { jobcenter: 'Nord', month: '2024-03', status: 'fulfilled', cases: 11 },
      { jobcenter: 'Nord', month: '2024-03', status: 'violated', cases: 2 },
      { jobcenter: 'Syd', month: '2024-03', status: 'fulfilled', cases: 6 },
    ]);
    expect(rows('SELECT jobcenter, month, rule, status, cases, sum_days_late FROM viewer_compliance ORDER BY 1, 4')).toEqual([
      { jobcenter: 'Nord', month: '2024-03', rule: 'R-C', status: 'other', cases: 13, sum_days_late: 0 },
      { jobcenter: 'Syd', month: '2024-03', rule: 'R-C', status: 'fulfilled', cases: 5, sum_days_late: 0 },
    ]);
  });

  it('conformance: the variants shown as themselves, with every count 0 or all their cases; activities from their deviations', () => {
    expect(
      rows(
        'SELECT jobcenter, period, cases, aligned_cases, sum_fitness, fitting_cases, sum_cost, sum_max_cost, token_fitting_cases FROM viewer_conformance_variants ORDER BY 1, 3',
      ),
    ).toEqual([
      {
        jobcenter: 'Nord',
        period: '2024-03',
        cases: 5,
        aligned_cases: 5,
        sum_fitness: 4,
        fitting_cases: 0,
        sum_cost: 5,
        sum_max_cost: 25,
        token_fitting_cases: 0,
      },
      {
        jobcenter: 'Nord',
        period: '2024-03',
        cases: 8,
        aligned_cases: 8,
        sum_fitness: 8,
        fitting_cases: 8,
        sum_cost: 0,
        sum_max_cost: 48,
        token_fitting_cases: 8,
      },
      {
        jobcenter: 'Syd',
        period: '2024-03',
        cases: 5,
        aligned_cases: 5,
        sum_fitness: 5,
        fitting_cases: 5,
        sum_cost: 0,
        sum_max_cost: 30,
        token_fitting_cases: 5,
      },
    ]);
    expect(
      rows(
        'SELECT jobcenter, period, activity, log_moves, model_moves, log_move_cases, model_move_cases FROM viewer_conformance_activities',
      ),
    ).toEqual([
      { jobcenter: 'Nord', period: '2024-03', activity: 'B', log_moves: 0, model_moves: 5, log_move_cases: 0, model_move_cases: 5 },
    ]);
  });

  it('rebuilding gives the same rows, and a version without a viewer-grade model gets none', () => {
    const before = rows('SELECT * FROM viewer_compliance ORDER BY id') as Record<string, unknown>[];
    const count = () => rows('SELECT count(*) AS n FROM viewer_conformance_variants');
    expect(store.sqlite.transaction(() => buildViewerAnalyses(store.sqlite, { log: 'hand', version: 1 }))()).toBe(true);
    expect(
      rows('SELECT log, version, process, jobcenter, month, rule, status, cases, sum_days_late FROM viewer_compliance ORDER BY id'),
    ).toEqual(before.map(({ id: _id, ...r }) => r));
    expect(count()).toEqual([{ n: 3 }]);
    expect(buildViewerAnalyses(store.sqlite, { log: 'hand', version: 2 })).toBe(false);
  });
});
