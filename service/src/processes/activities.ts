import type { ProcessName } from './types';

/**
 * The activity names of the pilot processes (domain-rules.md § 4), with the closing
 * activities. The rule catalogues in `processes/<name>/rules.yaml` name the same activities.
 */
export const PROCESS_ACTIVITIES: Readonly<Record<ProcessName, { activities: readonly string[]; endActivities: readonly string[] }>> = {
  akademiker: {
    activities: [
      'Tilmeldt som jobsøgende',
      'CV registreret',
      'Jobsamtale afholdt (a-kasse)',
      'Min Plan udarbejdet',
      'Kontaktforløb overgået til jobcenter',
      'Indkaldelse til jobsamtale',
      'Jobsamtale ombooket',
      'Udeblevet fra jobsamtale',
      'Underretning til a-kasse',
      'Jobsamtale afholdt (jobcenter)',
      'Min Plan opdateret',
      'Tilbud bevilget',
      'Virksomhedspraktik påbegyndt',
      'Virksomhedspraktik afsluttet',
      'Løntilskud påbegyndt',
      'Løntilskud afsluttet',
      'Opkvalificering påbegyndt',
      'Opkvalificering afsluttet',
      'Henvisning til job',
      'Jobsamtale afholdt (jobcenter og a-kasse)',
      'Afmeldt som jobsøgende',
    ],
    endActivities: ['Afmeldt som jobsøgende'],
  },
  dagpenge: {
    activities: [
      'Placeringsbehov aftalt i jobsamtale',
      'Virksomhed fundet',
      'Aftale om virksomhedspraktik/løntilskud oprettet',
      'Ansøgning returneret',
      'Udtalelse fra medarbejderrepræsentant modtaget',
      'Min Plan opdateret med tilbud',
      'Tilbud bevilget',
      'Tilbud påbegyndt',
      'Opfølgningssamtale',
      'Forlængelse bevilget',
      'Tilbud afbrudt',
      'Tilbud afsluttet',
      'Ansættelse registreret',
      'Fortsat ledig',
    ],
    endActivities: ['Ansættelse registreret', 'Fortsat ledig'],
  },
  rekruttering: {
    activities: [
      'Rekrutteringsanmodning modtaget',
      'Virksomhed kontaktet',
      'Jobordre oprettet',
      'Stilling opslået på Jobnet',
      'Kandidatsøgning',
      'Kandidat screenet',
      'Kandidat formidlet',
      'Tilbagemelding fra virksomhed',
      'Jobsamtale hos virksomhed',
      'Jobordre ændret',
      'Ansættelse registreret',
      'Jobordre lukket – besat med formidlet kandidat',
      'Jobordre lukket – besat af anden kandidat',
      'Jobordre lukket – annulleret',
      'Jobordre lukket – udløbet',
    ],
    endActivities: [
      'Jobordre lukket – besat med formidlet kandidat',
      'Jobordre lukket – besat af anden kandidat',
      'Jobordre lukket – annulleret',
      'Jobordre lukket – udløbet',
    ],
  },
};
