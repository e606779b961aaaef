import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The architecture rules of the repository, one table (README "Layout"): `service` → `shared` ←
 * `visual`, the mining core without I/O, all SQL in `service/src/db/`, the sample generator only
 * in tests, benches and the commands that generate samples. Each rule names the files it applies
 * to, what they may not contain, and why.
 */

const ROOT = resolve(import.meta.dirname, '../..');

/** Test code: test files, test helper folders and fixtures (rules apply to production code only). */
const TEST_CODE = /\.test\.ts$|\/testing\/|\/test\/|\/test-fixture[^/]*\.ts$|\/test-helpers\.ts$|\/test-fixtures\.ts$/;

/** One import of a file: its specifier and, for a relative one, the repository path it resolves to. */
interface Import {
  spec: string;
  target: string | null;
}

interface Rule {
  /** Files the rule applies to (repository paths, production code only). */
  from: RegExp;
  /** Files under `from` the rule does not apply to, with why in `reason`. */
  except?: RegExp;
  /** A forbidden import: true when `imp` breaks the rule. */
  forbidImport?: (imp: Import) => boolean;
  /** Forbidden text in the file (code, not imports). */
  forbidText?: RegExp;
  reason: string;
}

const into = (folder: string) => (imp: Import) => imp.target !== null && (imp.target === folder || imp.target.startsWith(`${folder}/`));

/** SQL written out: prepared statements, drizzle's `sql` template, raw SQL, pragmas and statement text. */
const SQL_TEXT =
  /\.prepare\(|\bsql`|\bsql\.(raw|join)\(|\.exec\(\s*['"`]|\.pragma\(|['"`]\s*(SELECT|INSERT INTO|INSERT OR|UPDATE\s+\S+\s+SET|DELETE FROM|CREATE (TABLE|INDEX|VIEW)|DROP (TABLE|INDEX)|WITH\s+\w+\s+AS)\b/;

/** What db/ may import besides its own files: the mining core, node built-ins, the SQL libraries and zod. */
const DB_PACKAGES = /^(@sagsflow\/shared(\/.*)?|node:.*|drizzle-orm(\/.*)?|better-sqlite3|zod)$/;

const VISUAL_PACKAGES = new Set([
  '@sagsflow/shared',
  'powerbi-visuals-api',
  'powerbi-visuals-utils-formattingmodel',
  'd3-selection',
  'd3-zoom',
  'd3-shape',
  '@dagrejs/dagre',
]);

export const RULES: Rule[] = [
  {
    from: /^shared\/src\//,
    forbidImport: (imp) =>
      imp.target === null
        ? true
        : !imp.target.startsWith('shared/src/') ||
          /^(node:)?(fs|path|http|https|net|os|child_process|worker_threads|zlib|crypto)$/.test(imp.spec),
    reason: 'the mining core has no I/O and no dependencies: only its own modules',
  },
  {
    from: /^shared\/src\//,
    forbidText: /Date\.now\(|new Date\(\)/,
    reason: 'the mining core has no clock: callers pass times in',
  },
  {
    from: /^service\//,
    forbidImport: (imp) => into('visual')(imp) || imp.spec.startsWith('@sagsflow/visual'),
    reason: 'service and visual never import each other (they share only @sagsflow/shared)',
  },
  {
    from: /^visual\/src\//,
    forbidImport: (imp) => (imp.target === null ? !VISUAL_PACKAGES.has(imp.spec) : !imp.target.startsWith('visual/')),
    reason: 'the visual reaches outside visual/ only through @sagsflow/shared and the packages its bundle is meant to carry',
  },
  {
    from: /^service\/src\//,
    except: /^service\/src\/db\//,
    forbidText: SQL_TEXT,
    reason: 'all SQL lives in service/src/db/ (named query functions, drizzle query builder, one SqlFragment type)',
  },
  {
    from: /^service\/src\/db\//,
    forbidImport: (imp) => (imp.target === null ? !DB_PACKAGES.test(imp.spec) : !imp.target.startsWith('service/src/db/')),
    reason: 'db/ is the SQL layer only: it imports no feature folder (shared row types live in db/), so features build on it, never around',
  },
  {
    from: /^service\/src\//,
    except: /^service\/src\/(db\/|http\/model\/table-info\.ts$)/,
    forbidImport: (imp) => /^drizzle-orm(\/|$)/.test(imp.spec),
    reason:
      'queries are built in service/src/db/ only (query builder, `sql`, operators); table-info.ts only reads table configs for metadata',
  },
  {
    from: /^service\/src\//,
    except: /^service\/src\/(generate\/|cli\/(generate|demo)\.ts$)/,
    forbidImport: into('service/src/generate'),
    reason: 'the sample generator is for tests, benches and the `generate`/`demo` commands; production code reads processes/ instead',
  },
];

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sources(path);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [path] : [];
  });
}

