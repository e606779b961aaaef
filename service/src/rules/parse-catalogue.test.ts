import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '@sagsflow/shared';
import { PROCESS_CATALOGUE, PROCESS_NAMES } from '../processes/index';
import { CatalogueError, loadCatalogue, parseCatalogue } from './parse-catalogue';

const GOOD = `
catalogue: dagpenge-2024
process: dagpenge
rules:
  - id: DP-CV-14
    title: {da: "CV på Jobnet senest 2 uger efter tilmelding", en: "CV on Jobnet within 2 weeks"}
    source: "LAB §§ 22-23"
    basis: law
    kind: within
    a: "Tilmeldt som jobsøgende"
    b: "CV registreret"
    limit: {days: 14}
    endedBy: ["Afmeldt"]
    moveToWorkingDay: false
    calendar: dk-administration
    validFrom: 2024-01-01
    validTo: 2026-06-30
    where: {attribute: Maalgruppe, in: [dagpenge, 6]}
    share: 0.75
  - id: N
    title: {da: n, en: n}
    source: s
    basis: illustrative
    kind: atLeast
    a: [X, Y]
    b: Z
    count: 3
    limit: {workingDays: 2}
`;

/** The error message of parsing `text`, or null. */
function errorOf(text: string): string | null {
  try {
    parseCatalogue(text, 'r.yaml');
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogueError);
    return (e as Error).message;
  }
}

const rule = (extra: string, kind = 'within') =>
  `catalogue: c\nrules:\n  - id: R1\n    title: {da: a, en: b}\n    source: s\n    basis: law\n    kind: ${kind}\n    a: A\n${extra}`;

