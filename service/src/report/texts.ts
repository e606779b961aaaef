import type { Lang } from '../findings/wording';

/** Every fixed text of the report, in Danish and English. */
export const REPORT_TEXTS = {
  title: { da: 'Evalueringsrapport', en: 'Evaluation report' },
  scopeAll: { da: 'alle jobcentre', en: 'all jobcenters' },
  generated: { da: 'Dannet', en: 'Generated' },
  contents: { da: 'Indhold', en: 'Contents' },
  keyFigures: { da: 'Nøgletal', en: 'Key figures' },
  cases: { da: 'Sager', en: 'Cases' },
  events: { da: 'Hændelser', en: 'Events' },
  finishedShare: { da: 'Afsluttede sager', en: 'Finished cases' },
  medianDuration: { da: 'Median sagsvarighed', en: 'Median case duration' },
  p90Duration: { da: '90 %-fraktil sagsvarighed', en: '90th percentile case duration' },
  period: { da: 'Periode', en: 'Period' },
  casesPerMonth: { da: 'Nye sager pr. måned', en: 'New cases per month' },
  map: { da: 'Procesoverblik', en: 'Process map' },
  mapNote: {
    da: 'Aktiviteter og overgange med mindst {k} sager; tal er antal overgange. Rødt: flaskehalse.',
    en: 'Activities and transitions with at least {k} cases; numbers are transitions. Red: bottlenecks.',
  },
  variants: { da: 'Varianter', en: 'Variants' },
  variant: { da: 'Variant', en: 'Variant' },
  path: { da: 'Forløb', en: 'Path' },
  share: { da: 'Andel', en: 'Share' },
  meanDuration: { da: 'Gns. varighed', en: 'Mean duration' },
  otherVariants: { da: 'Øvrige varianter', en: 'Other variants' },
  bottlenecks: { da: 'Flaskehalse', en: 'Bottlenecks' },
  edge: { da: 'Overgang', en: 'Transition' },
  medianWait: { da: 'Median ventetid', en: 'Median wait' },
  workingWait: { da: 'I arbejdstid', en: 'In working time' },
  bestJobcenter: { da: 'Bedste jobcenter', en: 'Best jobcenter' },
  timeLost: { da: 'Tabt tid pr. år', en: 'Time lost a year' },
  trend: { da: 'Udvikling', en: 'Trend' },
  workload: { da: 'Arbejdsbyrde', en: 'Workload' },
  days: { da: 'dage', en: 'days' },
  rules: { da: 'Overholdelse af regler', en: 'Rule compliance' },
  rule: { da: 'Regel', en: 'Rule' },
  checked: { da: 'Kontrollerede sager', en: 'Cases checked' },
  broken: { da: 'Brud', en: 'Broken' },
  compliance: { da: 'Overholdt', en: 'Complied' },
  worstJobcenter: { da: 'Flest brud', en: 'Most breaches' },
  rulesNote: {
    da: 'Regler brudt i mindst {k} sager. Andel overholdt pr. jobcenter med mindst {k} kontrollerede sager; rødt under 80 %.',
    en: 'Rules broken in at least {k} cases. Share complied per jobcenter with at least {k} cases checked; red below 80 %.',
  },
  noRules: { da: 'Der er ikke knyttet et regelkatalog til denne log.', en: 'No rule catalogue is attached to this log.' },
  conformance: { da: 'Overensstemmelse med procesmodellen', en: 'Conformance with the process model' },
  noModel: { da: 'Der er ikke knyttet en procesmodel til denne log.', en: 'No process model is attached to this log.' },
  automation: { da: 'Kandidater til automatisering', en: 'Automation candidates' },
  activity: { da: 'Aktivitet', en: 'Activity' },
  score: { da: 'Score', en: 'Score' },
  hoursPerYear: { da: 'Timer pr. år', en: 'Hours a year' },
  saving: { da: 'Besparelse pr. år', en: 'Saving a year' },
  hoursShort: { da: 'timer', en: 'hours' },
  part_volume: { da: 'volumen', en: 'volume' },
  part_predictability: { da: 'forudsigelighed', en: 'predictability' },
  part_ruleLike: { da: 'regelbaseret', en: 'rule-like' },
  part_caseworkers: { da: 'sagsbehandlere', en: 'caseworkers' },
  part_processing: { da: 'behandlingstid', en: 'processing' },
  part_rework: { da: 'omarbejde', en: 'rework' },
  parts: { da: 'Delscorer (værdi × vægt)', en: 'Parts (value × weight)' },
  noCandidates: { da: 'Ingen aktivitet når tærsklen for automatisering.', en: 'No activity reaches the automation threshold.' },
  findings: { da: 'Fund', en: 'Findings' },
  kind: { da: 'Type', en: 'Kind' },
  status: { da: 'Status', en: 'Status' },
  value: { da: 'Værdi pr. år', en: 'Value a year' },
  noFindings: { da: 'Ingen fund.', en: 'No findings.' },
  totalValue: { da: 'Samlet anslået værdi pr. år', en: 'Total estimated value a year' },
  dataQuality: { da: 'Datakvalitet', en: 'Data quality' },
  rowsRead: { da: 'Rækker læst', en: 'Rows read' },
  accepted: { da: 'Godkendt', en: 'Accepted' },
  duplicates: { da: 'Dubletter', en: 'Duplicates' },
  quarantined: { da: 'I karantæne', en: 'Quarantined' },
  reason: { da: 'Årsag', en: 'Reason' },
  files: { da: 'Filer', en: 'Files' },
  qualityScoped: {
    da: 'Datakvaliteten tælles for hele indlæsningen (alle jobcentre) og vises i rapporten for alle jobcentre.',
    en: 'Data quality is counted for the whole load (all jobcenters) and shown in the report for all jobcenters.',
  },
  method: { da: 'Metode', en: 'Method' },
  whatIf: { da: 'Hvis kandidaterne blev automatiseret', en: 'If the candidates were automated' },
  whatIfNote: {
    da: 'Forudsagt ved at genafspille de afsluttede sager uden ventetid før trinnet; alle andre tider som målt. 95 %-intervaller fra genudtræk af sager.',
    en: 'Predicted by replaying the finished cases without the wait before the step; every other time as measured. 95 % intervals from resampling cases.',
  },
  noWhatIf: {
    da: 'Ingen automatiseringskandidat med mindst {k} afsluttede sager.',
    en: 'No automation candidate with at least {k} finished cases.',
  },
  medianNow: { da: 'Median nu', en: 'Median now' },
  medianAfter: { da: 'Median efter', en: 'Median after' },
  change: { da: 'Ændring (95 %)', en: 'Change (95 %)' },
  deadlinesMet: { da: 'Frister, der ville blive overholdt', en: 'Deadlines that would be met' },
  effect: { da: 'Effekt af en ændring', en: 'Effect of a change' },
  noEffect: {
    da: 'Rapporten er dannet uden ændringsdato. Med sagsflow report --effect-date ÅÅÅÅ-MM-DD [--effect-jobcenter J] måles nøgletal før og efter datoen.',
    en: 'The report was made without a change date. With sagsflow report --effect-date YYYY-MM-DD [--effect-jobcenter J] it measures key figures before and after the date.',
  },
  effectSame: {
    da: 'Sager startet {after} sammenlignet med samme måneder et år før ({before}).',
    en: 'Cases started {after} compared with the same months a year earlier ({before}).',
  },
  effectAdjacent: {
    da: 'Sager startet {after} sammenlignet med den lige så lange periode før ({before}).',
    en: 'Cases started {after} compared with the equally long period before ({before}).',
  },
  effectDid: { da: 'Forskel-i-forskelle mod de øvrige jobcentre.', en: 'Difference in differences against the other jobcenters.' },
  figure: { da: 'Nøgletal', en: 'Figure' },
  before: { da: 'Før', en: 'Before' },
  after: { da: 'Efter', en: 'After' },
  estimate: { da: 'Effekt (95 %)', en: 'Effect (95 %)' },
  detected: { da: 'Reel ændring', en: 'Real change' },
  yes: { da: 'ja', en: 'yes' },
  throughput: { da: 'Median gennemløbstid', en: 'Median throughput time' },
  rework: { da: 'Andel med omarbejde', en: 'Rework share' },
  wait: { da: 'Ventetid', en: 'Wait' },
  status_new: { da: 'ny', en: 'new' },
  status_open: { da: 'åben', en: 'open' },
  status_resolved: { da: 'løst', en: 'resolved' },
} as const satisfies Record<string, Record<Lang, string>>;

