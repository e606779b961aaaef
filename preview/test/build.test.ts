import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { build, ensureBuilt, staleReason } from '../build.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'sagsflow-preview-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('preview build', () => {
  test('staleReason of an empty folder is "no build yet"', () => {
    expect(staleReason(mkdtempSync(join(tmpdir(), 'sagsflow-preview-empty-')))).toBe('no build yet');
  });

  test('build writes host.js (the bundled host) and page.html (the template), and then nothing is stale', async () => {
    const built = await build({ outDir });
    expect(built.inputs).toBeGreaterThan(10);
    expect(readFileSync(join(outDir, 'host.js'), 'utf8')).toContain('fetchMoreData');
    const page = readFileSync(join(outDir, 'page.html'), 'utf8');
    expect(page).toContain('<script type="module" src="{{basePath}}/host.js">');
    expect(page).toContain('{{config}}');
    expect(staleReason(outDir)).toBeNull();
    expect(await ensureBuilt({ outDir })).toBeNull();
  });

  test('a changed source makes the bundle stale, and ensureBuilt rebuilds it', async () => {
    await build({ outDir });
    const stampPath = join(outDir, 'build-stamp.json');
    const stamp = JSON.parse(readFileSync(stampPath, 'utf8')) as { inputs: Record<string, [number, number]> };
    expect(Object.keys(stamp.inputs)).toContain('preview/src/host/main.ts');
    stamp.inputs['preview/src/host/main.ts']![0] -= 1000;
    writeFileSync(stampPath, JSON.stringify(stamp));
    expect(staleReason(outDir)).toBe('preview/src/host/main.ts changed');
    expect(await ensureBuilt({ outDir })).toBe('preview/src/host/main.ts changed');
    expect(staleReason(outDir)).toBeNull();
  });

  test('a missing output makes the bundle stale', async () => {
    await build({ outDir });
    rmSync(join(outDir, 'host.js'));
    expect(staleReason(outDir)).toBe('host.js is missing');
  });
});
