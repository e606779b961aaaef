/** The languages the preview page speaks. */
export type PreviewLanguage = 'en' | 'da';

/** The page's language: Danish for a `da` locale (`?locale=da-DK`), else English. */
export function previewLanguage(locale: string): PreviewLanguage {
  return locale.toLowerCase().startsWith('da') ? 'da' : 'en';
}

/** Every text of the preview page itself (the visual brings its own), in English and Danish. */
export const PREVIEW_TEXT = {
  en: {
    title: 'Sagsflow preview',
    cases: 'Cases',
    loading: 'loading…',
    noFields: 'no fields bound',
    stepRows: (rows: string, dataView: number) => `${rows} step rows → ${dataView} DataView rows`,
    slicers: { log: 'log', process: 'process', jobcenter: 'jobcenter', period: 'period', fields: 'fields bound' },
    all: '(all)',
    tokenPrompt: 'This page shows the data a token may see. Paste a viewer or analyst token:',
    tokenHow: 'No token yet? On the machine that runs the service:',
    tokenOpen: 'open',
    tokenPlaceholder: 'viewer or analyst token',
  },
  da: {
    title: 'Sagsflow forhåndsvisning',
    cases: 'Sager',
    loading: 'henter…',
    noFields: 'ingen felter bundet',
    stepRows: (rows: string, dataView: number) => `${rows} trinrækker → ${dataView} DataView-rækker`,
    slicers: { log: 'log', process: 'proces', jobcenter: 'jobcenter', period: 'periode', fields: 'bundne felter' },
    all: '(alle)',
    tokenPrompt: 'Siden viser de data, en adgangsnøgle (token) må se. Indsæt en viewer- eller analyst-nøgle:',
    tokenHow: 'Ingen nøgle endnu? På maskinen, der kører tjenesten:',
    tokenOpen: 'åbn',
    tokenPlaceholder: 'viewer- eller analyst-nøgle',
  },
} as const;

/** The command that makes a viewer token, as the page and `/` show it. */
export const TOKEN_COMMAND = 'npx sagsflow token create --db sagsflow.sqlite --role viewer';
