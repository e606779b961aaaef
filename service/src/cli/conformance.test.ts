import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sagsflow } from '../testing/run-cli';

const DATA = resolve(import.meta.dirname, '../../../tests/data');

describe('sagsflow conformance', () => {
  it('--json prints exactly the model, alignments, tokenReplay and activities keys', async () => {
    const r = await sagsflow(
      'conformance',
      join(DATA, 'running-example.xes'),
      '--model',
      join(DATA, 'running-example-strict.bpmn'),
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['model', 'alignments', 'tokenReplay', 'activities']);
    expect(json.model).toEqual({ tasks: 5, places: 8, transitions: 7 });
    expect(Object.keys(json.alignments)).toEqual(['logFitness', 'averageTraceFitness', 'fittingTracesPct']);
    expect(Object.keys(json.tokenReplay)).toEqual(['logFitness', 'fittingTracesPct']);
    expect(json.alignments.logFitness).toBeCloseTo(2 / 3, 12);
    expect(json.activities).toHaveLength(8);
    for (const row of json.activities) expect(Object.keys(row)).toEqual(['activity', 'logMoves', 'modelMoves']);
  });

  it('prints a text table and lists log activities the model does not know', async () => {
    const r = await sagsflow('conformance', join(DATA, 'running-example.xes'), '--model', join(DATA, 'running-example-strict.bpmn'));
    expect(r.stdout).toContain('alignments    log fitness 0.6667, average trace fitness 0.6931, fitting traces 16.7 %');
    expect(r.stdout).toMatch(/pay compensation\s+0\s+3/);
    expect(r.stdout).toContain('log activities unknown to the model: examine thoroughly; reinitiate request; reject request');
  });

  it('applies modelLabels from the mapping file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-conf-'));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        case: 'case:concept:name',
        activity: 'concept:name',
        timestamp: 'time:timestamp',
        modelLabels: { 'pay compensation': 'reject request' },
      }),
    );
    const r = await sagsflow(
      'conformance',
      join(DATA, 'running-example.csv'),
      '--model',
      join(DATA, 'running-example-strict.bpmn'),
      '--mapping',
      mapping,
      '--json',
    );
    expect(r.code).toBe(0);
    const moves = Object.fromEntries(
      JSON.parse(r.stdout).activities.map((a: { activity: string; logMoves: number; modelMoves: number }) => [
        a.activity,
        [a.logMoves, a.modelMoves],
      ]),
    );
    expect(moves['reject request']).toEqual([0, 3]);
    expect(moves['pay compensation']).toEqual([3, 0]);
  });

  it('reports over-budget variants on stderr and leaves them out of the figures', async () => {
    const r = await sagsflow(
      'conformance',
      join(DATA, 'running-example.xes'),
      '--model',
      join(DATA, 'running-example.bpmn'),
      '--budget',
      '12',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^sagsflow: \d+ variants \(\d+ cases\) exceeded the search budget and are left out of the alignment figures\n$/,
    );
  });

  it('refuses a missing model in one line', async () => {
    const r = await sagsflow('conformance', join(DATA, 'running-example.xes'), '--model', join(DATA, 'nope.bpmn'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`sagsflow: cannot open ${join(DATA, 'nope.bpmn')}: no such file\n`);
  });
});
