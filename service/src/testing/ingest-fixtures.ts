import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A tiny extract with known answers: 10 records, 7 accepted (3 cases), 1 exact duplicate,
 * 2 quarantined (a bad timestamp, a missing case id). S-2 starts 31 Jan 23:30 Copenhagen
 * time, so its period is 2024-01 although it is February in no time zone east of it.
 */
export const TINY_CSV =
  [
    'Sags-id,CPR,Borger,Proces,Jobcenter,Aktivitet,Tidspunkt,Sagsbehandler,Note',
    'S-1,010203-1234,Anna Jensen,Placering af dagpengemodtagere,Nord,Tilmelding,2024-01-10T09:00:00+01:00,Hans Hansen,ring 050607-8901',
    'S-1,010203-1234,Anna Jensen,Placering af dagpengemodtagere,Nord,CV registreret,2024-01-11T09:00:00+01:00,Hans Hansen,',
    'S-1,010203-1234,Anna Jensen,Placering af dagpengemodtagere,Nord,Afmeldt,2024-01-15T09:00:00+01:00,Hans Hansen,',
    'S-2,020304-2345,Bo Berg,Placering af dagpengemodtagere,Syd,Tilmelding,2024-01-31T23:30:00+01:00,Grete Ib,',
    'S-2,020304-2345,Bo Berg,Placering af dagpengemodtagere,Syd,Afmeldt,2024-02-01T00:30:00+01:00,Grete Ib,',
    'S-3,030405-3456,Carl Dam,Placering af dagpengemodtagere,Nord,Tilmelding,2024-02-05T09:00:00+01:00,Hans Hansen,',
    'S-3,030405-3456,Carl Dam,Placering af dagpengemodtagere,Nord,Tilmelding,2024-02-06T09:00:00+01:00,Hans Hansen,',
    'S-3,030405-3456,Carl Dam,Placering af dagpengemodtagere,Nord,Tilmelding,2024-02-06T09:00:00+01:00,Hans Hansen,',
    'S-4,040506-4567,Dorte Ek,Placering af dagpengemodtagere,Nord,Tilmelding,not-a-date,Hans Hansen,',
    ',050607-5678,Eva Fog,Placering af dagpengemodtagere,Nord,Tilmelding,2024-02-07T09:00:00+01:00,Hans Hansen,',
  ].join('\n') + '\n';

/** Clear values that must never reach the database file. */
export const TINY_SECRETS = [
  '010203-1234',
  '0102031234',
  '050607-8901',
  'Anna Jensen',
  'Hans Hansen',
  'Dorte Ek',
  'S-4',
  '050607-5678',
  'Eva Fog',
];

/** A temp folder with helpers to write files and remove it. */
export function tempDir(prefix = 'sagsflow-ingest-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    path: (name: string) => join(dir, name),
    write(name: string, text: string): string {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A load policy that refuses nothing: the tiny extracts above quarantine 20% of their rows on purpose. */
export const LENIENT_POLICY = { maxQuarantineShare: 1, maxCaseDrop: 1 };
