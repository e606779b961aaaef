import { PROCESS_CATALOGUE } from '../../processes/index';
import type { ProcessDefinition } from './types';

const SEARCH = 'Kandidatsøgning';
const SENT = 'Kandidat formidlet';
const CLOSED_OURS = 'Jobordre lukket – besat med formidlet kandidat';
const CLOSED_OTHER = 'Jobordre lukket – besat af anden kandidat';
const CANCELLED = 'Jobordre lukket – annulleret';
const EXPIRED = 'Jobordre lukket – udløbet';

/**
 * Recruitment requests from companies (rekrutteringsanmodninger), handled by the
 * business service and the local jobcenters' company consultants, after
 * domain-rules.md § 4.3. ILLUSTRATIVE probabilities and timings (working days), not
 * measured: the request, contact and needs, the job order (sometimes changed), a posting,
 * candidate search and screening, candidates sent, the company's feedback and
 * interviews (new search rounds after rejections: a rework loop), a hire, and the job
 * order closed with a reason. Centrum often sends candidates without recording the
 * screening (a skipped step).
 */
export const REKRUTTERING: ProcessDefinition = {
  key: 'rekruttering',
  label: PROCESS_CATALOGUE.rekruttering.label.da,
  idPrefix: 'REK',
  subject: 'company',
  ages: [0, 0],
  start: 'Rekrutteringsanmodning modtaget',
  activities: {
    'Rekrutteringsanmodning modtaget': {
      actor: { kind: 'system', name: 'VIRK-PORTAL' },
      next: [
        { to: 'Virksomhed kontaktet', weight: 0.95, days: [0, 1, 4] },
        { to: 'Jobordre oprettet', weight: 0.04, days: [0, 2, 5] },
      ],
    },
    'Virksomhed kontaktet': {
      next: [
        { to: 'Jobordre oprettet', weight: 0.93, days: [0, 1, 3] },
        { to: CANCELLED, weight: 0.06, days: [2, 5, 15] },
      ],
    },
    'Jobordre oprettet': {
      next: [
        { to: 'Stilling opslået på Jobnet', weight: 0.35, days: [0, 1, 2] },
        { to: SEARCH, weight: 0.62, days: [0, 2, 5] },
        { to: CANCELLED, weight: 0.02, days: [3, 10, 25] },
      ],
    },
    'Stilling opslået på Jobnet': { actor: { kind: 'system', name: 'JOBNET' }, next: [{ to: SEARCH, weight: 0.98, days: [0, 1, 3] }] },
    [SEARCH]: {
      maxVisits: 4,
      next: [
        { to: 'Kandidat screenet', weight: 0.8, days: [1, 3, 6] },
        { to: SENT, weight: 0.12, days: [1, 4, 10] },
        { to: EXPIRED, weight: 0.04, days: [10, 20, 40] },
      ],
    },
    'Kandidat screenet': {
      maxVisits: 4,
      next: [
        { to: SENT, weight: 0.9, days: [1, 3, 8] },
        { to: SEARCH, weight: 0.08, days: [1, 3, 6] },
      ],
    },
    [SENT]: {
      maxVisits: 4,
      next: [
        { to: 'Tilbagemelding fra virksomhed', weight: 0.92, days: [2, 5, 10], external: true },
        { to: CLOSED_OTHER, weight: 0.04, days: [10, 20, 40], external: true },
      ],
    },
    'Tilbagemelding fra virksomhed': {
      maxVisits: 4,
      next: [
        { to: 'Jobsamtale hos virksomhed', weight: 0.6, days: [3, 7, 15], external: true },
        { to: SEARCH, weight: 0.25, days: [1, 3, 8] },
        { to: 'Jobordre ændret', weight: 0.07, days: [1, 2, 5] },
        { to: CLOSED_OTHER, weight: 0.06, days: [5, 10, 25], external: true },
      ],
    },
    'Jobordre ændret': { maxVisits: 2, next: [{ to: SEARCH, weight: 0.97, days: [0, 2, 5] }] },
    'Jobsamtale hos virksomhed': {
      maxVisits: 4,
      next: [
        { to: 'Ansættelse registreret', weight: 0.55, days: [5, 12, 30], external: true },
        { to: SEARCH, weight: 0.3, days: [1, 4, 10] },
        { to: CLOSED_OTHER, weight: 0.1, days: [5, 15, 30], external: true },
      ],
    },
    'Ansættelse registreret': { next: [{ to: CLOSED_OURS, weight: 0.97, days: [0, 2, 8] }] },
    [CLOSED_OURS]: { next: [] },
    [CLOSED_OTHER]: { next: [] },
    [CANCELLED]: { next: [] },
    [EXPIRED]: { next: [] },
  },
  endActivities: PROCESS_CATALOGUE.rekruttering.endActivities,
  jobcenters: [
    { name: 'Jobcenter København Virksomhedsservice', code: 'VIRK', weight: 50, speed: 0.9, caseworkers: { first: 1, count: 14 } },
    { name: 'Jobcenter København Nord', code: 'NORD', weight: 12, speed: 1, caseworkers: { first: 31, count: 3 } },
    { name: 'Jobcenter København Syd', code: 'SYD', weight: 10, speed: 1.4, caseworkers: { first: 31, count: 3 } },
    { name: 'Jobcenter København Vest', code: 'VEST', weight: 10, speed: 1, caseworkers: { first: 31, count: 3 } },
    { name: 'Jobcenter København Amager', code: 'AMAG', weight: 9, speed: 1.05, caseworkers: { first: 31, count: 3 } },
    {
      name: 'Jobcenter København Centrum',
      code: 'CENT',
      weight: 9,
      speed: 1,
      caseworkers: { first: 31, count: 3 },
      overrides: [{ from: SEARCH, to: SENT, factor: 6 }],
    },
  ],
  deadlines: [
    {
      id: 'REK-FORMID-30',
      process: 'rekruttering',
      from: 'Jobordre oprettet',
      to: SENT,
      limit: { days: 30 },
      setsFrist: true,
      missRate: { VIRK: 0.08, NORD: 0.15, SYD: 0.25, VEST: 0.12, AMAG: 0.15, CENT: 0.05 },
      driftPerMonth: -0.002,
      text: 'Mindst én kandidat formidlet inden 30 dage efter jobordren er oprettet.',
      source: 'Udledt af STARs jobordremål (servicemål)',
    },
    {
      id: 'REK-KONTAKT-2HD',
      process: 'rekruttering',
      from: 'Rekrutteringsanmodning modtaget',
      to: 'Virksomhed kontaktet',
      limit: { workingDays: 2 },
      setsFrist: false,
      missRate: { VIRK: 0.05, NORD: 0.12, SYD: 0.2, VEST: 0.1, AMAG: 0.12, CENT: 0.15 },
      driftPerMonth: 0.002,
      text: 'Virksomheden kontaktet senest 2 arbejdsdage efter anmodningen.',
      source: 'Illustrativt servicemål',
    },
  ],
};
