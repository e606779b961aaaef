import type Database from 'better-sqlite3';
import { lineageOf, type Lineage } from '../governance/lineage';
import type { LoadRow } from './schema';
import { loads } from './schema';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { and, desc, eq } from 'drizzle-orm';

/** A log's purpose, legal basis, controller and retention, and the lineage of its current version. */
export interface LogGovernance {
  purpose: string | null;
  legalBasis: string | null;
  controller: string | null;
  retentionYears: number | null;
  version: number;
  /** When the current version's load finished (epoch ms), null when unknown. */
  loadedAt: number | null;
  /** Null when the current version has no stored load row. */
  lineage: Lineage | null;
}

/** Reads a log's governance and its current version's lineage; null when there is no such log. */
export function readLogGovernance(sqlite: Database.Database, log: string): LogGovernance | null {
  const head = sqlite
    .prepare(
      'SELECT purpose, legal_basis AS legalBasis, controller, retention_years AS retentionYears, current_version AS version FROM logs WHERE name = ?',
    )
    .get(log) as Omit<LogGovernance, 'lineage' | 'loadedAt'> | undefined;
  if (!head) return null;
  const row: LoadRow | undefined = drizzle(sqlite)
    .select()
    .from(loads)
    .where(and(eq(loads.log, log), eq(loads.version, head.version), eq(loads.status, 'stored')))
    .orderBy(desc(loads.id))
    .get();
  return { ...head, loadedAt: row?.finishedAt?.getTime() ?? null, lineage: row ? lineageOf(row) : null };
}
