import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { applyRetention } from '../governance/retention';
import { setRetention } from '../governance/retention-period';
import { ingestFiles } from '../ingest/index';
import { LENIENT_POLICY, tempDir } from '../testing/ingest-fixtures';
import { rollbackVersion } from './index';

const HEADER = 'Sags-id,Aktivitet,Tidspunkt,Jobcenter';

describe('retention reaches the kept earlier versions', () => {
  const tmp = tempDir('sagsflow-versions-retention-');
  afterAll(() => tmp.remove());

  it('a case past its retention that is only in an earlier version is removed there, so a rollback cannot bring it back', async () => {
    const store = openDatabase(tmp.path('r.sqlite'));
    const v1 = [
      HEADER,
      'OLD,Tilmelding,2018-01-02 09:00,Nord',
      'OLD,Afmeldt,2018-02-02 09:00,Nord',
      'NEW,Tilmelding,2023-01-02 09:00,Nord',
    ];
    const v2 = [HEADER, 'NEW,Tilmelding,2023-01-02 09:00,Nord', 'NEW,Afmeldt,2023-03-02 09:00,Nord'];
    await ingestFiles(store, { files: [tmp.write('v1.csv', `${v1.join('\n')}\n`)], log: 'dp', policy: LENIENT_POLICY });
    await ingestFiles(store, { files: [tmp.write('v2.csv', `${v2.join('\n')}\n`)], log: 'dp', policy: LENIENT_POLICY });
    setRetention(store, 'dp', 5);
    const [outcome] = applyRetention(store, { now: new Date('2024-06-01T12:00:00Z') });
    expect(outcome).toMatchObject({ log: 'dp', cases: 1 });
    expect(outcome!.rows).toMatchObject({ version_events: 2, version_cases: 1, events: 0 });
    expect(rollbackVersion(store.sqlite, 'dp', 1)).toMatchObject({ cases: 1, events: 1 });
    store.close();
  });
});
