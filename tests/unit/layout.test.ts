import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const IMPORT = /(?:from\s+|import\s*\(\s*|require\(\s*)['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]!);
}

function violations(folder: string, isBad: (spec: string, file: string) => boolean): string[] {
  return sourceFiles(join(ROOT, folder))
    .filter((f) => !/\.test\.ts$/.test(f) && !f.includes(`${folder}/test/`) && !f.includes('/testing/'))
    .flatMap((f) =>
      importsOf(f)
        .filter((s) => isBad(s, f))
        .map((s) => `${relative(ROOT, f)} imports ${s}`),
    );
}

const resolvesInto = (spec: string, file: string, folder: string) =>
  spec.startsWith('.') && relative(ROOT, resolve(file, '..', spec)).startsWith(`${folder}/`);

describe('layout rules (README "Layout": service -> shared <- visual)', () => {
  it('shared/src imports nothing with I/O, UI or storage', () => {
    const banned =
      /^(node:)?(fs|path|http|https|net|os|child_process|worker_threads|zlib|crypto)$|^(better-sqlite3|drizzle-orm|hono|@hono\/|d3-|powerbi-visuals)/;
    expect(violations('shared/src', (s) => banned.test(s) || (!s.startsWith('.') && !s.startsWith('../')))).toEqual([]);
  });

  it('service never imports visual, and visual never imports service', () => {
    expect(violations('service', (s, f) => resolvesInto(s, f, 'visual'))).toEqual([]);
    expect(violations('visual/src', (s, f) => resolvesInto(s, f, 'service'))).toEqual([]);
  });

  it('shared never imports service or visual', () => {
    expect(violations('shared/src', (s, f) => resolvesInto(s, f, 'service') || resolvesInto(s, f, 'visual'))).toEqual([]);
  });
});
