import { looksPersonal } from '../readers/guess-mapping';

/**
 * Attribute names that hold a case id or a person (caseworker, responsible) besides the mapped
 * case and resource: always pseudonymised, like the mapping's `pseudonymize` columns and the
 * names `looksPersonal` recognises. Attribute values equal to the case id or the resource of
 * their event are pseudonymised too (see `createLoadTransform`).
 */
const PERSON_OR_CASE_KEY =
  /resource|ressource|responsible|ansvarlig|sagsbehandler|medarbejder|caseworker|employee|user|bruger|^case$|case[ _:-]?(id|no|nr|number)|sags[ _-]?(id|nr|nummer)|sagsnummer/i;

/** The mapping's `pseudonymize` columns as attribute keys (with and without `case:`). */
export function personalColumnKeys(pseudonymize: readonly string[] | undefined): string[] {
  return (pseudonymize ?? []).flatMap((c) => [c, c.replace(/^case:/, '')]);
}

/** Whether an attribute key must be pseudonymised (others are CPR-masked). */
export function isPersonalKey(key: string, personalColumns: ReadonlySet<string>): boolean {
  return personalColumns.has(key) || looksPersonal(key) || PERSON_OR_CASE_KEY.test(key);
}
