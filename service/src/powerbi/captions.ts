/** Languages of the generated report: page, measure, slicer and field captions. */
export type ReportLang = 'da' | 'en';

/** Every caption the generated project shows, in one language. */
export interface Captions {
  culture: string;
  overviewPage: string;
  rulesPage: string;
  findingsPage: string;
  processMap: string;
  casesMeasure: string;
  finishedShareMeasure: string;
  medianThroughputMeasure: string;
  complianceRateMeasure: string;
  jobcenterDimension: string;
  periodDimension: string;
  processDimension: string;
  complianceByRule: string;
  findingsTable: string;
}

const CAPTIONS: Record<ReportLang, Captions> = {
  da: {
    culture: 'da-DK',
    overviewPage: 'Overblik',
    rulesPage: 'Regler',
    findingsPage: 'Fund',
    processMap: 'Proceskort',
    casesMeasure: 'Sager',
    finishedShareMeasure: 'Andel afsluttede',
    medianThroughputMeasure: 'Median gennemløbstid (dage)',
    complianceRateMeasure: 'Overholdelsesgrad',
    jobcenterDimension: 'Jobcenter',
    periodDimension: 'Periode',
    processDimension: 'Proces',
    complianceByRule: 'Overholdelse pr. regel og jobcenter',
    findingsTable: 'Fund',
  },
  en: {
    culture: 'en-US',
    overviewPage: 'Overview',
    rulesPage: 'Rules',
    findingsPage: 'Findings',
    processMap: 'Process map',
    casesMeasure: 'Number of cases',
    finishedShareMeasure: 'Finished share',
    medianThroughputMeasure: 'Median throughput time (days)',
    complianceRateMeasure: 'Compliance rate',
    jobcenterDimension: 'Jobcenter',
    periodDimension: 'Period',
    processDimension: 'Process',
    complianceByRule: 'Compliance by rule and jobcenter',
    findingsTable: 'Findings',
  },
};

/** The captions of one language. */
export function captionsFor(lang: ReportLang): Captions {
  return CAPTIONS[lang];
}