/** A report text in a language. */
export function t(key: keyof typeof REPORT_TEXTS, lang: Lang): string {
  return REPORT_TEXTS[key][lang];
}

/**
 * The report is analyst-only (the HTTP route refuses viewer tokens): it says so in its method
 * section, so that a printed copy is not handed to readers with viewer access.
 */
export const ANALYST_ONLY = {
  da: 'Rapporten er til analytikere: den bygger på de eksakte tal, og to rapporter over forskellige udsnit kan trækkes fra hinanden. Giv den ikke til læsere med viewer-adgang; de får den anonymiserede model (hver række mindst k sager) gennem Power BI.',
  en: 'This report is for analysts: it is built on the exact figures, and two reports over different scopes can be subtracted from each other. Do not hand it to readers with viewer access; they get the viewer-grade model (every row at least k cases) through Power BI.',
} as const;

/** The method section, paragraph by paragraph. */
export function methodParagraphs(lang: Lang, k: number): string[] {
  return lang === 'da'
    ? [
        `Tallene bygger på hændelsesloggen efter indlæsning: personoplysninger er pseudonymiseret, og ingen gruppe med færre end ${k} sager vises eller bruges til en sammenligning.`,
        ANALYST_ONLY.da,
        'Ventetid på en overgang er tiden fra den ene aktivitet slutter til den næste begynder. Tabt tid = antal sager × (overgangens median-ventetid − det hurtigste jobcenters median, når den er mindre), omregnet til et år. Ventetid i arbejdstid tæller kun hverdage i den danske forvaltningskalender.',
        'Flaskehalse: de 3 overgange med den længste median-ventetid blandt overgange, som mindst 5 % af sagerne (og mindst k sager) går igennem; samme definition som i Power BI-visualet. Arbejdsbyrden omkring en flaskehals er åbne sager og hændelser pr. sagsbehandler pr. uge; følger ventetiden byrden, peger det på kapacitet, ellers på fordeling.',
        'Bedste praksis: jobcentre og varianter sammenlignes på sagsvarighed (afsluttede sager; bootstrap-interval med fast frø), regeloverholdelse, overensstemmelse og udfald (Wilson-intervaller). Kun forskelle, hvis 95 %-interval ligger over 0, nævnes.',
        'Automatisering: hver aktivitet får en score af volumen, forudsigelighed (entropi før og efter), hvor regelbaseret næste skridt er, antal og ensartethed af sagsbehandlere, behandlingstid og omarbejde. Timer pr. år kommer fra målte behandlingstider eller et fast antal minutter pr. hændelse. Værdier i kroner bruger arbejdstallene 100.000 kr. pr. optimeret arbejdsgang og 200.000 kr. pr. automatisering, eller timer × timepris når en timepris er sat.',
      ]
    : [
        `The figures come from the event log as loaded: personal data is pseudonymised, and no group of fewer than ${k} cases is shown or used in a comparison.`,
        ANALYST_ONLY.en,
        "The waiting time on a transition runs from the end of one activity to the start of the next. Time lost = cases × (the transition's median wait − the fastest jobcenter's median, when smaller), scaled to a year. Waits in working time count only working days of the Danish administration calendar.",
        'Bottlenecks: the 3 transitions with the longest median wait among those taken by at least 5 % of the cases (and at least k cases); the same definition as the Power BI visual. The workload around a bottleneck is open cases and events per caseworker per week; a wait that follows the workload points to capacity, otherwise to routing.',
        'Best practice: jobcenters and variants are compared on case duration (finished cases; seeded bootstrap interval), rule compliance, conformance and outcome (Wilson intervals). Only differences whose 95 % interval lies above 0 are named.',
        'Automation: each activity is scored on volume, predictability (entropy before and after), how rule-like its next step is, the number and evenness of caseworkers, processing time and rework. Hours a year come from measured processing times or a fixed number of minutes per event. Values in DKK use the working figures of DKK 100,000 per optimised workflow and DKK 200,000 per automation, or hours × hourly cost when an hourly cost is set.',
      ];
}
