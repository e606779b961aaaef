import type Database from 'better-sqlite3';
import { and, desc, eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { loads, type LoadRow } from './schema';

/** One source file of a load: its name (masked as the load's `files`), size and SHA-256. */
export interface SourceFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** Where a version came from: its files, mapping, rule catalogue and model, and who loaded it. */
export interface Lineage {
  sourceFiles: SourceFile[];
  /** The column mapping used, as stored (null when unknown). */
  mapping: unknown;
  rules: { name: string; sha256: string } | null;
  model: { name: string; sha256: string } | null;
  /** `token:<name>` or `cli:<user>`. */
  loadedBy: string | null;
}

/** Writes a load's lineage onto its `loads` row (inside the load's transaction). */
export function recordLineage(sqlite: Database.Database, loadId: number, lineage: Lineage): void {
  const columns: Partial<typeof loads.$inferInsert> = {
    sourceFiles: JSON.stringify(lineage.sourceFiles),
    mapping: lineage.mapping === null || lineage.mapping === undefined ? null : JSON.stringify(lineage.mapping),
    rulesName: lineage.rules?.name ?? null,
    rulesSha256: lineage.rules?.sha256 ?? null,
    modelName: lineage.model?.name ?? null,
    modelSha256: lineage.model?.sha256 ?? null,
    loadedBy: lineage.loadedBy,
  };
  drizzleOf(sqlite).update(loads).set(columns).where(eq(loads.id, loadId)).run();
}

/** The lineage of a stored load row, parsed (loads made before migration 0014 give empty parts). */
export function lineageOf(row: LoadRow): Lineage {
  return {
    sourceFiles: row.sourceFiles === null ? [] : (JSON.parse(row.sourceFiles) as SourceFile[]),
    mapping: row.mapping === null ? null : (JSON.parse(row.mapping) as unknown),
    rules: row.rulesName === null ? null : { name: row.rulesName, sha256: row.rulesSha256 ?? '' },
    model: row.modelName === null ? null : { name: row.modelName, sha256: row.modelSha256 ?? '' },
    loadedBy: row.loadedBy,
  };
}

/** The last load that stored a log version (its lineage and the recipe it was built with), or undefined. */
export function latestStoredLoad(sqlite: Database.Database, log: string, version: number): LoadRow | undefined {
  return drizzleOf(sqlite)
    .select()
    .from(loads)
    .where(and(eq(loads.log, log), eq(loads.version, version), eq(loads.status, 'stored')))
    .orderBy(desc(loads.id))
    .get();
}

/** The end activities a stored load was given in its mapping file (the first process's), undefined when none were. */
export function mappingEndActivities(load: LoadRow | undefined): string[] | undefined {
  if (load?.endActivitiesSource !== 'mapping' || !load.endActivities) return undefined;
  return (JSON.parse(load.endActivities) as { activities: string[] }[])[0]?.activities;
}
