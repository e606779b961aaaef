import { describe, expect, it } from 'vitest';
import { CaseRunDuplicates } from './case-run-duplicates';
import { RecordHashSet } from './record-hash-set';

/** Adds `line` (case field first) through the case-run check and through a plain set; both answers. */
function both(runs: CaseRunDuplicates, plain: RecordHashSet, line: string): [boolean, boolean] {
  runs.seen.textRangeHash(line, 0, line.length);
  return [runs.add(line.split(',')[0]!), plain.addText(line, 0, line.length)];
}

describe('CaseRunDuplicates', () => {
  it('finds a duplicate within its case run and keeps records that differ', () => {
    const runs = new CaseRunDuplicates(new RecordHashSet());
    const plain = new RecordHashSet();
    const answers = ['C1,A,1', 'C1,B,2', 'C1,A,1', 'C2,A,1', 'C2,A,1', 'C3,A,1'].map((l) => both(runs, plain, l));
    expect(answers.map(([r]) => r)).toEqual([true, true, false, true, false, true]);
    expect(answers.map(([r, p]) => r === p)).toEqual(Array(6).fill(true));
  });

  it('finds a duplicate of a case that comes back after another case, and of any case after that', () => {
    const runs = new CaseRunDuplicates(new RecordHashSet());
    const plain = new RecordHashSet();
    const lines = ['C1,A,1', 'C2,A,1', 'C1,B,2', 'C1,A,1', 'C2,A,1', 'C3,X,9', 'C3,X,9'];
    const answers = lines.map((l) => both(runs, plain, l));
    expect(answers.map(([r]) => r)).toEqual([true, true, true, false, false, true, false]);
    expect(answers.every(([r, p]) => r === p)).toBe(true);
  });

  it('checks a run longer than 256 records through the table, duplicates before and after that included', () => {
    const runs = new CaseRunDuplicates(new RecordHashSet());
    const plain = new RecordHashSet();
    const lines = Array.from({ length: 600 }, (_, i) => `C1,A,${i % 400}`);
    const answers = lines.map((l) => both(runs, plain, l));
    expect(answers.filter(([r]) => !r)).toHaveLength(200);
    expect(answers.every(([r, p]) => r === p)).toBe(true);
  });

  it('table() holds every hash added so far, once, and takes over the check', () => {
    const runs = new CaseRunDuplicates(new RecordHashSet(), 1000);
    const plain = new RecordHashSet();
    for (const l of ['C1,A,1', 'C1,A,1', 'C2,A,1']) both(runs, plain, l);
    const table = runs.table();
    expect(table.size).toBe(2);
    expect(table.addText('C1,A,1', 0, 6)).toBe(false);
    expect(both(runs, plain, 'C2,A,1')).toEqual([false, false]);
    expect(both(runs, plain, 'C2,B,1')).toEqual([true, true]);
  });

  it('answers like one set for every record of a shuffled extract with duplicates', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const lines: string[] = [];
    for (let c = 0; c < 2000; c++) for (let e = 0; e < 6; e++) lines.push(`S${c},act${e % 4},2024-01-0${1 + (e % 3)}`);
    for (let i = 0; i < 3000; i++) {
      const at = Math.floor(random() * lines.length);
      lines.splice(i % 2 === 0 ? at + 1 : Math.floor(random() * lines.length), 0, lines[at]!);
    }
    const runs = new CaseRunDuplicates(new RecordHashSet());
    const plain = new RecordHashSet();
    const answers = lines.map((l) => both(runs, plain, l));
    expect(answers.every(([r, p]) => r === p)).toBe(true);
    expect(answers.filter(([r]) => !r)).toHaveLength(3000);
  });
});
