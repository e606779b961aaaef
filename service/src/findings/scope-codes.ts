import type { CaseCodes } from '@sagsflow/shared/findings/case-codes';

/**
 * Interns a name per case of a scope from the case's grain cell: the same codes as
 * `caseCodes(scope log, (c) => nameOfGroup(groupOfCase[caseIndex[c]]))` (names numbered in the
 * order they first occur), with one lookup per cell instead of one per case.
 */
export function scopeCodes(
  caseIndex: Uint32Array,
  groupOfCase: Int32Array,
  groupCount: number,
  nameOfGroup: (g: number) => string,
): CaseCodes {
  const codeOfGroup = new Int32Array(groupCount).fill(-1);
  const index = new Map<string, number>();
  const names: string[] = [];
  const codes = new Int32Array(caseIndex.length);
  for (let c = 0; c < caseIndex.length; c++) {
    const g = groupOfCase[caseIndex[c]!]!;
    let code = codeOfGroup[g]!;
    if (code < 0) {
      const name = nameOfGroup(g);
      code = index.get(name) ?? names.length;
      if (code === names.length) {
        index.set(name, code);
        names.push(name);
      }
      codeOfGroup[g] = code;
    }
    codes[c] = code;
  }
  return { names, codes };
}
