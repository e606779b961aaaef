import { describe, expect, it } from 'vitest';
import { PROCESS_CATALOGUE } from '../processes/index';
import { daysFromCivil } from './calendar';
import { PROCESSES } from './processes/index';
import { generateToMemory, parseCsvRecords } from '../testing/generate-to-memory';

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
  it('dagpenge: Syd is slower from the placement need to the approval than Vest', async () => {
    const cases = await casesOf('dagpenge', 3000);
    const wait = (jc: string): number =>
      median(
        cases
          .filter((c) => c.jobcenter === jc && c.activities.includes('Tilbud bevilget'))
          .map((c) => c.days[c.activities.indexOf('Tilbud bevilget')]! - c.days[0]!),
      );
    expect(wait('Jobcenter København Syd')).toBeGreaterThan(wait('Jobcenter København Vest') * 1.2);
  });

  it('dagpenge: Amager approves without the employee statement more than twice as often as Nord', async () => {
    const cases = await casesOf('dagpenge', 3000);
    const skipShare = (jc: string): number => {
      const mine = cases.filter((c) => c.jobcenter === jc && c.activities.includes('Tilbud bevilget'));
      return mine.filter((c) => !c.activities.includes('Udtalelse fra medarbejderrepræsentant modtaget')).length / mine.length;
    };
    expect(skipShare('Jobcenter København Amager')).toBeGreaterThan(2 * skipShare('Jobcenter København Nord'));
  });

  it('dagpenge: has rework loops (repeated Opfølgningssamtale) and open cases mostly among recent starts', async () => {
    const cases = await casesOf('dagpenge', 3000);
    expect(cases.some((c) => c.activities.filter((a) => a === 'Opfølgningssamtale').length >= 3)).toBe(true);
    const ends = ['Ansættelse registreret', 'Fortsat ledig'];
    const open = cases.filter((c) => !ends.includes(c.activities[c.activities.length - 1]!));
    const recent = open.filter((c) => c.days[0]! >= daysFromCivil(2026, 1, 1));
    expect(recent.length / open.length).toBeGreaterThan(0.6);
  });

  it('rekruttering: loops back from Jobsamtale hos virksomhed to Kandidatsøgning, and ends with a closed job order', async () => {
    const cases = await casesOf('rekruttering', 2000);
    const loops = cases.filter((c) =>
      c.activities.some((a, i) => a === 'Jobsamtale hos virksomhed' && c.activities[i + 1] === 'Kandidatsøgning'),
    );
    expect(loops.length).toBeGreaterThan(50);
    const ends = new Set(cases.map((c) => c.activities[c.activities.length - 1]));
    expect(ends.has('Jobordre lukket – besat med formidlet kandidat') && ends.has('Jobordre lukket – besat af anden kandidat')).toBe(true);
  });

  it('akademiker: starts with Tilmeldt som jobsøgende and mostly closes with Afmeldt som jobsøgende', async () => {
    const cases = await casesOf('akademiker', 2000);
    expect(cases.every((c) => c.activities[0] === 'Tilmeldt som jobsøgende')).toBe(true);
    const closed = cases.filter((c) => c.activities[c.activities.length - 1] === 'Afmeldt som jobsøgende').length;
    expect(closed / cases.length).toBeGreaterThan(0.6);
  });

  it('uses only the activity names of the process catalogue', async () => {
    for (const process of ['akademiker', 'dagpenge', 'rekruttering'] as const) {
      const known = new Set(PROCESS_CATALOGUE[process].activities);
      const used = new Set((await casesOf(process, process === 'dagpenge' ? 3000 : 2000)).flatMap((c) => c.activities));
      expect([...used].filter((a) => !known.has(a))).toEqual([]);
      expect(used.size).toBeGreaterThan(Object.keys(PROCESSES[process].activities).length - 2);
    }
  });
});
