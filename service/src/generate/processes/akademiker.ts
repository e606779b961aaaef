import type { ProcessDefinition } from './types';

/**
 * The course of unemployed academics (akademikerområdet).
 * ILLUSTRATIVE activity list, probabilities and timings (working days), not measured:
 * an enquiry, a clarifying interview (deadline 21 days), a job plan, optionally a
 * skills assessment or a mentor, job-search courses with repeated follow-up
 * interviews (a rework loop), and a job or an education before the case is closed.
 * Syd is slower; Vest often goes straight from the interview to job search.
 */
export const AKADEMIKER: ProcessDefinition = {
  key: 'akademiker',
  label: 'Akademikerområdet',
  idPrefix: 'AKA',
  subject: 'citizen',
  ages: [23, 62],
  start: 'Henvendelse',
  activities: {
    Henvendelse: {
      actor: { kind: 'system', name: 'JOBNET' },
      next: [
        { to: 'Afklaringssamtale', weight: 0.9, days: [3, 8, 18] },
        { to: 'Jobplan udarbejdet', weight: 0.05, days: [5, 10, 20] },
        { to: 'Sag afsluttet', weight: 0.05, days: [2, 10, 30] },
      ],
    },
    Afklaringssamtale: {
      next: [
        { to: 'Jobplan udarbejdet', weight: 0.78, days: [2, 6, 15] },
        { to: 'Kompetenceafklaring', weight: 0.12, days: [3, 8, 20] },
        { to: 'Jobsøgningsforløb', weight: 0.05, days: [3, 8, 20] },
        { to: 'Sag afsluttet', weight: 0.05, days: [5, 15, 40] },
      ],
    },
    'Jobplan udarbejdet': {
      next: [
        { to: 'Jobsøgningsforløb', weight: 0.65, days: [3, 8, 20] },
        { to: 'Kompetenceafklaring', weight: 0.2, days: [3, 8, 20] },
        { to: 'Mentorforløb', weight: 0.15, days: [5, 10, 25] },
      ],
    },
    Kompetenceafklaring: {
      next: [
        { to: 'Jobsøgningsforløb', weight: 0.6, days: [10, 20, 40], external: true },
        { to: 'Mentorforløb', weight: 0.25, days: [10, 20, 40], external: true },
        { to: 'Uddannelse påbegyndt', weight: 0.15, days: [20, 40, 80], external: true },
      ],
    },
    Jobsøgningsforløb: {
      next: [
        { to: 'Opfølgningssamtale', weight: 0.8, days: [15, 22, 35] },
        { to: 'Job fundet', weight: 0.2, days: [10, 30, 60], external: true },
      ],
    },
    Mentorforløb: {
      maxVisits: 2,
      next: [
        { to: 'Opfølgningssamtale', weight: 0.85, days: [10, 20, 30] },
        { to: 'Job fundet', weight: 0.15, days: [15, 30, 60], external: true },
      ],
    },
    Opfølgningssamtale: {
      maxVisits: 8,
      next: [
        { to: 'Opfølgningssamtale', weight: 0.4, days: [15, 22, 35] },
        { to: 'Job fundet', weight: 0.35, days: [5, 20, 50], external: true },
        { to: 'Uddannelse påbegyndt', weight: 0.1, days: [10, 30, 60], external: true },
        { to: 'Mentorforløb', weight: 0.1, days: [5, 10, 20] },
        { to: 'Sag afsluttet', weight: 0.04, days: [5, 10, 20] },
      ],
    },
    'Job fundet': { next: [{ to: 'Sag afsluttet', weight: 0.97, days: [0, 2, 8] }] },
    'Uddannelse påbegyndt': { next: [{ to: 'Sag afsluttet', weight: 0.97, days: [0, 3, 10] }] },
    'Sag afsluttet': { next: [] },
  },
  endActivities: ['Sag afsluttet'],
  jobcenters: [
    { name: 'Jobcenter København Nord', code: 'NORD', weight: 22, speed: 1, caseworkers: { first: 21, count: 8 } },
    { name: 'Jobcenter København Syd', code: 'SYD', weight: 18, speed: 1.3, caseworkers: { first: 21, count: 7 } },
    {
      name: 'Jobcenter København Vest', code: 'VEST', weight: 18, speed: 0.95, caseworkers: { first: 21, count: 7 },
      overrides: [{ from: 'Afklaringssamtale', to: 'Jobsøgningsforløb', factor: 6 }],
    },
    { name: 'Jobcenter København Amager', code: 'AMAG', weight: 17, speed: 1, caseworkers: { first: 21, count: 6 } },
    { name: 'Jobcenter København Centrum', code: 'CENT', weight: 25, speed: 0.9, caseworkers: { first: 21, count: 9 } },
  ],
  deadlines: [
    {
      id: 'akademiker-afklaring-21d', process: 'akademiker', from: 'Henvendelse', to: 'Afklaringssamtale',
      days: 21, setsFrist: true,
      text: 'Afklaringssamtalen skal holdes senest 21 dage efter henvendelsen.',
      source: 'Illustrativ lokal aftale i akademikerområdet',
    },
    {
      id: 'akademiker-jobplan-42d', process: 'akademiker', from: 'Henvendelse', to: 'Jobplan udarbejdet',
      days: 42, setsFrist: false,
      text: 'Jobplanen skal være udarbejdet senest 6 uger efter henvendelsen.',
      source: 'Illustrativ lokal aftale i akademikerområdet',
    },
  ],
};
