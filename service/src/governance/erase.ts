import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { markCasesHolding } from '../db/case-removal-queries';
import type { SagsflowDatabase } from '../db/client';
import { compact, enableSecureDelete } from '../db/compact';
import { storedKeyCheck } from '../ingest/load-rows';
import { createPseudonymizer, currentKey, keyCheckOf, keyFilePath, SECRET_ENV } from '../privacy/index';
import { recordAudit } from '../tokens/index';
import { removeCases, type RemovedCases } from './remove-cases';

/** What to erase: a citizen's CPR number, a case id, or any other pseudonymised value. */
export interface ErasureTarget {
  kind: 'cpr' | 'case' | 'value';
  value: string;
}

/** What an erasure removed: counts only, never values. */
export interface ErasureResult extends RemovedCases {
  /** Files in the upload area that held the value or its pseudonym and were deleted. */
  uploadFiles: number;
}

const CPR = /^(\d{6})-?(\d{4})$/;

/** The clear forms of a target that may have been pseudonymised: a CPR with and without its hyphen. */
export function clearForms(target: ErasureTarget): string[] {
  const value = target.value.trim();
  if (value === '') throw new Error(`erase: the ${target.kind} to erase is empty`);
  if (target.kind !== 'cpr') return [value];
  const m = CPR.exec(value);
  if (!m) throw new Error(`erase: --cpr expects NNNNNN-NNNN, got a value of ${value.length} characters`);
  return [`${m[1]}-${m[2]}`, `${m[1]}${m[2]}`];
}

/**
 * Erases a person or case from the store: computes the pseudonyms of the value with the
 * database's key (which must match the loads' key check), removes every case whose case id,
 * resource or attributes hold one of them from the case-level tables of every version, the
 * quarantine rows that mention them, and the upload-area files that hold the value; rebuilds
 * the model tables of the affected logs from the remaining events; records the erasure in the
 * audit (kind and counts, never the value); then checkpoints the WAL, vacuums and truncates
 * the WAL so that no byte of the pseudonyms is left in the database file or its WAL.
 */
export function eraseSubject(
  store: SagsflowDatabase,
  target: ErasureTarget,
  options: { uploadDir?: string; tokenId?: string | null; env?: NodeJS.ProcessEnv } = {},
): ErasureResult {
  const clear = clearForms(target);
  const key = currentKey(store.path, options.env);
  if (key === null)
    throw new Error(
      `erase: no pseudonymisation key for ${store.path} (set ${SECRET_ENV} or restore ${keyFilePath(store.path)} with sagsflow key restore)`,
    );
  const check = storedKeyCheck(store.sqlite);
  if (check !== null && keyCheckOf(key.key) !== check) {
    throw new Error(
      `erase: the key in use does not match the key check of the loads, so the pseudonym cannot be found; restore the database's key (sagsflow key status)`,
    );
  }
  const pseudonymizer = createPseudonymizer(key.key);
  const pseudonyms = clear.map((v) => pseudonymizer.pseudonym(v));
  const { sqlite } = store;
  enableSecureDelete(sqlite);
  const { cases, rows, logs } = removeCases(
    sqlite,
    () => {
      for (const p of pseudonyms) markCasesHolding(sqlite, p, target.kind === 'case');
    },
    { mentions: pseudonyms },
  );
  const uploadFiles = options.uploadDir ? purgeUploads(options.uploadDir, [...clear, ...pseudonyms]) : 0;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  recordAudit(store.db, {
    tokenId: options.tokenId ?? null,
    action: 'erase',
    target: target.kind,
    detail: JSON.stringify({ cases, rows: total, byTable: rows, logs, uploadFiles }),
  });
  compact(sqlite, store.path);
  return { cases, rows, logs, uploadFiles };
}

/** Deletes every file under `dir` whose bytes contain one of `needles`; returns how many. */
function purgeUploads(dir: string, needles: readonly string[]): number {
  if (!existsSync(dir)) return 0;
  let removed = 0;
  const walk = (path: string): void => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const bytes = readFileSync(full);
      if (needles.some((n) => bytes.includes(Buffer.from(n, 'utf8')))) {
        rmSync(full, { force: true });
        removed += 1;
      }
    }
  };
  walk(dir);
  return removed;
}
