import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/ingest-fixtures';
import { ReadError } from './errors';
import { readLog } from './read-log';

describe('gzip limits', () => {
  const t = tempDir('sagsflow-gz-');
  afterAll(() => t.remove());
  const sink = { onEvent: () => undefined, onReject: () => undefined };

  it('a .csv.gz of blank lines that unpacks far beyond its size is refused in one line, without reading it all', async () => {
    const header = 'case,activity,timestamp\n';
    const bomb = gzipSync(Buffer.concat([Buffer.from(header), Buffer.alloc(16 * 1024 * 1024, 0x0a)]));
    const file = t.path('bomb.csv.gz');
    writeFileSync(file, bomb);
    const limits = { maxUnpackedBytes: 1024 ** 3, maxRatio: 200, ratioFloorBytes: 256 * 1024 };
    const err = await readLog(file, { sink, gzipLimits: limits }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as Error).message).toMatch(
      /bomb\.csv\.gz: unpacks to more than \d+ MiB \(\d+ times its packed size; limits 1\.0 GiB and 200x\): not read/,
    );
  });

  it('the unpacked size cap holds whatever the ratio', async () => {
    const file = t.path('big.csv.gz');
    writeFileSync(file, gzipSync(Buffer.from(`case,activity,timestamp\n${'a,b,2024-01-01\n'.repeat(200_000)}`)));
    const err = await readLog(file, { sink, gzipLimits: { maxUnpackedBytes: 1024 * 1024, maxRatio: 1e9, ratioFloorBytes: 1e12 } }).catch(
      (e: unknown) => e,
    );
    expect((err as Error).message).toContain('unpacks to more than 1 MiB');
    const ok = await readLog(file, { sink });
    expect(ok.rows.read).toBe(200_000);
  });
});
