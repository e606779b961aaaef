import type { ProcessDefinition } from './types';

/**
 * Recruitment requests from companies (rekrutteringsanmodninger), handled by the
 * business service and the local jobcenters' company consultants.
 * ILLUSTRATIVE activity list, probabilities and timings (working days), not measured:
 * a request, a job order, candidates found and sent, interviews at the company, and
 * either a hire or closing unfilled, with loops back to finding candidates.
 * Centrum often sends candidates without recording "Kandidater fundet" (a skipped step).
 */
export const REKRUTTERING: ProcessDefinition = {
  key: 'rekruttering',
  label: 'Rekrutteringsanmodning',
  idPrefix: 'REK',
  subject: 'company',
  ages: [0, 0],
  start: 'Anmodning modtaget',
  activities: {
    'Anmodning modtaget': {
      actor: { kind: 'system', name: 'VIRK-PORTAL' },
      next: [
        { to: 'Jobordre oprettet', weight: 0.95, days: [0, 0.4, 2] },
        { to: 'Lukket uden besættelse', weight: 0.05, days: [1, 3, 8] },
      ],
    },
    'Jobordre oprettet': {
      next: [
        { to: 'Kandidater fundet', weight: 0.9, days: [0.5, 2, 6] },
        { to: 'Kandidater sendt', weight: 0.03, days: [1, 3, 7] },
        { to: 'Lukket uden besættelse', weight: 0.07, days: [5, 15, 30] },
      ],
    },
    'Kandidater fundet': {
      maxVisits: 3,
      next: [
        { to: 'Kandidater sendt', weight: 0.95, days: [0, 0.5, 3] },
        { to: 'Lukket uden besættelse', weight: 0.05, days: [3, 10, 20] },
      ],
    },
    'Kandidater sendt': {
      maxVisits: 3,
      next: [
        { to: 'Samtale hos virksomhed', weight: 0.8, days: [3, 7, 15], external: true },
        { to: 'Kandidater fundet', weight: 0.12, days: [3, 6, 12], external: true },
        { to: 'Lukket uden besættelse', weight: 0.08, days: [5, 15, 30], external: true },
      ],
    },
    'Samtale hos virksomhed': {
      maxVisits: 3,
      actor: { kind: 'caseworker' },
      next: [
        { to: 'Ansat', weight: 0.58, days: [2, 6, 15], external: true },
        { to: 'Kandidater fundet', weight: 0.28, days: [2, 5, 10] },
        { to: 'Lukket uden besættelse', weight: 0.12, days: [3, 10, 25], external: true },
      ],
    },
    Ansat: { next: [] },
    'Lukket uden besættelse': { next: [] },
  },
  endActivities: ['Ansat', 'Lukket uden besættelse'],
  jobcenters: [
    { name: 'Jobcenter København Virksomhedsservice', code: 'VIRK', weight: 50, speed: 0.9, caseworkers: { first: 1, count: 14 } },
    { name: 'Jobcenter København Nord', code: 'NORD', weight: 12, speed: 1, caseworkers: { first: 31, count: 3 } },
    { name: 'Jobcenter København Syd', code: 'SYD', weight: 10, speed: 1.4, caseworkers: { first: 31, count: 3 } },
    { name: 'Jobcenter København Vest', code: 'VEST', weight: 10, speed: 1, caseworkers: { first: 31, count: 3 } },
    { name: 'Jobcenter København Amager', code: 'AMAG', weight: 9, speed: 1.05, caseworkers: { first: 31, count: 3 } },
    {
      name: 'Jobcenter København Centrum', code: 'CENT', weight: 9, speed: 1, caseworkers: { first: 31, count: 3 },
      overrides: [{ from: 'Jobordre oprettet', to: 'Kandidater sendt', factor: 12 }],
    },
  ],
  deadlines: [
    {
      id: 'rekruttering-kandidater-10d', process: 'rekruttering', from: 'Anmodning modtaget', to: 'Kandidater sendt',
      days: 10, setsFrist: true,
      text: 'Virksomheden skal have kandidater senest 10 dage efter anmodningen.',
      source: 'Illustrativ serviceaftale med virksomhederne',
    },
    {
      id: 'rekruttering-jobordre-3d', process: 'rekruttering', from: 'Anmodning modtaget', to: 'Jobordre oprettet',
      days: 3, setsFrist: false,
      text: 'Jobordren skal oprettes senest 3 dage efter anmodningen.',
      source: 'Illustrativ serviceaftale med virksomhederne',
    },
  ],
};
