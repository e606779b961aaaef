import { formatIsoDate, type Rule, type RuleCatalogue, type RuleLimit } from '@sagsflow/shared';

/** The language of `sagsflow rules list`. */
export type Language = 'da' | 'en';

const WORDS = {
  da: {
    basis: { law: 'lov', agreement: 'aftale', illustrative: 'illustrativ' },
    days: 'dage',
    weeks: 'uger',
    months: 'måneder',
    workingDays: 'arbejdsdage',
    within: (a: string, b: string, l: string) => `${b} senest ${l} efter ${a}`,
    atLeast: (a: string, b: string, l: string, n: number) => `mindst ${n} × ${a} inden ${l} efter ${b}`,
    order: (a: string, b: string) => `${b} først efter ${a}`,
    mustOccur: (a: string) => `${a} skal forekomme`,
    mustNotOccur: (a: string) => `${a} må ikke forekomme`,
    notRepeated: (a: string) => `${a} højst én gang`,
    differentResources: (a: string, b: string) => `${a} og ${b} af forskellige medarbejdere`,
    endedBy: 'afsluttes af',
    valid: 'gælder',
    from: 'fra',
    to: 'til',
    where: 'kun hvor',
    share: 'mål pr. jobcenter',
    moved: 'frist på fridag flyttes til næste arbejdsdag',
    source: 'kilde',
    catalogue: 'katalog',
    process: 'proces',
  },
  en: {
    basis: { law: 'law', agreement: 'agreement', illustrative: 'illustrative' },
    days: 'days',
    weeks: 'weeks',
    months: 'months',
    workingDays: 'working days',
    within: (a: string, b: string, l: string) => `${b} within ${l} after ${a}`,
    atLeast: (a: string, b: string, l: string, n: number) => `at least ${n} × ${a} within ${l} after ${b}`,
    order: (a: string, b: string) => `${b} only after ${a}`,
    mustOccur: (a: string) => `${a} must occur`,
    mustNotOccur: (a: string) => `${a} must not occur`,
    notRepeated: (a: string) => `${a} at most once`,
    differentResources: (a: string, b: string) => `${a} and ${b} by different caseworkers`,
    endedBy: 'ended by',
    valid: 'valid',
    from: 'from',
    to: 'to',
    where: 'only where',
    share: 'target per jobcenter',
    moved: 'a deadline on a day off moves to the next working day',
    source: 'source',
    catalogue: 'catalogue',
    process: 'process',
  },
} as const;

function limitText(limit: RuleLimit | null, w: (typeof WORDS)[Language]): string {
  if (limit === null) return '';
  const [unit, n] = Object.entries(limit)[0] as [keyof RuleLimit & string, number];
  return `${n} ${w[unit as 'days' | 'weeks' | 'months' | 'workingDays']}`;
}

function names(list: readonly string[]): string {
  return list.map((a) => `"${a}"`).join(' / ');
}

/** The rule in words: what it requires, its validity, conditions and source. */
function ruleText(r: Rule, lang: Language): string[] {
  const w = WORDS[lang];
  const a = names(r.a);
  const b = names(r.b);
  const l = limitText(r.limit, w);
  const what =
    r.kind === 'within'
      ? w.within(a, b, l)
      : r.kind === 'atLeast'
        ? w.atLeast(a, b, l, r.count)
        : r.kind === 'order'
          ? w.order(a, b)
          : r.kind === 'differentResources'
            ? w.differentResources(a, b)
            : w[r.kind](a);
  const lines = [`${r.id}  [${w.basis[r.basis]}]  ${r.title[lang]}`, `    ${what}`];
  if (r.endedBy.length) lines.push(`    ${w.endedBy} ${names(r.endedBy)}`);
  if (r.moveToWorkingDay) lines.push(`    ${w.moved} (${r.calendar})`);
  if (r.validFrom !== null || r.validTo !== null) {
    const from = r.validFrom === null ? '' : `${w.from} ${formatIsoDate(r.validFrom)}`;
    const to = r.validTo === null ? '' : `${w.to} ${formatIsoDate(r.validTo)}`;
    lines.push(`    ${w.valid} ${[from, to].filter(Boolean).join(' ')}`);
  }
  if (r.where) lines.push(`    ${w.where} ${r.where.attribute} ∈ {${r.where.in.join(', ')}}`);
  if (r.share !== null) lines.push(`    ${w.share} ≥ ${Math.round(r.share * 100)} %`);
  lines.push(`    ${w.source}: ${r.source}`);
  return lines;
}

/** The text of `sagsflow rules list`: the catalogue's rules in Danish or English. */
export function renderRuleList(catalogue: RuleCatalogue, lang: Language): string {
  const w = WORDS[lang];
  const head = `${w.catalogue} ${catalogue.catalogue}${catalogue.process ? `, ${w.process} ${catalogue.process}` : ''}, ${catalogue.timezone}, ${catalogue.calendar}`;
  return `${[head, ...catalogue.rules.flatMap((r) => ['', ...ruleText(r, lang)])].join('\n')}\n`;
}
