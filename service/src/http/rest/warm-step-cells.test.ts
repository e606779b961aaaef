import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { stepCellWhere } from '../../db/step-cells';
import { readStepSums } from '../../db/step-rows';
import { tempDir } from '../../testing/ingest-fixtures';
import { seededStepCells } from '../../testing/step-cells-fixture';
import type { AppContext } from '../app-env';
import { createResultCache } from '../model/result-cache';
import { cellMap, cellStepSums } from './step-cell-parts';
import { mapOfCells, variantsOfCells } from './step-sums-source';
import { createStepCellWarmer } from './warm-step-cells';

const J1_JAN = { jobcenter: 'J1', period: '2025-01' };
const J2_MAR = { jobcenter: 'J2', period: '2025-03' };
const STEPS_ONLY = { caseDurations: false, edgeHistograms: false };

/** The seeded log `x` in a database file, with a second connection (a load's) and an app context over the first. */
function setup(path: string) {
  const store = seededStepCells(path);
  store.sqlite.prepare("INSERT INTO logs (name, process, current_version, created_at, updated_at) VALUES ('x', 'p', 1, 1, 1)").run();
  const ctx = { sqlite: store.sqlite, cache: createResultCache(store.sqlite, { maxBytes: 1e6, maxEntryBytes: 1e5 }), log: () => {} };
  return { store, other: openDatabase(path), ctx: ctx as unknown as AppContext };
}

describe('cached step cells across commits', () => {
  const t = tempDir('sagsflow-step-cells-');
  afterAll(() => t.remove());

  it("keeps a log's cells when another connection commits rows of another log, and reads a changed cell again", () => {
    const { store, other, ctx } = setup(t.path('commits.sqlite'));
    const jan = cellStepSums(ctx, 'steps', 'x', J1_JAN, STEPS_ONLY).steps;
    const mar = cellStepSums(ctx, 'steps', 'x', J2_MAR, STEPS_ONLY).steps;
    other.sqlite.exec(
      "INSERT INTO steps (log, version, process, jobcenter, period, variant_key, step_index, from_activity, to_activity, cases, sum_seconds) VALUES ('y', 1, 'p', 'J1', '2025-01', 'v', 0, 'A', 'B', 1, 1)",
    );
    expect(cellStepSums(ctx, 'steps', 'x', J1_JAN, STEPS_ONLY).steps).toBe(jan);
    other.sqlite.exec("DELETE FROM steps WHERE log = 'x' AND jobcenter = 'J1' AND period = '2025-01' AND variant_key = 'v2'");
    const after = cellStepSums(ctx, 'steps', 'x', J1_JAN, STEPS_ONLY).steps;
    expect(after).not.toBe(jan);
    expect(after).toEqual(readStepSums(store.sqlite, 'steps', stepCellWhere('x', J1_JAN)));
    expect(after.map((s) => s.variantKey)).not.toContain('v2');
    expect(cellStepSums(ctx, 'steps', 'x', J2_MAR, STEPS_ONLY).steps).toBe(mar);
    other.close();
    store.close();
  });

  it('a warming pass caches every cell of every log, and the variants and map of each jobcenter and month, before any request asks', async () => {
    const { store, other, ctx } = setup(t.path('warm.sqlite'));
    const warmer = createStepCellWarmer(ctx);
    warmer.schedule();
    await warmer.idle();
    const cold = readStepSums(store.sqlite, 'steps', stepCellWhere('x', J2_MAR));
    // A change on the server's own connection moves no data version: what is served now was cached by the pass.
    store.sqlite.exec("DELETE FROM steps WHERE log = 'x'");
    expect(cellStepSums(ctx, 'steps', 'x', J2_MAR, { caseDurations: true, edgeHistograms: false }).steps).toEqual(cold);
    expect(cellMap(ctx, 'steps', 'x', J2_MAR).cases).toBe(6);
    const j2 = [{ jobcenter: 'J2', period: '2025-01' }, J2_MAR];
    expect(variantsOfCells(ctx, 'steps', 'x', j2).cases).toBe(7);
    const january = [J1_JAN, { jobcenter: 'J2', period: '2025-01' }];
    expect(mapOfCells(ctx, 'steps', 'x', january).cases).toBe(6);
    warmer.stop();
    other.close();
    store.close();
  });
});
