#!/usr/bin/env node
// Builds the preview host: esbuild bundles the browser code (src/host/main.ts and its
// imports, the mining core included) into dist/host.js, copies the page template
// (src/page.html) to dist/page.html, and writes dist/build-stamp.json last, naming every
// input with its mtime and size. Run by `npm run build` and the root `prepare` script;
// `--if-stale` rebuilds only when the stamp says a source changed (the service runs that
// once per process before it serves /preview).
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const PREVIEW = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(PREVIEW, '..');
const ENTRY = join(PREVIEW, 'src', 'host', 'main.ts');
const PAGE = join(PREVIEW, 'src', 'page.html');

/** Where the bundle goes by default: preview/dist. */
export const DEFAULT_OUT_DIR = join(PREVIEW, 'dist');

/** Files a build writes into its folder, the stamp last. */
export const OUTPUTS = ['host.js', 'page.html'];

/** Identifies this build recipe: a stamp written by another recipe is stale. */
function recipeId() {
  return createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Why the bundle in `outDir` cannot be served as it is (missing, built by another recipe, a
 * source changed or was removed), or null when it is current. One stat per input.
 */
export function staleReason(outDir = DEFAULT_OUT_DIR) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(outDir, 'build-stamp.json'), 'utf8'));
  } catch {
    return 'no build yet';
  }
  if (stamp.recipe !== recipeId()) return 'the build stamp does not match this build recipe';
  for (const out of OUTPUTS) {
    if (!existsSync(join(outDir, out))) return `${out} is missing`;
  }
  for (const [file, [mtime, size]] of Object.entries(stamp.inputs)) {
    const info = statSync(join(ROOT, file), { throwIfNoEntry: false });
    if (info === undefined) return `${file} was removed`;
    if (info.mtimeMs !== mtime || info.size !== size) return `${file} changed`;
  }
  return null;
}

function writeAtomically(path, contents) {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/** Builds dist/host.js and dist/page.html into `outDir` and writes the stamp last; returns what it wrote. */
export async function build({ outDir = DEFAULT_OUT_DIR } = {}) {
  const started = Date.now();
  const result = await esbuild({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    sourcemap: 'inline',
    metafile: true,
    absWorkingDir: ROOT,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(outDir, { recursive: true });
  writeAtomically(join(outDir, 'host.js'), result.outputFiles[0].contents);
  const pageTmp = join(outDir, `page.html.${process.pid}.tmp`);
  copyFileSync(PAGE, pageTmp);
  renameSync(pageTmp, join(outDir, 'page.html'));
  const inputs = {};
  for (const input of [...Object.keys(result.metafile.inputs).map((p) => resolve(ROOT, p)), PAGE]) {
    const info = statSync(input);
    inputs[relative(ROOT, input).split(sep).join('/')] = [info.mtimeMs, info.size];
  }
  writeAtomically(join(outDir, 'build-stamp.json'), JSON.stringify({ recipe: recipeId(), builtAt: new Date().toISOString(), inputs }));
  return { outDir, inputs: Object.keys(inputs).length, ms: Date.now() - started };
}

/** Builds when `staleReason()` names a reason (or always without `ifStale`); returns the reason or null when it did nothing. */
export async function ensureBuilt({ outDir = DEFAULT_OUT_DIR, ifStale = true } = {}) {
  const reason = ifStale ? staleReason(outDir) : 'asked to build';
  if (reason === null) return null;
  await build({ outDir });
  return reason;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    const reason = await ensureBuilt({ ifStale });
    if (reason !== null) process.stderr.write(`built the preview host into preview/dist (${reason})\n`);
  } catch (error) {
    process.stderr.write(`preview build failed: ${error.message.split('\n').slice(0, 2).join(' ')}\n`);
    process.exitCode = 1;
  }
}
