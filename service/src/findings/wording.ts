import type { Finding } from '@sagsflow/shared';

/** The languages findings and the report are written in. */
export type Lang = 'da' | 'en';

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/** The number formats made so far, per language and decimals (making one costs far more than formatting with it). */
const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** A number with the language's separators and at most `digits` decimals. */
export function formatNumber(value: number, lang: Lang, digits = 0): string {
  if (!Number.isFinite(value)) return '–';
  const key = `${lang}${digits}`;
  let format = NUMBER_FORMATS.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    NUMBER_FORMATS.set(key, format);
  }
  return format.format(value);
}

/** A duration in ms in days, hours or minutes, e.g. `3,5 dage` / `3.5 days`. */
export function formatDuration(ms: number | null | undefined, lang: Lang): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  const one = (value: number, unit: [string, string]) => {
    const text = formatNumber(value, lang, 1);
    return `${text} ${text === '1' ? unit[0] : unit[1]}`;
  };
  if (abs >= 86_400_000) return one(ms / 86_400_000, lang === 'da' ? ['dag', 'dage'] : ['day', 'days']);
  if (abs >= 3_600_000) return one(ms / 3_600_000, lang === 'da' ? ['time', 'timer'] : ['hour', 'hours']);
  return `${formatNumber(ms / 60_000, lang, 0)} min`;
}

/** An amount of Danish kroner, e.g. `200.000 kr.` / `DKK 200,000`. */
export function formatDkk(value: number, lang: Lang): string {
  return lang === 'da' ? `${formatNumber(value, lang)} kr.` : `DKK ${formatNumber(value, lang)}`;
}

/** A share 0..1 as a percentage. */
export function formatPercent(share: number | null | undefined, lang: Lang, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '–';
  return `${formatNumber(100 * share, lang, digits)} %`;
}

const KIND_NAMES: Record<Finding['kind'], Record<Lang, string>> = {
  bottleneck: { da: 'Flaskehals', en: 'Bottleneck' },
  'rule-violation': { da: 'Regelbrud', en: 'Rule violation' },
  'model-deviation': { da: 'Afvigelse fra modellen', en: 'Deviation from the model' },
  'best-practice': { da: 'Bedste praksis', en: 'Best practice' },
  'automation-candidate': { da: 'Kandidat til automatisering', en: 'Automation candidate' },
};

/** The name of a finding kind in a language. */
export function kindName(kind: Finding['kind'], lang: Lang): string {
  return KIND_NAMES[kind][lang];
}

const MEASURES: Record<string, Record<Lang, string>> = {
  duration: { da: 'sagsvarighed', en: 'case duration' },
  compliance: { da: 'regeloverholdelse', en: 'rule compliance' },
  conformance: { da: 'overensstemmelse med modellen', en: 'conformance with the model' },
  outcome: { da: 'udfald', en: 'outcome' },
};

const DEVIATIONS: Record<string, Record<Lang, string>> = {
  skipped: { da: 'trin sprunget over', en: 'step skipped' },
  inserted: { da: 'trin uden plads i modellen', en: 'step the model has no place for' },
};

const TREND: Record<string, Record<Lang, string>> = {
  rising: { da: 'stigende', en: 'rising' },
  falling: { da: 'faldende', en: 'falling' },
  flat: { da: 'uændret', en: 'flat' },
  unknown: { da: 'ukendt', en: 'unknown' },
};

const WORKLOAD: Record<string, Record<Lang, string>> = {
  capacity: { da: 'ventetiden følger arbejdsbyrden (kapacitet)', en: 'the wait follows the workload (capacity)' },
  routing: { da: 'ventetiden følger ikke arbejdsbyrden (fordeling/rutning)', en: 'the wait does not follow the workload (routing)' },
  mixed: { da: 'ventetiden følger arbejdsbyrden delvist', en: 'the wait partly follows the workload' },
  unknown: {
    da: 'for få uger eller sagsbehandlere til at sige, om det er kapacitet',
    en: 'too few weeks or caseworkers to tell capacity from routing',
  },
};

/**
 * What a finding is and where, without figures (what a viewer token gets instead of the
 * sentence): the kind and the rule, activity or edge.
 *
 * @example findingTitle({ kind: 'bottleneck', fromActivity: 'A', toActivity: 'B', activity: null, rule: null }, 'en') // 'Bottleneck: A → B'
 */
export function findingTitle(f: { kind: string } & Pick<Finding, 'activity' | 'fromActivity' | 'toActivity' | 'rule'>, lang: Lang): string {
  const where = f.rule ?? f.activity ?? (f.fromActivity !== null && f.toActivity !== null ? `${f.fromActivity} → ${f.toActivity}` : null);
  const kind = f.kind in KIND_NAMES ? kindName(f.kind as Finding['kind'], lang) : f.kind;
  return where === null ? kind : `${kind}: ${where}`;
}

/**
 * One sentence a manager reads: what the finding is, where, by how much, and what it is worth.
 *
 * @example describeFinding(finding, 'da') // "Sager venter 6,2 dage (median) fra ..."
 */
