import { PROCESS_CATALOGUE } from '../../processes/index';
import type { ProcessDefinition } from './types';

const JOBNET = { kind: 'system', name: 'JOBNET' } as const;
const AKASSE = { kind: 'system', name: 'A-KASSE' } as const;
const CALL = 'Indkaldelse til jobsamtale';
const OUT = 'Afmeldt som jobsøgende';

/**
 * The course of unemployed academics (akademikerområdet), one case per ledighedsforløb,
 * after domain-rules.md § 4.1. ILLUSTRATIVE probabilities and timings (working days),
 * not measured: registration and CV on Jobnet, the a-kasse's first interviews and Min
 * Plan, the handover to the jobcenter, invitations (rebooked, or a no-show reported to
 * the a-kasse) and jobcenter interviews, an offer (praktik, løntilskud or
 * opkvalificering), referrals, and deregistration. Syd is slower; Vest goes from the
 * first jobcenter interview to an offer more often.
 */
export const AKADEMIKER: ProcessDefinition = {
  key: 'akademiker',
  label: PROCESS_CATALOGUE.akademiker.label.da,
  idPrefix: 'AKA',
  subject: 'citizen',
  ages: [23, 62],
  start: 'Tilmeldt som jobsøgende',
  activities: {
    'Tilmeldt som jobsøgende': {
      actor: JOBNET,
      next: [
        { to: 'CV registreret', weight: 0.991, days: [0, 3, 9] },
        { to: 'Jobsamtale afholdt (a-kasse)', weight: 0.004, days: [3, 7, 12] },
      ],
    },
    'CV registreret': { actor: JOBNET, next: [{ to: 'Jobsamtale afholdt (a-kasse)', weight: 0.98, days: [1, 4, 9] }] },
    'Jobsamtale afholdt (a-kasse)': {
      actor: AKASSE,
      maxVisits: 3,
      next: [
        { to: 'Min Plan udarbejdet', weight: 0.6, days: [0, 0.05, 0.3] },
        { to: 'Jobsamtale afholdt (a-kasse)', weight: 0.25, days: [15, 22, 30], external: true },
        { to: 'Kontaktforløb overgået til jobcenter', weight: 0.1, days: [15, 25, 35], external: true },
        { to: OUT, weight: 0.05, days: [5, 15, 30], external: true },
      ],
    },
    'Min Plan udarbejdet': {
      actor: AKASSE,
      next: [
        { to: 'Jobsamtale afholdt (a-kasse)', weight: 0.8, days: [15, 22, 30], external: true },
        { to: 'Kontaktforløb overgået til jobcenter', weight: 0.12, days: [30, 45, 60], external: true },
        { to: OUT, weight: 0.07, days: [5, 20, 40], external: true },
      ],
    },
    'Kontaktforløb overgået til jobcenter': { actor: AKASSE, next: [{ to: CALL, weight: 0.97, days: [0, 3, 10] }] },
    [CALL]: {
      maxVisits: 10,
      next: [
        { to: 'Jobsamtale afholdt (jobcenter)', weight: 0.8, days: [3, 7, 12] },
        { to: 'Jobsamtale ombooket', weight: 0.1, days: [1, 3, 6] },
        { to: 'Udeblevet fra jobsamtale', weight: 0.07, days: [3, 7, 12] },
        { to: OUT, weight: 0.02, days: [2, 6, 12], external: true },
      ],
    },
    'Jobsamtale ombooket': { maxVisits: 3, next: [{ to: CALL, weight: 0.98, days: [0, 0.5, 2] }] },
    'Udeblevet fra jobsamtale': { maxVisits: 2, next: [{ to: 'Underretning til a-kasse', weight: 0.97, days: [0, 1, 2] }] },
    'Underretning til a-kasse': {
      maxVisits: 2,
      next: [
        { to: CALL, weight: 0.85, days: [2, 5, 10] },
        { to: OUT, weight: 0.13, days: [2, 8, 15], external: true },
      ],
    },
    'Jobsamtale afholdt (jobcenter)': {
      maxVisits: 6,
      next: [
        { to: 'Min Plan opdateret', weight: 0.45, days: [0, 0.05, 0.5] },
        { to: CALL, weight: 0.3, days: [8, 15, 22] },
        { to: 'Tilbud bevilget', weight: 0.1, days: [4, 8, 15] },
        { to: 'Henvisning til job', weight: 0.06, days: [1, 5, 12] },
        { to: 'Jobsamtale afholdt (jobcenter og a-kasse)', weight: 0.02, days: [15, 25, 40] },
        { to: OUT, weight: 0.06, days: [5, 15, 30], external: true },
      ],
    },
    'Min Plan opdateret': {
      maxVisits: 4,
      next: [
        { to: CALL, weight: 0.55, days: [8, 15, 22] },
        { to: 'Tilbud bevilget', weight: 0.35, days: [3, 8, 15] },
        { to: OUT, weight: 0.08, days: [5, 15, 30], external: true },
      ],
    },
    'Tilbud bevilget': {
      maxVisits: 2,
      next: [
        { to: 'Virksomhedspraktik påbegyndt', weight: 0.5, days: [2, 5, 10] },
        { to: 'Løntilskud påbegyndt', weight: 0.25, days: [3, 8, 15] },
        { to: 'Opkvalificering påbegyndt', weight: 0.23, days: [3, 8, 15] },
      ],
    },
    'Virksomhedspraktik påbegyndt': {
      maxVisits: 2,
      next: [{ to: 'Virksomhedspraktik afsluttet', weight: 0.99, days: [12, 19, 24], external: true }],
    },
    'Virksomhedspraktik afsluttet': {
      maxVisits: 2,
      next: [
        { to: CALL, weight: 0.5, days: [3, 8, 15] },
        { to: OUT, weight: 0.48, days: [0, 3, 10], external: true },
      ],
    },
    'Løntilskud påbegyndt': { next: [{ to: 'Løntilskud afsluttet', weight: 0.98, days: [40, 100, 125], external: true }] },
    'Løntilskud afsluttet': {
      next: [
        { to: OUT, weight: 0.6, days: [0, 3, 10], external: true },
        { to: CALL, weight: 0.38, days: [3, 8, 15] },
      ],
    },
    'Opkvalificering påbegyndt': {
      maxVisits: 2,
      next: [{ to: 'Opkvalificering afsluttet', weight: 0.98, days: [5, 15, 30], external: true }],
    },
    'Opkvalificering afsluttet': {
      maxVisits: 2,
      next: [
        { to: CALL, weight: 0.62, days: [3, 8, 15] },
        { to: OUT, weight: 0.36, days: [5, 15, 30], external: true },
      ],
    },
    'Henvisning til job': {
      maxVisits: 2,
      next: [
        { to: OUT, weight: 0.4, days: [5, 15, 30], external: true },
        { to: CALL, weight: 0.55, days: [5, 10, 20] },
      ],
    },
    'Jobsamtale afholdt (jobcenter og a-kasse)': {
      next: [
        { to: CALL, weight: 0.6, days: [8, 15, 22] },
        { to: OUT, weight: 0.38, days: [5, 20, 40], external: true },
      ],
    },
    [OUT]: { actor: JOBNET, next: [] },
  },
  endActivities: PROCESS_CATALOGUE.akademiker.endActivities,
  jobcenters: [
    { name: 'Jobcenter København Nord', code: 'NORD', weight: 22, speed: 1, caseworkers: { first: 21, count: 8 } },
    { name: 'Jobcenter København Syd', code: 'SYD', weight: 18, speed: 1.3, caseworkers: { first: 21, count: 7 } },
    {
      name: 'Jobcenter København Vest',
      code: 'VEST',
      weight: 18,
      speed: 0.95,
      caseworkers: { first: 21, count: 7 },
      overrides: [{ from: 'Jobsamtale afholdt (jobcenter)', to: 'Tilbud bevilget', factor: 4 }],
    },
    { name: 'Jobcenter København Amager', code: 'AMAG', weight: 17, speed: 1, caseworkers: { first: 21, count: 6 } },
    { name: 'Jobcenter København Centrum', code: 'CENT', weight: 25, speed: 0.9, caseworkers: { first: 21, count: 9 } },
  ],
  deadlines: [
    {
      id: 'DP-CV-14',
      process: 'akademiker',
      from: 'Tilmeldt som jobsøgende',
      to: 'CV registreret',
      limit: { days: 14 },
      setsFrist: true,
      missRate: { NORD: 0.06, SYD: 0.18, VEST: 0.08, AMAG: 0.12, CENT: 0.05 },
      driftPerMonth: 0.004,
      text: 'CV på Jobnet senest 2 uger efter tilmelding.',
      source: 'LAB §§ 22-23; STAR, Spørgsmål og svar om CV',
    },
  ],
};
