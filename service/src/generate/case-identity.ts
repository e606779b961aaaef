import type { CompiledProcess } from './compile-process';
import { generateCitizen, generateCompany, type Subject } from './people';
import type { Rng } from './prng';

/**
 * Case numbers like `DAG-2025-004711`: the year the case started and a running number
 * per year. The numbers have small gaps, as cases of other processes share the series.
 */
export class CaseNumbering {
  private year = -1;
  private serial = 0;

  constructor(
    private readonly prefix: string,
    private readonly rng: Rng,
  ) {}

  next(year: number): string {
    if (year !== this.year) {
      this.year = year;
      this.serial = 100 + this.rng.int(400);
    }
    this.serial += this.rng.chance(0.25) ? 2 : 1;
    return `${this.prefix}-${year}-${String(this.serial).padStart(6, '0')}`;
  }
}

/** The citizen (or company) of a new case starting on `startDay`. */
export function subjectFor(p: CompiledProcess, startDay: number, rng: Rng): Subject {
  const def = p.definition;
  return def.subject === 'company' ? generateCompany(rng) : generateCitizen(rng, startDay, def.ages[0], def.ages[1]);
}

/** The Borger value of an odd case in dirty extracts: one with the delimiter or a line break. */
export function oddBorger(name: string, kind: 'delimiter' | 'line-break'): string {
  const note = name.endsWith('ApS') || name.endsWith('A/S') || name.endsWith('I/S') ? 'afd. Valby' : 'c/o Hansen';
  return kind === 'delimiter' ? `${name}; ${note}` : `${name}\n${note}`;
}