export function describeFinding(f: Finding, lang: Lang): string {
  const e = f.evidence;
  const n = (v: unknown, digits = 0) => formatNumber(Number(v), lang, digits);
  const dur = (v: unknown) => formatDuration(v as number | null, lang);
  const da = lang === 'da';
  switch (f.kind) {
    case 'bottleneck': {
      const best =
        e['bestJobcenter'] && e['timeLostMs'] && Number(e['timeLostMs']) > 0
          ? da
            ? ` ${e['bestJobcenter']} klarer det på ${dur(e['bestMedianWaitMs'])}; med deres tempo ville ${n(e['timeLostDaysPerYear'])} ventedage om året være sparet.`
            : ` ${e['bestJobcenter']} does it in ${dur(e['bestMedianWaitMs'])}; at their pace ${n(e['timeLostDaysPerYear'])} days of waiting a year would be saved.`
          : '';
      const trend = TREND[String(e['trend'])]![lang];
      const working =
        typeof e['medianWorkingWaitMs'] === 'number'
          ? da
            ? `, ${dur(e['medianWorkingWaitMs'])} i arbejdstid`
            : `, ${dur(e['medianWorkingWaitMs'])} in working time`
          : '';
      return da
        ? `Sager venter ${dur(e['medianWaitMs'])} (median${working}) fra "${f.fromActivity}" til "${f.toActivity}" (${n(f.cases)} sager).${best} Udvikling: ${trend}; ${WORKLOAD[String(e['workload'])]![lang]}.`
        : `Cases wait ${dur(e['medianWaitMs'])} (median${working}) from "${f.fromActivity}" to "${f.toActivity}" (${n(f.cases)} cases).${best} Trend: ${trend}; ${WORKLOAD[String(e['workload'])]![lang]}.`;
    }
    case 'rule-violation': {
      const worst = e['worstJobcenter']
        ? da
          ? ` Højest i ${e['worstJobcenter']} (${formatPercent(e['worstViolationRate'] as number, lang)}).`
          : ` Highest in ${e['worstJobcenter']} (${formatPercent(e['worstViolationRate'] as number, lang)}).`
        : '';
      return da
        ? `Reglen ${f.rule}${e['ruleTextDa'] ? ` (${e['ruleTextDa']})` : ''} er brudt i ${n(f.cases)} af ${n(e['checkedCases'])} sager (${formatPercent(e['violationRate'] as number, lang, 1)}).${worst}`
        : `Rule ${f.rule}${e['ruleText'] ? ` (${e['ruleText']})` : ''} is broken in ${n(f.cases)} of ${n(e['checkedCases'])} cases (${formatPercent(e['violationRate'] as number, lang, 1)}).${worst}`;
    }
    case 'model-deviation': {
      const where = f.activity ?? `${f.fromActivity} → ${f.toActivity}`;
      const what = DEVIATIONS[String(e['deviation'])]?.[lang] ?? String(e['deviation']);
      return da
        ? `Afvigelse fra modellen (${what}) ved "${where}" i ${n(f.cases)} af ${n(e['checkedCases'])} sager (${formatPercent(e['share'] as number, lang, 1)}).`
        : `Deviation from the model (${what}) at "${where}" in ${n(f.cases)} of ${n(e['checkedCases'])} cases (${formatPercent(e['share'] as number, lang, 1)}).`;
    }
    case 'automation-candidate': {
      const from =
        e['hoursFrom'] === 'processing-times'
          ? da
            ? 'målte behandlingstider'
            : 'measured processing times'
          : da
            ? 'minutter pr. hændelse'
            : 'minutes per event';
      return da
        ? `"${f.activity}" scorer ${n(e['score'], 2)} for automatisering: ${n(e['instances'])} gange, næste skridt er "${e['topSuccessor']}" i ${formatPercent(e['topSuccessorShare'] as number, lang)} af tilfældene. Ca. ${n(e['hoursPerYear'])} timer om året (${from}); anslået besparelse ${formatDkk(f.valueDkk, lang)} om året.`
        : `"${f.activity}" scores ${n(e['score'], 2)} for automation: ${n(e['instances'])} times, the next step is "${e['topSuccessor']}" in ${formatPercent(e['topSuccessorShare'] as number, lang)} of them. About ${n(e['hoursPerYear'])} hours a year (${from}); estimated saving ${formatDkk(f.valueDkk, lang)} a year.`;
    }
    case 'best-practice': {
      const measure = MEASURES[String(e['measure'])]![lang];
      const who =
        e['dimension'] === 'variant'
          ? da
            ? `Variant ${e['variantNumber']} (${e['variantActivities']})`
            : `Variant ${e['variantNumber']} (${e['variantActivities']})`
          : String(e['group']);
      const isDuration = e['measure'] === 'duration';
      const value = isDuration ? dur(e['value']) : formatPercent(e['value'] as number, lang);
      const rest = isDuration ? dur(e['restValue']) : formatPercent(e['restValue'] as number, lang);
      const diff = isDuration
        ? `${dur(e['difference'])} (95 %: ${dur(e['differenceLow'])}–${dur(e['differenceHigh'])})`
        : `${n(100 * Number(e['difference']), 1)} ${da ? 'procentpoint' : 'points'} (95 %: ${n(100 * Number(e['differenceLow']), 1)}–${n(100 * Number(e['differenceHigh']), 1)})`;
      return da
        ? `${who} gør det bedst på ${measure}: ${value} mod ${rest} for de øvrige, ${isDuration ? 'hurtigere med' : 'bedre med'} ${diff}; ${n(f.cases)} mod ${n(e['restCases'])} sager.`
        : `${who} does best on ${measure}: ${value} against ${rest} for the rest, ${isDuration ? 'faster by' : 'better by'} ${diff}; ${n(f.cases)} against ${n(e['restCases'])} cases.`;
    }
  }
}
