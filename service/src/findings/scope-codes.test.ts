import { describe, expect, it } from 'vitest';
import { caseCodes } from '@sagsflow/shared/findings/case-codes';
import { tinyLog } from '@sagsflow/shared/testing/tiny-log';
import { scopeCodes } from './scope-codes';

describe('scopeCodes', () => {
  it('gives the codes caseCodes gives for the scope, names in the order they first occur', () => {
    // Cells 0..3 of six cases; cells 1 and 3 carry the same name.
    const groupOfCase = Int32Array.of(2, 0, 1, 3, 2, 0);
    const names = ['Nord', 'Syd', 'Øst', 'Syd'];
    const caseIndex = Uint32Array.of(0, 2, 3, 5);
    const got = scopeCodes(caseIndex, groupOfCase, names.length, (g) => names[g]!);
    expect(got).toEqual({ names: ['Øst', 'Syd', 'Nord'], codes: Int32Array.of(0, 1, 1, 2) });
    const scopeLog = tinyLog('a: x@0; b: x@0; c: x@0; d: x@0');
    expect(got).toEqual(caseCodes(scopeLog, (c) => names[groupOfCase[caseIndex[c]!]!]!));
  });
});
