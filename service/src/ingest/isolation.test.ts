import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { readLog, type ReadOptions } from '../readers/index';
import { ingestFiles } from './ingest-files';
import { TINY_CSV, tempDir, LENIENT_POLICY } from '../testing/ingest-fixtures';

describe('readers on another connection during a load', () => {
  const t = tempDir();
  afterAll(() => t.remove());

  it('see the previous version until the load commits, then the new one', async () => {
    const dbPath = t.path('iso.sqlite');
    const writer = openDatabase(dbPath);
    const reader = openDatabase(dbPath);
    const v1 = await ingestFiles(writer, { files: [t.write('a.csv', TINY_CSV)], log: 'iso', policy: LENIENT_POLICY });
    const look = () =>
      reader.sqlite
        .prepare(
          "SELECT (SELECT current_version FROM logs WHERE name = 'iso') v, (SELECT count(*) FROM events) e, (SELECT count(*) FROM cases) c",
        )
        .get();
    const seenDuringLoad: unknown[] = [];
    const more = TINY_CSV + 'S-9,090909-9999,Ny Borger,Placering af dagpengemodtagere,Syd,Tilmelding,2024-03-01T09:00:00+01:00,Grete Ib,\n';
    const v2 = await ingestFiles(writer, {
      files: [t.write('b.csv', more)],
      log: 'iso',
      policy: LENIENT_POLICY,
      readLog: async (file: string, options: ReadOptions) => {
        const report = await readLog(file, options);
        seenDuringLoad.push(look());
        return report;
      },
    });
    expect(seenDuringLoad).toEqual([{ v: 1, e: v1.events, c: v1.cases }]);
    expect(look()).toEqual({ v: 2, e: v2.events, c: v2.cases });
    expect(v2.cases).toBe(v1.cases + 1);
    writer.close();
    reader.close();
  });
});
