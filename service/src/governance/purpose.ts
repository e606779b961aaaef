import type { LogPurpose, StoredPurpose } from '../db/governance-queries';
import type { ColumnRoles } from '../ingest/column-roles';

export type { LogPurpose } from '../db/governance-queries';

/** The purpose settings in the order they are named, with their command-line option and upload field. */
export const PURPOSE_SETTINGS = [
  { key: 'purpose', option: '--purpose', field: 'purpose' },
  { key: 'legalBasis', option: '--legal-basis', field: 'legalBasis' },
  { key: 'controller', option: '--controller', field: 'controller' },
] as const;

/** Longest accepted purpose, legal basis or controller text. */
export const PURPOSE_MAX_LENGTH = 1000;

/** A given purpose with blank parts dropped; throws naming the setting when a part is too long. */
export function cleanPurpose(
  given: Partial<Record<keyof LogPurpose, string | undefined>> | undefined,
  via: 'cli' | 'upload',
): Partial<LogPurpose> {
  const out: Partial<LogPurpose> = {};
  for (const s of PURPOSE_SETTINGS) {
    const value = given?.[s.key]?.trim();
    if (!value) continue;
    if (value.length > PURPOSE_MAX_LENGTH)
      throw new Error(
        `${via === 'cli' ? s.option : `upload field ${s.field}`}: at most ${PURPOSE_MAX_LENGTH} characters, got ${value.length}`,
      );
    out[s.key] = value;
  }
  return out;
}

/** The columns of a load stored as pseudonyms besides the case id (the resource, names, CPR and person columns). */
export function pseudonymisedBesidesCase(columns: ColumnRoles | null): string[] {
  if (columns === null) return [];
  const caseColumn = columns.roles['case'];
  return columns.pseudonymised.filter((c) => c !== caseColumn);
}

/**
 * Why a load must be refused for want of a purpose, or null: a log that holds pseudonymised
 * columns besides the case id needs a purpose, a legal basis and a data controller, each given
 * with the load or stored with the log by an earlier one. The reason is one line naming the
 * missing settings as the caller gives them (`--legal-basis` or upload field `legalBasis`).
 */
export function purposeRefusal(
  stored: StoredPurpose,
  given: Partial<LogPurpose>,
  columns: ColumnRoles | null,
  via: 'cli' | 'upload',
): string | null {
  const personal = pseudonymisedBesidesCase(columns);
  if (personal.length === 0) return null;
  const missing = PURPOSE_SETTINGS.filter((s) => !given[s.key] && !stored[s.key]).map((s) => (via === 'cli' ? s.option : s.field));
  if (missing.length === 0) return null;
  const what = via === 'cli' ? 'set' : missing.length > 1 ? 'send the upload fields' : 'send the upload field';
  return (
    `the log holds pseudonymised columns (${personal.map((c) => `"${c}"`).join(', ')}), so it needs a purpose, legal basis and data controller: ` +
    `${what} ${missing.join(', ')}`
  );
}
