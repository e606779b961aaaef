import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { ingestFiles } from './ingest-files';
import { LENIENT_POLICY, TINY_CSV, tempDir } from '../testing/ingest-fixtures';
import { renderColumnRoles } from './column-roles';

describe('the loader shows what it guessed', () => {
  const t = tempDir();
  afterAll(() => t.remove());

  it('ingestFiles(tiny csv) reports and stores the role, pseudonymisation and dropping of every column', async () => {
    const store = openDatabase(':memory:');
    const r = await ingestFiles(store, { files: [t.write('tiny.csv', TINY_CSV)], log: 'tiny', policy: LENIENT_POLICY });
    expect(r.columns).toEqual({
      guessed: true,
      roles: { case: 'Sags-id', activity: 'Aktivitet', timestamp: 'Tidspunkt', resource: 'Sagsbehandler', jobcenter: 'Jobcenter' },
      pseudonymised: ['Sags-id', 'Sagsbehandler', 'CPR', 'Borger'],
      kept: ['Proces', 'Note'],
      dropped: [],
    });
    expect(renderColumnRoles(r.columns!)).toEqual([
      '  columns    case "Sags-id", activity "Aktivitet", timestamp "Tidspunkt", resource "Sagsbehandler", jobcenter "Jobcenter" (guessed from the header)',
      '             pseudonymised "Sags-id", "Sagsbehandler", "CPR", "Borger"; kept "Proces", "Note"; dropped -',
    ]);
    const stored = store.sqlite.prepare('SELECT columns FROM loads WHERE id = ?').pluck().get(r.loadId) as string;
    expect(JSON.parse(stored)).toEqual(r.columns);
    store.close();
  });

  it('a mapping that lists attributes drops the other columns and says so', async () => {
    const store = openDatabase(':memory:');
    const mapping = { case: 'Sags-id', activity: 'Aktivitet', timestamp: 'Tidspunkt', attributes: ['Proces'] };
    const r = await ingestFiles(store, { files: [t.write('tiny2.csv', TINY_CSV)], log: 'tiny', mapping, policy: LENIENT_POLICY });
    expect(r.columns).toMatchObject({
      guessed: false,
      pseudonymised: ['Sags-id'],
      kept: ['Proces'],
      dropped: ['CPR', 'Borger', 'Jobcenter', 'Sagsbehandler', 'Note'],
    });
    store.close();
  });
});
