import type Database from 'better-sqlite3';
import { BUCKET_COLUMNS, STEP_END, STEP_START } from '@sagsflow/shared';

/** The ten jobcenters and 24 periods the seeded step rows spread over. */
export const SEED_JOBCENTERS = Array.from({ length: 10 }, (_, i) => `Jobcenter ${String(i + 1).padStart(2, '0')}`);
export const SEED_PERIODS = Array.from({ length: 24 }, (_, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

/**
 * Seeds log 'seeded' with `stepCount` step rows (variants of 3–8 activities, one non-zero
 * histogram bucket per row) and its jobcenters, in one transaction: the table the HTTP
 * benchmarks read. Deterministic (fixed seed).
 */
export function seedSteps(sqlite: Database.Database, stepCount: number): void {
  const cols = [
    'log',
    'version',
    'process',
    'jobcenter',
    'period',
    'variant_key',
    'step_index',
    'from_activity',
    'to_activity',
    'cases',
    'sum_seconds',
    ...BUCKET_COLUMNS,
  ];
  const insert = sqlite.prepare(`INSERT INTO steps (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  sqlite.transaction(() => {
    const now = new Date();
    sqlite
      .prepare('INSERT INTO logs (name, process, current_version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)')
      .run('seeded', 'dagpenge', now.getTime(), now.getTime());
    let rows = 0;
    for (let v = 0; rows < stepCount; v++) {
      const jobcenter = SEED_JOBCENTERS[v % SEED_JOBCENTERS.length]!;
      const period = SEED_PERIODS[Math.floor(v / SEED_JOBCENTERS.length) % SEED_PERIODS.length]!;
      const key = (0x1000000000000 + v).toString(16).padStart(16, '0');
      const length = 3 + (v % 6);
      const path = [STEP_START, ...Array.from({ length }, (_, i) => `Aktivitet ${(v + i * 7) % 30}`), STEP_END];
      const cases = 1 + Math.floor(rand() * 40);
      for (let s = 0; s + 1 < path.length && rows < stepCount; s++, rows++) {
        const hist = BUCKET_COLUMNS.map((_, i) => (i === 10 ? cases : 0));
        insert.run('seeded', 1, 'dagpenge', jobcenter, period, key, s, path[s], path[s + 1], cases, cases * 86400 * rand(), ...hist);
      }
    }
    const jc = sqlite.prepare('INSERT INTO jobcenters (log, version, process, jobcenter, cases, events) VALUES (?, 1, ?, ?, ?, ?)');
    for (const j of SEED_JOBCENTERS) jc.run('seeded', 'dagpenge', j, 1000, 8000);
  })();
}
