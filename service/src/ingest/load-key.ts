import type { SagsflowDatabase } from '../db/client';
import { createPseudonymizer, keyFilePath, resolveSecret, SECRET_ENV, type Pseudonymizer } from '../privacy/index';
import { IngestError } from './errors';
import { KEY_CHECK_TEXT, storedKeyCheck } from './load-rows';

/** The pseudonymisation key of a load, with the key check the load records. */
export interface LoadKey {
  secret: Buffer;
  pseudonymizer: Pseudonymizer;
  keyCheck: string;
}

/**
 * The key the load pseudonymises with (SAGSFLOW_SECRET, else the key file beside the database,
 * created on first use). Refuses a key that differs from the one earlier loads used: their
 * pseudonyms would not match.
 */
export function loadKey(store: SagsflowDatabase, what: string): LoadKey {
  let secret: Buffer;
  try {
    secret = resolveSecret(store.path);
  } catch (err) {
    throw new IngestError(
      'store-failed',
      `${what}: cannot read or create the key file ${keyFilePath(store.path)} (${(err as Error).message})`,
      { cause: err },
    );
  }
  const pseudonymizer = createPseudonymizer(secret);
  const keyCheck = pseudonymizer.pseudonym(KEY_CHECK_TEXT);
  const stored = storedKeyCheck(store.sqlite);
  if (stored !== null && stored !== keyCheck) {
    throw new IngestError(
      'key-mismatch',
      `${what}: the pseudonymisation key differs from the one earlier loads of this database used, so pseudonyms would not match; set the same ${SECRET_ENV} or keep the key file ${keyFilePath(store.path)}`,
    );
  }
  return { secret, pseudonymizer, keyCheck };
}