describe('parseCatalogue', () => {
  it('reads every field and fills the defaults', () => {
    const c = parseCatalogue(GOOD, 'good.yaml');
    expect([c.catalogue, c.process, c.timezone, c.calendar]).toEqual(['dagpenge-2024', 'dagpenge', 'Europe/Copenhagen', 'dk-statutory']);
    expect(c.rules[0]).toEqual({
      id: 'DP-CV-14',
      title: { da: 'CV på Jobnet senest 2 uger efter tilmelding', en: 'CV on Jobnet within 2 weeks' },
      source: 'LAB §§ 22-23',
      basis: 'law',
      kind: 'within',
      a: ['Tilmeldt som jobsøgende'],
      b: ['CV registreret'],
      limit: { days: 14 },
      endedBy: ['Afmeldt'],
      moveToWorkingDay: false,
      calendar: 'dk-administration',
      validFrom: parseIsoDate('2024-01-01'),
      validTo: parseIsoDate('2026-06-30'),
      where: { attribute: 'Maalgruppe', in: ['dagpenge', '6'] },
      count: 1,
      share: 0.75,
    });
    expect(c.rules[1]).toMatchObject({
      a: ['X', 'Y'],
      b: ['Z'],
      count: 3,
      limit: { workingDays: 2 },
      calendar: 'dk-statutory',
      endedBy: [],
      where: null,
      share: null,
      validFrom: null,
    });
  });

  it('names the file, the rule and the field of a bad catalogue, in one line', () => {
    const cases: [string, RegExp][] = [
      [
        rule('    b: B\n    limit: {days: 1, weeks: 2}\n'),
        /^r\.yaml: rule R1: field limit: exactly one of days, weeks, months, workingDays/,
      ],
      [rule('    b: B\n'), /^r\.yaml: rule R1: field limit: kind within needs a limit$/],
      [rule('    limit: {days: 3}\n'), /^r\.yaml: rule R1: field b: kind within needs b$/],
      [rule('    b: B\n', 'mustOccur'), /^r\.yaml: rule R1: field b: kind mustOccur has no b$/],
      [rule('    b: B\n    limit: {months: 1}\n', 'atLeast'), /^r\.yaml: rule R1: field count: kind atLeast needs a count$/],
      [
        rule('    b: B\n    limit: {days: 3}\n    validFrom: 2023-02-29\n'),
        /^r\.yaml: rule R1: field validFrom: not a date, got 2023-02-29$/,
      ],
      [
        rule('    b: B\n    limit: {days: 3}\n    validFrom: 2024-02-01\n    validTo: 2024-01-01\n'),
        /field validTo: 2024-01-01 is before validFrom 2024-02-01/,
      ],
      [rule('    b: B\n    limit: {days: 3}\n    shares: 0.5\n'), /^r\.yaml: rule R1: .*shares/],
      [rule('    b: B\n    limit: {days: 3}\n    share: 1.5\n'), /^r\.yaml: rule R1: field share: a share in \(0, 1\]/],
      [rule('    b: B\n    limit: {days: 3}\n    calendar: dk-xmas\n'), /^r\.yaml: rule R1: field calendar: /],
      [rule('', 'sometimes'), /^r\.yaml: rule R1: field kind: /],
      [rule('    b: B\n    limit: {days: 3}\n').replace('basis: law', 'basis: hearsay'), /^r\.yaml: rule R1: field basis: /],
      [
        rule('    b: B\n    limit: {days: 3}\n') + rule('    b: B\n    limit: {days: 3}\n').split('rules:\n')[1],
        /^r\.yaml: rule R1: field id: the id is used twice$/,
      ],
      ['catalogue: c\nrules:\n  - title: {da: a, en: b}\n', /^r\.yaml: rule #1: field id: /],
      ['catalogue: c\ntimezone: Mars/Olympus\nrules: [1]\n', /^r\.yaml: field timezone: an IANA time zone/],
      ['catalogue: c\nrules: []\n', /^r\.yaml: field rules: at least one rule$/],
      ['catalogue: c\nrules:\n  - id: [unclosed\n', /^r\.yaml: line \d+: not valid YAML/],
    ];
    for (const [text, pattern] of cases) {
      const message = errorOf(text);
      expect(message, text).toMatch(pattern);
      expect(message).not.toContain('\n');
    }
  });

  it('refuses a missing file with its path', async () => {
    await expect(loadCatalogue('/nonexistent/rules.yaml')).rejects.toThrow(
      /^\/nonexistent\/rules\.yaml: cannot read the rule catalogue \(ENOENT\)$/,
    );
  });
});

describe('the shipped catalogues processes/<name>/rules.yaml', () => {
  it.each(PROCESS_NAMES)('%s validates and names only activities of its process', async (name) => {
    const { catalogue } = await loadCatalogue(PROCESS_CATALOGUE[name].rulesPath);
    expect(catalogue.process).toBe(name);
    const known = new Set(PROCESS_CATALOGUE[name].activities);
    const named = catalogue.rules.flatMap((r) => [...r.a, ...r.b, ...r.endedBy]);
    expect(named.filter((a) => !known.has(a))).toEqual([]);
    expect(catalogue.rules.length).toBeGreaterThanOrEqual(6);
  });

  it('marks regimes with validity dates and the July 2026 portfolio rules with share 0.75', async () => {
    const { catalogue } = await loadCatalogue(PROCESS_CATALOGUE.akademiker.rulesPath);
    const byId = new Map(catalogue.rules.map((r) => [r.id, r]));
    expect(byId.get('DP-JC-6x6M-2020')).toMatchObject({
      validFrom: parseIsoDate('2020-01-01'),
      validTo: parseIsoDate('2023-12-31'),
      count: 6,
    });
    expect(byId.get('DP-JC-3x6M')).toMatchObject({
      validFrom: parseIsoDate('2024-01-01'),
      validTo: parseIsoDate('2026-06-30'),
      count: 3,
      share: null,
    });
    expect(byId.get('DP-JC-2x6M-2026')).toMatchObject({ validFrom: parseIsoDate('2026-07-01'), validTo: null, count: 2, share: 0.75 });
    expect(byId.get('DP-RP-6M-2026')!.b).toContain('Opkvalificering påbegyndt');
    expect(byId.get('DP-RP-6M')!.b).not.toContain('Opkvalificering påbegyndt');
  });
});
