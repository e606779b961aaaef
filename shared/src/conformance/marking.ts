import type { NetTransition } from './workflow-net';

/**
 * Markings as sorted arrays of place indices, one entry per token: most markings of a
 * workflow net hold one or two tokens, so this is smaller and faster than a count per place.
 */
export type Marking = readonly number[];

/** True when every input place of `t` (with its multiplicity) holds a token in `m`. */
export function isEnabled(m: Marking, t: NetTransition): boolean {
  const inputs = t.inputs;
  let i = 0;
  for (let k = 0; k < m.length && i < inputs.length; k++) {
    if (m[k] === inputs[i]) i++;
    else if (m[k]! > inputs[i]!) return false;
  }
  return i === inputs.length;
}

/** The marking after firing `t` (which must be enabled): inputs removed, outputs added, sorted. */
export function fire(m: Marking, t: NetTransition): number[] {
  const out: number[] = [];
  const inputs = t.inputs;
  let i = 0;
  for (const p of m) {
    if (i < inputs.length && p === inputs[i]) i++;
    else out.push(p);
  }
  for (const p of t.outputs) out.push(p);
  return out.sort((a, b) => a - b);
}

/** A string key for a marking, for hashing. */
export function markingKey(m: Marking): string {
  return String.fromCharCode(...m);
}

/** True when the two markings hold the same tokens. */
export function sameMarking(a: Marking, b: Marking): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
