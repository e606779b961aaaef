import type { FindingsSettings } from '@sagsflow/shared';
import type { SagsflowDatabase } from './client';
import { recordAudit } from '../tokens/audit';
import { DEFAULT_KEEP_VERSIONS, pruneVersions, recordVersion, type VersionRecipe } from './log-versions/index';

/** The load options a version's recipe and pruning are taken from (a subset of the ingest options). */
export interface KeepVersionOptions {
  log: string;
  process?: string | undefined;
  /** k of the log; the stored one (or 5) when not given. */
  minGroupSize?: number | undefined;
  mapping?:
    { endActivities?: readonly string[] | undefined; outcome?: { column: string; success: readonly string[] } | undefined } | undefined;
  rules?: VersionRecipe['rules'];
  model?: VersionRecipe['model'];
  /** Versions whose events are kept (the current one included); `DEFAULT_KEEP_VERSIONS` when not given. */
  keepVersions?: number | undefined;
  /** Who loaded it (`token:<name>`, `cli:<user>`). */
  loadedBy?: string | undefined;
  dryRun?: boolean | undefined;
}

/**
 * Records the version a load stores with what its tables were built from (so that it can be
 * made current again later), then prunes the events of the versions beyond
 * `options.keepVersions`, with an audit entry naming them. Runs in the load's transaction;
 * returns the pruned version numbers.
 */
export function keepVersion(
  store: SagsflowDatabase,
  options: KeepVersionOptions,
  version: number,
  findings: Partial<FindingsSettings> | undefined,
  appendedTo?: number,
): number[] {
  const { sqlite } = store;
  const k =
    options.minGroupSize ??
    (sqlite.prepare('SELECT min_group_size AS k FROM logs WHERE name = ?').get(options.log) as { k: number } | undefined)?.k ??
    5;
  const mapping = options.mapping;
  const recipe: VersionRecipe = {
    process: options.process ?? null,
    minGroupSize: k,
    ...(mapping?.endActivities ? { endActivities: mapping.endActivities } : {}),
    ...(mapping?.outcome ? { outcome: { attribute: mapping.outcome.column.replace(/^case:/, ''), success: mapping.outcome.success } } : {}),
    ...(findings ? { findings } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.model ? { model: options.model } : {}),
    ...(appendedTo !== undefined ? { appendedTo } : {}),
  };
  recordVersion(sqlite, options.log, version, recipe, options.loadedBy ?? null);
  const keep = options.keepVersions ?? DEFAULT_KEEP_VERSIONS;
  const pruned = pruneVersions(sqlite, options.log, version, keep);
  if (pruned.length > 0 && !options.dryRun)
    recordAudit(store.db, {
      tokenId: options.loadedBy ?? null,
      action: 'version-prune',
      target: options.log,
      detail: JSON.stringify({ pruned, keep, version }),
    });
  return pruned;
}
