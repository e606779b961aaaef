import { setImmediate as nextTurn } from 'node:timers/promises';
import { storedLogNames } from '../../db/step-cell-stamp';
import type { AppContext } from '../app-env';
import { cellCacheNearlyFull, cellMap, cellStepSums } from './step-cell-parts';
import type { StepCell } from '../../db/step-cells';
import { logStepCells, mapOfCells, variantsOfCells } from './step-sums-source';

/** Fills the per-cell sums ahead of the readers. */
export interface StepCellWarmer {
  /** Starts a pass over every log's cells (or one more after the running pass). */
  schedule(): void;
  /** Resolves when no pass is running or scheduled. */
  idle(): Promise<void>;
  /** Ends the running pass at its next cell and schedules no more. */
  stop(): void;
}

/**
 * The slices a dashboard opens on, each jobcenter and each period, with their cells in the order
 * a filter selects them (the whole log is left to its first request: merging every cell at once
 * would hold the event loop too long).
 */
function defaultSlices(cells: readonly StepCell[]): StepCell[][] {
  const by = (key: (cell: StepCell) => string) => {
    const groups = new Map<string, StepCell[]>();
    for (const cell of cells) {
      const group = groups.get(key(cell));
      if (group) group.push(cell);
      else groups.set(key(cell), [cell]);
    }
    return [...groups.values()];
  };
  return [...by((c) => c.jobcenter), ...by((c) => c.period)];
}

/**
 * Warms the cached per-cell sums (variant steps, case durations, the map and variants of each
 * jobcenter and month of every log's step table), then the variants and maps of the slices a
 * dashboard opens on (each jobcenter, each month), one at a time, giving the event loop back between
 * cells, so that the first dashboards after a start or a load merge cached cells instead of
 * computing cold ones inside a request. Cells whose rows a load did not change only have their
 * stamp checked; a pass ends early when the cell cache is nearly full.
 */
export function createStepCellWarmer(ctx: AppContext): StepCellWarmer {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = async (): Promise<void> => {
    do {
      again = false;
      for (const log of ctx.sqlite.open ? storedLogNames(ctx.sqlite) : []) {
        const cells = logStepCells(ctx, 'steps', log);
        for (const cell of cells) {
          await nextTurn();
          if (stopped || !ctx.sqlite.open || cellCacheNearlyFull(ctx)) return;
          cellStepSums(ctx, 'steps', log, cell, { caseDurations: true, edgeHistograms: false });
          cellMap(ctx, 'steps', log, cell);
          variantsOfCells(ctx, 'steps', log, [cell]);
        }
        for (const slice of defaultSlices(cells)) {
          for (const warm of [variantsOfCells, mapOfCells]) {
            await nextTurn();
            if (stopped || !ctx.sqlite.open || cellCacheNearlyFull(ctx)) return;
            warm(ctx, 'steps', log, slice);
          }
        }
      }
    } while (again && !stopped);
  };
  return {
    schedule() {
      if (stopped) return;
      if (running) {
        again = true;
        return;
      }
      running = pass()
        .catch((error: unknown) => ctx.log(`warming the step cells failed: ${(error as Error).message}`))
        .finally(() => (running = null));
    },
    idle: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
    },
  };
}
