import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const VISUAL = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(VISUAL, '..');
const SHARED_ENTRY = join(ROOT, 'shared/src/index');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sources(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g;

describe('visual/src imports', () => {
  const files = sources(join(VISUAL, 'src'));

  it('reach outside visual/ only through the @sagsflow/shared package, never into service/', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = match[1] ?? match[2]!;
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(VISUAL + '/') && target !== SHARED_ENTRY) bad.push(`${relative(ROOT, file)} -> ${spec}`);
      }
    }
    expect(files.length).toBeGreaterThan(20);
    expect(bad).toEqual([]);
  });

  it('use only the packages the bundle is meant to carry', () => {
    const allowed = new Set([
      '@sagsflow/shared',
      'powerbi-visuals-api',
      'powerbi-visuals-utils-formattingmodel',
      'd3-selection',
      'd3-zoom',
      'd3-shape',
      '@dagrejs/dagre',
    ]);
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = match[1] ?? match[2]!;
        if (!spec.startsWith('.')) used.add(spec);
      }
    }
    expect([...used].filter((spec) => !allowed.has(spec))).toEqual([]);
  });
});
