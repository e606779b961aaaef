import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { contentHash, contentHashInWorker, loadHashesInWorker } from './content-hash';
import { fileDigests } from '../governance/lineage';
import { tempDir } from '../testing/ingest-fixtures';

describe('contentHash', () => {
  const t = tempDir();
  afterAll(() => t.remove());

  it('contentHash is sha256 over the file bytes, a separator per file, and the extra JSON', async () => {
    const a = t.write('a.csv', 'x,y\n1,2\n');
    const expected = createHash('sha256').update('x,y\n1,2\n').update('\u0000file-end\u0000').update('{"process":null}').digest('hex');
    expect(await contentHash([a], { process: null })).toBe(expected);
  });

  it('contentHashInWorker gives the same hash; another extra or file order gives another', async () => {
    const a = t.write('a.csv', 'x,y\n1,2\n');
    const b = t.write('b.csv', 'x,y\n3,4\n');
    const h = await contentHash([a, b], { m: 1 });
    expect(await contentHashInWorker([a, b], { m: 1 })).toBe(h);
    expect(await contentHash([b, a], { m: 1 })).not.toBe(h);
    expect(await contentHash([a, b], { m: 2 })).not.toBe(h);
  });

  it('contentHashInWorker rejects for a missing file', async () => {
    await expect(contentHashInWorker([t.path('missing.csv')], null)).rejects.toThrow(/content hash failed/);
  });

  it('loadHashesInWorker gives the content hash and the same file digests as fileDigests, from one read', async () => {
    const a = t.write('a.csv', 'x,y\n1,2\n');
    const b = t.write('b.csv', 'x,y\n3,4,5\n');
    const hashes = loadHashesInWorker([a, b], { m: 1 });
    expect(await hashes.content).toBe(await contentHash([a, b], { m: 1 }));
    expect(await hashes.files).toEqual(await fileDigests([a, b]));
    expect((await hashes.files).map((f) => f.bytes)).toEqual([8, 10]);
  });

  it('loadHashesInWorker hashes one, three and no files as contentHash does (the first file is hashed once, its digest copied)', async () => {
    const a = t.write('a.csv', 'x,y\n1,2\n');
    const b = t.write('b.csv', 'x,y\n3,4,5\n');
    const c = t.write('c.csv', '');
    for (const files of [[a], [b, c, a], [c], []]) {
      const hashes = loadHashesInWorker(files, { m: files.length });
      expect(await hashes.content).toBe(await contentHash(files, { m: files.length }));
      expect(await hashes.files).toEqual(await fileDigests(files));
    }
  });

  it('loadHashesInWorker rejects both for a missing file, naming what failed', async () => {
    const hashes = loadHashesInWorker([t.path('missing.csv')], null);
    await expect(hashes.content).rejects.toThrow(/content hash failed/);
    await expect(hashes.files).rejects.toThrow(/file digests failed/);
  });
});
