import type Database from 'better-sqlite3';
import { HTTPException } from 'hono/http-exception';
import type { LoadGovernance } from '../../governance/load-governance';
import { cleanPurpose } from '../../governance/purpose';
import { tokenName } from '../../db/token-queries';

/**
 * The governance of an upload: its `purpose`, `legalBasis` and `controller` fields (required,
 * once per log, for a log with pseudonymised columns besides the case id), `retentionYears`,
 * and the uploading token's name as who loaded it. A bad field is a 400 naming it.
 *
 * @param field reads a field by name (query parameter or multipart form field)
 */
export function uploadGovernance(sqlite: Database.Database, tokenId: string, field: (name: string) => string | undefined): LoadGovernance {
  let purpose;
  try {
    purpose = cleanPurpose({ purpose: field('purpose'), legalBasis: field('legalBasis'), controller: field('controller') }, 'upload');
  } catch (err) {
    throw new HTTPException(400, { message: `upload: ${(err as Error).message}` });
  }
  const years = field('retentionYears');
  let retentionYears: number | undefined;
  if (years !== undefined && years.trim() !== '') {
    retentionYears = Number(years);
    if (!(Number.isInteger(retentionYears) && retentionYears > 0))
      throw new HTTPException(400, { message: `upload field retentionYears: expected a whole number of years above 0, got '${years}'` });
  }
  const name = tokenName(sqlite, tokenId);
  return {
    purpose,
    requirePurpose: true,
    via: 'upload',
    loadedBy: `token:${name ?? tokenId}`,
    tokenId,
    ...(retentionYears !== undefined ? { retentionYears } : {}),
  };
}