function importsOf(file: string, text: string): Import[] {
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.(ts|js|mjs)$/, '') : null;
    return { spec, target };
  });
}

/** Every breach of the rules, as "file: what (reason)". */
function breaches(): string[] {
  const files = [...sources('shared/src'), ...sources('service'), ...sources('visual/src')].filter((f) => !TEST_CODE.test(`/${f}`));
  const out: string[] = [];
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const rule of RULES) {
      if (!rule.from.test(file) || rule.except?.test(file)) continue;
      if (rule.forbidImport) {
        for (const imp of importsOf(file, text)) if (rule.forbidImport(imp)) out.push(`${file}: imports ${imp.spec} (${rule.reason})`);
      }
      const code = text.replace(IMPORT, '');
      const hit = rule.forbidText ? code.split('\n').findIndex((line) => rule.forbidText!.test(line)) : -1;
      if (hit >= 0) out.push(`${file}:${hit + 1}: ${code.split('\n')[hit]!.trim().slice(0, 80)} (${rule.reason})`);
    }
  }
  return out;
}

describe('architecture rules', () => {
  it('hold for every production file', () => {
    expect(sources('service/src').length).toBeGreaterThan(100);
    expect(breaches()).toEqual([]);
  });

  it('catch a breach of each kind', () => {
    const sql = RULES.find((r) => r.forbidText === SQL_TEXT)!;
    expect(sql.forbidText!.test("sqlite.prepare('SELECT 1')")).toBe(true);
    expect(sql.forbidText!.test('const q = sql`SELECT ${x}`;')).toBe(true);
    expect(sql.forbidText!.test("const s = 'DELETE FROM steps';")).toBe(true);
    expect(sql.forbidText!.test('const regex = /x/.exec(text);')).toBe(false);
    const db = RULES.find((r) => r.from.source === '^service\\/src\\/db\\/')!;
    expect(db.forbidImport!({ spec: '../precompute/index', target: 'service/src/precompute/index' })).toBe(true);
    expect(db.forbidImport!({ spec: 'hono', target: null })).toBe(true);
    expect(db.forbidImport!({ spec: './sql/fragment', target: 'service/src/db/sql/fragment' })).toBe(false);
    expect(db.forbidImport!({ spec: 'drizzle-orm/sqlite-core', target: null })).toBe(false);
    const drizzle = RULES.find((r) => r.reason.startsWith('queries are built'))!;
    expect(drizzle.forbidImport!({ spec: 'drizzle-orm/sqlite-core', target: null })).toBe(true);
    expect(drizzle.forbidImport!({ spec: '../../db/log-list-queries', target: 'service/src/db/log-list-queries' })).toBe(false);
    const generate = RULES.at(-1)!;
    expect(generate.forbidImport!({ spec: '../generate/index', target: 'service/src/generate/index' })).toBe(true);
    expect(generate.forbidImport!({ spec: './generate', target: 'service/src/cli/generate' })).toBe(false);
  });
});
