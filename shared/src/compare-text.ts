/**
 * Orders two strings by UTF-16 code units, as `<` does: the one tie-break every sorted
 * output of the core uses, so results do not depend on the runtime's locale.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
