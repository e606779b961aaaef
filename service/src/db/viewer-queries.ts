import type Database from 'better-sqlite3';
import type { CaseDbRow, VariantDbRow } from './schema';
import type { VersionTarget } from './table-inserter';

/** A variant of one cell (process, jobcenter, period) with its cases: what the viewer cells are decided on. */
export type CellVariant = Pick<VariantDbRow, 'process' | 'jobcenter' | 'period' | 'variantKey' | 'cases'>;

/** A version's exact `variants` rows as cell variants, in the order they were written. */
export function cellVariants(sqlite: Database.Database, target: VersionTarget): Iterable<CellVariant> {
  return sqlite
    .prepare('SELECT process, jobcenter, period, variant_key AS variantKey, cases FROM variants WHERE log = ? AND version = ? ORDER BY id')
    .iterate(target.log, target.version) as Iterable<CellVariant>;
}

/** A case with its cell and variant. */
export type CaseCellVariant = Pick<CaseDbRow, 'caseId' | 'process' | 'jobcenter' | 'period' | 'variantKey'>;

/** A version's cases with their cell and variant, streamed (raw SQL: a row per case). */
export function caseCellVariants(sqlite: Database.Database, target: VersionTarget): Iterable<CaseCellVariant> {
  return sqlite
    .prepare('SELECT case_id AS caseId, process, jobcenter, period, variant_key AS variantKey FROM cases WHERE log = ? AND version = ?')
    .iterate(target.log, target.version) as Iterable<CaseCellVariant>;
}
