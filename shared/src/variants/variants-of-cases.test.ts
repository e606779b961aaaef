import { describe, expect, it } from 'vitest';
import { selectCases } from '../event-log/select';
import { seededRandom } from '../statistics/seeded-random';
import { MINUTE, tinyLog } from '../testing/tiny-log';
import { discoverVariants } from './discover-variants';
import { variantsOfCases } from './variants-of-cases';

/** `discoverVariants` of the selected cases, the answer `variantsOfCases` must give. */
function discoveredOf(log: ReturnType<typeof tinyLog>, cases: number[]) {
  const keep = new Uint8Array(log.caseIds.length);
  for (const c of cases) keep[c] = 1;
  return discoverVariants(selectCases(log, keep));
}

describe('variantsOfCases', () => {
  // 'zb' sorts after 'ab' by name; in the part {c2, c3, c5} both have one case, so the names decide.
  const log = tinyLog('c1: a@0 b@10; c2: z@0 b@5; c3: a@0 b@20; c4: a@0 b@30 c@40; c5: a@0 b@1 c@2 d@3; c6: z@0 b@7');

  it('narrows to a part: counts, order (ties by sequence), figures and case indices of the part', () => {
    const part = variantsOfCases(log, discoverVariants(log))!(Uint32Array.of(1, 2, 4));
    expect(part.variants.map((v) => [v.activities.join(''), v.cases, v.share])).toEqual([
      ['ab', 1, 1 / 3],
      ['abcd', 1, 1 / 3],
      ['zb', 1, 1 / 3],
    ]);
    expect(part.variants[0]!.meanDurationMs).toBe(20 * MINUTE);
    expect(Array.from(part.variants[2]!.caseIndices)).toEqual([0]);
    expect(Array.from(part.variantOfCase)).toEqual([2, 0, 1]);
    expect(part).toEqual(discoveredOf(log, [1, 2, 4]));
  });

  it('equals discoverVariants of the selected cases on random logs and parts', () => {
    const random = seededRandom(7);
    const names = ['Tilmelding', 'Samtale', 'Aktivering', 'Afmeldt', 'Sanktion'];
    for (let round = 0; round < 20; round++) {
      const text = Array.from({ length: 40 }, (_, c) => {
        const length = 1 + Math.floor(random() * 4);
        const events = Array.from(
          { length },
          (_, i) => `${names[Math.floor(random() * names.length)]}@${i * 10 + Math.floor(random() * 9)}`,
        );
        return `c${c}: ${events.join(' ')}`;
      }).join('; ');
      const l = tinyLog(text);
      const ofCases = variantsOfCases(l, discoverVariants(l))!;
      const cases = [...l.caseIds.keys()].filter(() => random() < 0.4);
      expect(ofCases(Uint32Array.from(cases))).toEqual(discoveredOf(l, cases));
    }
  });
});
