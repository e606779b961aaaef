export { keyFilePath, resolveSecret, SECRET_ENV } from './key';
export { createPseudonymizer, PSEUDONYM_HEX_LENGTH, PSEUDONYM_PREFIX } from './pseudonymize';
export type { Pseudonymizer } from './pseudonymize';
export { backupKey, currentKey, keyCheckOf, keyStatus, restoreKey } from './key-care';
export type { KeyStatus, RestoreOutcome } from './key-care';
export { containsCpr, CPR_MASK, CPR_PATTERN, maskCpr } from './mask';
