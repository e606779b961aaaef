import { describe, expect, it } from 'vitest';
import { createAligner } from '@sagsflow/shared';
import { loadModel } from '../conformance/load-model';
import { processEntry, PROCESS_NAMES } from '../processes/index';
import { generateToMemory, parseCsvRecords } from '../testing/generate-to-memory';

function tracesOf(text: string): string[][] {
  const [header, ...rows] = parseCsvRecords(text, ',');
  const caseCol = header!.indexOf('Sags-id');
  const activityCol = header!.indexOf('Aktivitet');
  const traces = new Map<string, string[]>();
  for (const row of rows) {
    const id = row[caseCol]!;
    if (!traces.has(id)) traces.set(id, []);
    traces.get(id)!.push(row[activityCol]!);
  }
  return [...traces.values()];
}

describe('generateLog --deviations against processes/<name>/model.bpmn', () => {
  it.each(PROCESS_NAMES)('%s: without deviations every closed case fits the model', async (name) => {
    const { text } = await generateToMemory({ process: name, cases: 600, seed: 7 });
    const aligner = createAligner((await loadModel(processEntry(name).modelPath)).net);
    const ends = new Set(processEntry(name).endActivities);
    const closed = tracesOf(text).filter((t) => ends.has(t[t.length - 1]!));
    expect(closed.length).toBeGreaterThan(200);
    expect(closed.filter((t) => aligner.traceFitness(t) !== 1)).toEqual([]);
  });

  it.each(PROCESS_NAMES)(
    '%s: alignments recover exactly the injected deviations (one move each), near the documented rates',
    async (name) => {
      const { report, text } = await generateToMemory({ process: name, cases: 3000, seed: 11, deviations: true });
      const aligner = createAligner((await loadModel(processEntry(name).modelPath)).net);
      const ends = new Set(processEntry(name).endActivities);
      const closed = tracesOf(text).filter((t) => ends.has(t[t.length - 1]!));
      let cost = 0;
      let deviating = 0;
      for (const trace of closed) {
        const r = aligner.align(trace);
        if (r.status !== 'aligned') throw new Error('over budget');
        if (r.cost > 0) deviating++;
        cost += r.cost;
      }
      // Each deviation costs exactly one move (which move an optimal alignment picks may differ).
      const injected = report.deviations.skippedSteps + report.deviations.repeatedSteps;
      expect(deviating).toBe(injected);
      expect(cost).toBe(injected);
      expect(report.deviations.skippedSteps / closed.length).toBeGreaterThan(0.03);
      expect(report.deviations.skippedSteps / closed.length).toBeLessThan(0.07);
      expect(report.deviations.repeatedSteps / closed.length).toBeGreaterThan(0.015);
      expect(report.deviations.repeatedSteps / closed.length).toBeLessThan(0.045);
    },
  );

  it('leaves the events of a log without deviations as they were', async () => {
    const plain = await generateToMemory({ process: 'dagpenge', cases: 300, seed: 3 });
    const none = await generateToMemory({ process: 'dagpenge', cases: 300, seed: 3, deviations: { skip: 0, repeat: 0 } });
    expect(none.sha256).toBe(plain.sha256);
    expect(none.report.deviations).toEqual({ skippedSteps: 0, repeatedSteps: 0 });
  });
});
