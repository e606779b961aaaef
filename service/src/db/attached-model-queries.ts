import type Database from 'better-sqlite3';
import { and, desc, eq } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { attachedModels, type AttachedModelRow } from './schema';

/** Stores the BPMN model a log version was checked against (parsed graph and net as JSON, digest). */
export function insertAttachedModel(sqlite: Database.Database, model: Omit<typeof attachedModels.$inferInsert, 'id'>): void {
  drizzleOf(sqlite).insert(attachedModels).values(model).run();
}

/** The model attached last to a log version, or undefined when none is stored. */
export function latestAttachedModel(sqlite: Database.Database, log: string, version: number): AttachedModelRow | undefined {
  return drizzleOf(sqlite)
    .select()
    .from(attachedModels)
    .where(and(eq(attachedModels.log, log), eq(attachedModels.version, version)))
    .orderBy(desc(attachedModels.id))
    .get();
}
