import { describe, expect, it } from 'vitest';
import { daysFromCivil } from './calendar';
import { generateToMemory, parseCsvRecords } from './test-helpers';

type Case = { jobcenter: string; activities: string[]; days: number[] };

const cache = new Map<string, Promise<Case[]>>();

function casesOf(process: 'dagpenge' | 'rekruttering' | 'akademiker', cases: number): Promise<Case[]> {
  const key = `${process}:${cases}`;
  if (!cache.has(key)) cache.set(key, generateCases(process, cases));
  return cache.get(key)!;
}

async function generateCases(process: 'dagpenge' | 'rekruttering' | 'akademiker', cases: number): Promise<Case[]> {
  const { text } = await generateToMemory({ process, cases, seed: 'shape' });
  const byId = new Map<string, Case>();
  for (const r of parseCsvRecords(text, ',').slice(1)) {
    const c = byId.get(r[0]!) ?? { jobcenter: r[4]!, activities: [], days: [] };
    c.activities.push(r[5]!);
    c.days.push(daysFromCivil(Number(r[6]!.slice(0, 4)), Number(r[6]!.slice(5, 7)), Number(r[6]!.slice(8, 10))));
    byId.set(r[0]!, c);
  }
  return [...byId.values()];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe('generated process shape', () => {
  it('dagpenge: Syd is slower to the first job interview than Vest', async () => {
    const cases = await casesOf('dagpenge', 3000);
    const wait = (jc: string): number =>
      median(cases.filter((c) => c.jobcenter === jc && c.activities.includes('Første jobsamtale'))
        .map((c) => c.days[c.activities.indexOf('Første jobsamtale')]! - c.days[0]!));
    expect(wait('Jobcenter København Syd')).toBeGreaterThan(wait('Jobcenter København Vest') * 1.2);
  });

  it('dagpenge: Amager skips the joint a-kasse meeting more than twice as often as Nord', async () => {
    const cases = await casesOf('dagpenge', 3000);
    const skipShare = (jc: string): number => {
      const mine = cases.filter((c) => c.jobcenter === jc && c.activities.includes('Tilbud bevilget'));
      return mine.filter((c) => !c.activities.includes('Fællessamtale med a-kasse')).length / mine.length;
    };
    expect(skipShare('Jobcenter København Amager')).toBeGreaterThan(2 * skipShare('Jobcenter København Nord'));
  });

  it('dagpenge: has rework loops (repeated Opfølgning) and open cases mostly among recent starts', async () => {
    const cases = await casesOf('dagpenge', 3000);
    expect(cases.some((c) => c.activities.filter((a) => a === 'Opfølgning').length >= 3)).toBe(true);
    const open = cases.filter((c) => c.activities[c.activities.length - 1] !== 'Afmeldt');
    const recent = open.filter((c) => c.days[0]! >= daysFromCivil(2026, 1, 1));
    expect(recent.length / open.length).toBeGreaterThan(0.6);
  });

  it('rekruttering: loops back from Samtale hos virksomhed to Kandidater fundet, and ends in Ansat or Lukket', async () => {
    const cases = await casesOf('rekruttering', 2000);
    const loops = cases.filter((c) =>
      c.activities.some((a, i) => a === 'Samtale hos virksomhed' && c.activities[i + 1] === 'Kandidater fundet'));
    expect(loops.length).toBeGreaterThan(50);
    const ends = new Set(cases.map((c) => c.activities[c.activities.length - 1]));
    expect(ends.has('Ansat') && ends.has('Lukket uden besættelse')).toBe(true);
  });

  it('akademiker: starts with Henvendelse and mostly closes with Sag afsluttet', async () => {
    const cases = await casesOf('akademiker', 2000);
    expect(cases.every((c) => c.activities[0] === 'Henvendelse')).toBe(true);
    const closed = cases.filter((c) => c.activities[c.activities.length - 1] === 'Sag afsluttet').length;
    expect(closed / cases.length).toBeGreaterThan(0.6);
  });
});
