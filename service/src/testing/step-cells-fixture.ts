import { STEP_END, STEP_START } from '@sagsflow/shared';
import { openDatabase, type SagsflowDatabase } from '../db/client';

const COLUMNS = ['log', 'version', 'process', 'jobcenter', 'period', 'variant_key', 'step_index', 'from_activity', 'to_activity'];
const VALUES = ['cases', 'sum_seconds', 'variant_rank', 'finished', 'h03', 'h07', 'd10', 'd40', 's10', 's40'];

/**
 * A store whose log `x` has two variants (A-B and A-C) in two jobcenters and three months
 * (four cells), with whole seconds only: step aggregations of it add up exactly in any order.
 * In memory unless a database file `path` is given.
 */
export function seededStepCells(path = ':memory:'): SagsflowDatabase {
  const store = openDatabase(path);
  const insert = store.sqlite.prepare(
    `INSERT INTO steps (${[...COLUMNS, ...VALUES].join(', ')}) VALUES (${[...COLUMNS, ...VALUES].map(() => '?').join(', ')})`,
  );
  const cells: [string, string, string, string[], number][] = [
    ['J1', '2025-01', 'v1', ['A', 'B'], 3],
    ['J1', '2025-01', 'v2', ['A', 'C'], 2],
    ['J1', '2025-02', 'v1', ['A', 'B'], 4],
    ['J2', '2025-01', 'v1', ['A', 'B'], 1],
    ['J2', '2025-03', 'v2', ['A', 'C'], 6],
  ];
  for (const [jobcenter, period, key, activities, cases] of cells) {
    const path = [STEP_START, ...activities, STEP_END];
    for (let s = 0; s + 1 < path.length; s++) {
      const seconds = s === 0 || s === path.length - 2 ? 0 : 3600 * cases * (s + 1);
      const rank = key === 'v1' ? 1 : 2;
      const finished = key === 'v1' ? 1 : 0;
      insert.run(
        'x',
        1,
        'p',
        jobcenter,
        period,
        key,
        s,
        path[s],
        path[s + 1],
        cases,
        seconds,
        rank,
        finished,
        cases,
        s,
        cases,
        s,
        60 * cases,
        7 * s,
      );
    }
  }
  return store;
}
