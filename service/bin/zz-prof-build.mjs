#!/usr/bin/env node
// The compiled `sagsflow` command: esbuild bundles the CLI (service/src/cli/main.ts, which
// registers every command, so a new command needs no build configuration) and every worker
// thread entry (`service/src/**/*-worker.ts`) into service/dist/cli/*.mjs. npm packages stay
// bundled too, except native addons (see EXTERNAL). Run by `npm run build` and by the `prepare`
// script at `npm install`; the `sagsflow` bin checks the build stamp at every start and
// rebuilds a stale build before running it.
//
// `import.meta.url` in a bundled source file is rewritten to that source file's own URL
// (relative to the bundle, so the checkout can move), so paths such as
// `new URL('../../drizzle', import.meta.url)` find the same files as under tsx.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SERVICE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(SERVICE, '..');
const SRC = join(SERVICE, 'src');
const OUT = join(SERVICE, 'dist', 'prof');
const STAMP = join(OUT, 'build-stamp.json');
const BUILD_INFO = join(SRC, 'runtime', 'build-info.ts');

/** Identifies this build recipe: a stamp written by another recipe (or Node major) is stale. */
function recipeId() {
  const self = readFileSync(fileURLToPath(import.meta.url));
  return createHash('sha256').update(self).update(process.versions.node.split('.')[0]).digest('hex').slice(0, 16);
}

/** The compiled CLI entry (service/dist/cli/main.mjs). */
export const CLI_ENTRY = pathToFileURL(join(OUT, 'main.mjs'));

/**
 * Why the build cannot be run as it is (missing, built by another recipe, a source changed,
 * added or removed since), or null when it is current. Costs one stat per bundled source.
 */
export function staleReason() {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return 'no build yet';
  }
  if (stamp.recipe !== recipeId()) return 'the build stamp does not match this build recipe';
  for (const out of stamp.outputs) {
    if (!existsSync(join(OUT, out))) return `${out} is missing`;
  }
  for (const [file, [mtime, size]] of Object.entries(stamp.inputs)) {
    const info = statSync(ROOT + sep + file, { throwIfNoEntry: false });
    if (info === undefined) return `${file} was removed`;
    if (info.mtimeMs !== mtime || info.size !== size) return `${file} changed`;
  }
  return null;
}

function workerEntries(dir) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...workerEntries(path));
    else if (/-worker\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

/**
 * Packages left to Node's loader: native addons and packages that locate files of their own
 * at run time. Every other package is bundled: one file loads far faster than Node resolving
 * hundreds of package modules (zod alone took 0.28 s), and `sagsflow --help` must stay under 0.15 s.
 */
const EXTERNAL = new Set(['better-sqlite3', 'esbuild', 'tsx']);

/** esbuild plugin: npm packages external, `import.meta.url` of each source file kept, the build-info module filled in. */
const sourcePlugin = {
  name: 'sagsflow-sources',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      return EXTERNAL.has(name) || args.path.startsWith('node:') ? { path: args.path, external: true } : undefined;
    });
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      if (args.path === BUILD_INFO) {
        text = text.replace(
          /export const BUILD_DIR: URL \| null = null;/,
          "export const BUILD_DIR: URL | null = new URL('./', import.meta.url);",
        );
        if (!text.includes("new URL('./', import.meta.url)")) throw new Error(`${BUILD_INFO}: BUILD_DIR declaration not found`);
        return { contents: text, loader: 'ts' };
      }
      if (text.includes('import.meta.url')) {
        const rel = relative(OUT, args.path).split(sep).join('/');
        text = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(rel)}, import.meta.url).href`);
      }
      return { contents: text, loader: 'ts' };
    });
  },
};

/**
 * Bundles the CLI and the workers in memory (nothing written): esbuild's result with its
 * metafile, whose output paths are relative to the repository root (service/dist/cli/...).
 */
export async function compile() {
  const { build: esbuild } = await import('esbuild');
  const entryPoints = [join(SRC, 'cli', 'main.ts'), ...workerEntries(SRC)];
  return esbuild({
    entryPoints,
    outdir: OUT,
    entryNames: '[name]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Modules imported with import() (the HTTP stack) become chunks loaded only when used.
    splitting: true,
    // Chunks beside the entries: the `import.meta.url` rewrite assumes all code runs from OUT.
    chunkNames: '[name]-[hash]',
    // Minified: V8 compiles less text at each start (the source maps keep stack traces readable).
    minify: false,
    keepNames: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    // Metafile input paths are relative to this folder: the stamp resolves them against ROOT.
    absWorkingDir: ROOT,
    write: false,
    logLevel: 'silent',
    plugins: [sourcePlugin],
    // Bundled CommonJS packages call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __sagsflowCreateRequire } from 'node:module'; const require = __sagsflowCreateRequire(import.meta.url);",
    },
  });
}

/** Builds the CLI and the worker bundles into service/dist/cli and writes the stamp last (files replaced atomically). */
export async function build({ quiet = false } = {}) {
  const started = Date.now();
  const result = await compile();
  mkdirSync(OUT, { recursive: true });
  const outputs = [];
  for (const file of result.outputFiles) {
    mkdirSync(dirname(file.path), { recursive: true });
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
    outputs.push(relative(OUT, file.path).split(sep).join('/'));
  }
  // Sources are checked file by file; a bundled npm package by its package.json (an install
  // or update rewrites it), which keeps the check at startup to a few hundred stats.
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(ROOT, input);
    const pkg = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(path);
    const checked = pkg ? join(pkg[1], 'package.json') : path;
    const info = statSync(checked);
    inputs[relative(ROOT, checked).split(sep).join('/')] = [info.mtimeMs, info.size];
  }
  const tmp = `${STAMP}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ recipe: recipeId(), builtAt: new Date().toISOString(), outputs, inputs }));
  renameSync(tmp, STAMP);
  removeOldOutputs(new Set(outputs), started);
  if (!quiet) {
    process.stderr.write(
      `built ${outputs.filter((o) => o.endsWith('.mjs')).join(', ')} in service/dist/cli from ${Object.keys(inputs).length} sources (${Date.now() - started} ms)\n`,
    );
  }
}

/** Deletes outputs of earlier builds (chunk names carry a content hash); files of a concurrent build are newer than `since`. */
function removeOldOutputs(current, since) {
  for (const name of readdirSync(OUT)) {
    if (current.has(name) || name === 'build-stamp.json' || !/\.mjs(\.map)?$/.test(name)) continue;
    const path = join(OUT, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (info && info.mtimeMs < since) rmSync(path, { force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    process.stderr.write(`sagsflow build failed: ${error.message}\n`);
    process.exitCode = 1;
  }
}
