import { PROCESS_CATALOGUE } from '../../processes/index';
import type { ProcessDefinition } from './types';

const AGREEMENT = 'Aftale om virksomhedspraktik/løntilskud oprettet';
const STATEMENT = 'Udtalelse fra medarbejderrepræsentant modtaget';
const PLAN = 'Min Plan opdateret med tilbud';

/**
 * Placements of unemployment-insurance recipients (placeringer for dagpengemodtagere),
 * one case per placement (virksomhedspraktik or løntilskud), after domain-rules.md § 4.2.
 * ILLUSTRATIVE probabilities and timings (working days), not measured: the placement
 * need, a company, the agreement (returned for missing information: a rework loop), the
 * employee representative's statement, Min Plan, the approval, the start, follow-ups,
 * an extension or interruption, the end, and a hire or still unemployed. The deviations
 * of § 4.2 occur: a start before the approval, a plan updated after the start, a missing
 * statement. Syd is slower; Amager approves without the statement more often.
 */
export const DAGPENGE: ProcessDefinition = {
  key: 'dagpenge',
  label: PROCESS_CATALOGUE.dagpenge.label.da,
  idPrefix: 'DAG',
  subject: 'citizen',
  ages: [20, 66],
  start: 'Placeringsbehov aftalt i jobsamtale',
  activities: {
    'Placeringsbehov aftalt i jobsamtale': {
      next: [
        { to: 'Virksomhed fundet', weight: 0.905, days: [1, 6, 15] },
        { to: 'Fortsat ledig', weight: 0.09, days: [10, 20, 40] },
      ],
    },
    'Virksomhed fundet': {
      next: [
        { to: AGREEMENT, weight: 0.95, days: [1, 3, 6] },
        { to: 'Fortsat ledig', weight: 0.045, days: [5, 10, 20] },
      ],
    },
    [AGREEMENT]: {
      maxVisits: 3,
      next: [
        { to: STATEMENT, weight: 0.795, days: [1, 2, 5], external: true },
        { to: 'Ansøgning returneret', weight: 0.12, days: [1, 2, 4], external: true },
        { to: PLAN, weight: 0.08, days: [1, 3, 6] },
      ],
    },
    'Ansøgning returneret': { maxVisits: 2, next: [{ to: AGREEMENT, weight: 0.99, days: [1, 2, 5], external: true }] },
    [STATEMENT]: {
      next: [
        { to: PLAN, weight: 0.9, days: [0, 1, 2], external: true },
        { to: 'Tilbud bevilget', weight: 0.1, days: [1, 2, 5] },
      ],
    },
    [PLAN]: {
      maxVisits: 2,
      next: [
        { to: 'Tilbud bevilget', weight: 0.95, days: [0, 1, 3] },
        { to: 'Tilbud påbegyndt', weight: 0.04, days: [1, 3, 6] },
      ],
    },
    'Tilbud bevilget': {
      next: [
        { to: 'Tilbud påbegyndt', weight: 0.955, days: [0, 3, 10] },
        { to: PLAN, weight: 0.04, days: [0, 1, 3] },
      ],
    },
    'Tilbud påbegyndt': {
      next: [
        { to: 'Opfølgningssamtale', weight: 0.865, days: [6, 10, 20] },
        { to: 'Tilbud bevilget', weight: 0.03, days: [1, 3, 6] },
        { to: PLAN, weight: 0.03, days: [1, 3, 6] },
        { to: 'Tilbud afsluttet', weight: 0.07, days: [15, 19, 22], external: true },
      ],
    },
    Opfølgningssamtale: {
      maxVisits: 4,
      next: [
        { to: 'Opfølgningssamtale', weight: 0.2, days: [10, 20, 30] },
        { to: 'Tilbud afsluttet', weight: 0.6, days: [5, 10, 60], external: true },
        { to: 'Forlængelse bevilget', weight: 0.1, days: [2, 5, 10] },
        { to: 'Tilbud afbrudt', weight: 0.095, days: [2, 6, 15], external: true },
      ],
    },
    'Forlængelse bevilget': {
      next: [
        { to: 'Tilbud afsluttet', weight: 0.9, days: [10, 20, 40], external: true },
        { to: 'Opfølgningssamtale', weight: 0.095, days: [5, 10, 15] },
      ],
    },
    'Tilbud afbrudt': {
      next: [
        { to: 'Fortsat ledig', weight: 0.7, days: [0, 2, 8] },
        { to: 'Ansættelse registreret', weight: 0.295, days: [0, 5, 15], external: true },
      ],
    },
    'Tilbud afsluttet': {
      next: [
        { to: 'Ansættelse registreret', weight: 0.45, days: [0, 5, 20], external: true },
        { to: 'Fortsat ledig', weight: 0.545, days: [0, 3, 10] },
      ],
    },
    'Ansættelse registreret': { actor: { kind: 'system', name: 'JOBNET' }, next: [] },
    'Fortsat ledig': { next: [] },
  },
  endActivities: PROCESS_CATALOGUE.dagpenge.endActivities,
  jobcenters: [
    { name: 'Jobcenter København Nord', code: 'NORD', weight: 24, speed: 1, caseworkers: { first: 1, count: 12 } },
    { name: 'Jobcenter København Syd', code: 'SYD', weight: 20, speed: 1.35, caseworkers: { first: 1, count: 10 } },
    { name: 'Jobcenter København Vest', code: 'VEST', weight: 20, speed: 0.9, caseworkers: { first: 1, count: 10 } },
    {
      name: 'Jobcenter København Amager',
      code: 'AMAG',
      weight: 18,
      speed: 1,
      caseworkers: { first: 1, count: 9 },
      overrides: [
        { from: STATEMENT, to: 'Tilbud bevilget', factor: 4 },
        { from: AGREEMENT, to: PLAN, factor: 5 },
      ],
    },
    { name: 'Jobcenter København Centrum', code: 'CENT', weight: 18, speed: 1.05, caseworkers: { first: 1, count: 9 } },
  ],
  deadlines: [
    {
      id: 'DP-BEV-21',
      process: 'dagpenge',
      from: AGREEMENT,
      to: 'Tilbud bevilget',
      limit: { days: 21 },
      setsFrist: true,
      missRate: { NORD: 0.1, SYD: 0.25, VEST: 0.08, AMAG: 0.15, CENT: 0.12 },
      driftPerMonth: -0.003,
      text: 'Tilbud bevilget senest 3 uger efter aftalen er oprettet.',
      source: 'Illustrativt servicemål',
    },
  ],
};
