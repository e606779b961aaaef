import { evaluateRules, parseIsoDate, type EventLog, type RuleCatalogue, type RuleEvaluation } from '@sagsflow/shared';
import { readAttachedCatalogue, type StoredLog } from '../db/stored-log';
import { parseCatalogue } from '../rules/parse-catalogue';
import type Database from 'better-sqlite3';

/** The stored log's attached rule catalogue and the as-of day its compliance was computed for. */
export interface AttachedRules {
  catalogue: RuleCatalogue;
  asOfDay: number | null;
}

/** Reads and parses the catalogue attached to the stored log's version; null when none is attached. */
export function attachedRules(sqlite: Database.Database, stored: StoredLog): AttachedRules | null {
  const row = readAttachedCatalogue(sqlite, stored.name, stored.version);
  if (!row) return null;
  return {
    catalogue: parseCatalogue(row.text, `the catalogue attached to log '${stored.name}'`),
    asOfDay: row.asOf ? parseIsoDate(row.asOf) : null,
  };
}

/**
 * Evaluates the attached rules on a log at the catalogue's as-of day, or at `asOfDay` (a changed
 * copy of a log is evaluated at the day its original was, so moved events do not move the as-of).
 */
export function evaluateAttached(log: EventLog, rules: AttachedRules, asOfDay: number | null = rules.asOfDay): RuleEvaluation {
  return evaluateRules(log, rules.catalogue, asOfDay === null ? {} : { asOfDay });
}
