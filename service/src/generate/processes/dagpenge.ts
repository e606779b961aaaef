import type { ProcessDefinition } from './types';

const CW = { kind: 'caseworker' } as const;

/**
 * Placements of unemployment-insurance recipients (placeringer for dagpengemodtagere).
 * ILLUSTRATIVE activity list, probabilities and timings (working days), not measured:
 * registration on Jobnet, CV, the first job interview (deadline 14 days), a joint
 * meeting with the a-kasse, an offer, a placement (company internship or wage subsidy),
 * follow-ups (a rework loop), end of placement and deregistration.
 * Jobcenter Syd is slower; Amager skips the joint meeting with the a-kasse more often.
 */
export const DAGPENGE: ProcessDefinition = {
  key: 'dagpenge',
  label: 'Placering af dagpengemodtagere',
  idPrefix: 'DAG',
  subject: 'citizen',
  ages: [20, 66],
  start: 'Tilmelding',
  activities: {
    Tilmelding: {
      actor: { kind: 'system', name: 'JOBNET' },
      next: [
        { to: 'CV registreret', weight: 0.93, days: [0, 0.5, 3] },
        { to: 'Første jobsamtale', weight: 0.07, days: [1, 4, 11] },
      ],
    },
    'CV registreret': {
      actor: { kind: 'system', name: 'JOBNET' },
      next: [
        { to: 'Første jobsamtale', weight: 0.97, days: [1, 4, 10] },
        { to: 'Afmeldt', weight: 0.02, days: [3, 10, 25] },
      ],
    },
    'Første jobsamtale': {
      next: [
        { to: 'Fællessamtale med a-kasse', weight: 0.82, days: [3, 9, 20] },
        { to: 'Tilbud bevilget', weight: 0.1, days: [4, 10, 25] },
        { to: 'Afmeldt', weight: 0.08, days: [5, 20, 60] },
      ],
    },
    'Fællessamtale med a-kasse': {
      next: [
        { to: 'Tilbud bevilget', weight: 0.68, days: [3, 8, 20] },
        { to: 'Afmeldt', weight: 0.3, days: [10, 25, 60] },
      ],
    },
    'Tilbud bevilget': {
      maxVisits: 2,
      next: [
        { to: 'Placering oprettet', weight: 0.95, days: [0, 2, 8] },
        { to: 'Afmeldt', weight: 0.05, days: [2, 10, 30] },
      ],
    },
    'Placering oprettet': {
      maxVisits: 2,
      next: [
        { to: 'Virksomhedspraktik startet', weight: 0.6, days: [2, 5, 15] },
        { to: 'Løntilskud startet', weight: 0.4, days: [3, 8, 20] },
      ],
    },
    'Virksomhedspraktik startet': {
      maxVisits: 2,
      next: [
        { to: 'Opfølgning', weight: 0.85, days: [8, 15, 25], external: true },
        { to: 'Placering afsluttet', weight: 0.15, days: [15, 20, 30], external: true },
      ],
    },
    'Løntilskud startet': {
      maxVisits: 2,
      next: [
        { to: 'Opfølgning', weight: 0.9, days: [10, 20, 30], external: true },
        { to: 'Placering afsluttet', weight: 0.1, days: [40, 60, 120], external: true },
      ],
    },
    Opfølgning: {
      maxVisits: 6,
      next: [
        { to: 'Opfølgning', weight: 0.45, days: [10, 20, 30], external: true },
        { to: 'Placering afsluttet', weight: 0.54, days: [5, 10, 20], external: true },
      ],
    },
    'Placering afsluttet': {
      maxVisits: 2,
      next: [
        { to: 'Afmeldt', weight: 0.78, days: [2, 10, 40] },
        { to: 'Tilbud bevilget', weight: 0.2, days: [5, 10, 20] },
      ],
    },
    Afmeldt: { actor: { kind: 'system', name: 'JOBNET' }, next: [] },
  },
  endActivities: ['Afmeldt'],
  jobcenters: [
    { name: 'Jobcenter København Nord', code: 'NORD', weight: 24, speed: 1, caseworkers: { first: 1, count: 12 } },
    { name: 'Jobcenter København Syd', code: 'SYD', weight: 20, speed: 1.35, caseworkers: { first: 1, count: 10 } },
    { name: 'Jobcenter København Vest', code: 'VEST', weight: 20, speed: 0.9, caseworkers: { first: 1, count: 10 } },
    {
      name: 'Jobcenter København Amager', code: 'AMAG', weight: 18, speed: 1, caseworkers: { first: 1, count: 9 },
      overrides: [{ from: 'Første jobsamtale', to: 'Tilbud bevilget', factor: 4 }],
    },
    { name: 'Jobcenter København Centrum', code: 'CENT', weight: 18, speed: 1.05, caseworkers: { first: 1, count: 9 } },
  ],
  deadlines: [
    {
      id: 'dagpenge-forste-jobsamtale-14d', process: 'dagpenge', from: 'Tilmelding', to: 'Første jobsamtale',
      days: 14, setsFrist: true,
      text: 'Første jobsamtale skal holdes senest 14 dage efter tilmelding.',
      source: 'Illustrativ regel, inspireret af lov om en aktiv beskæftigelsesindsats',
    },
    {
      id: 'dagpenge-faellessamtale-42d', process: 'dagpenge', from: 'Tilmelding', to: 'Fællessamtale med a-kasse',
      days: 42, setsFrist: false,
      text: 'Fællessamtale med a-kassen skal holdes inden for 6 uger efter tilmelding.',
      source: 'Illustrativ regel, inspireret af lov om en aktiv beskæftigelsesindsats',
    },
  ],
};
