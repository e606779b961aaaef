#!/usr/bin/env node
// Builds the Power BI visual (`pbiviz package` into dist/) when no package exists or the
// visual's sources are newer than it. `npm start` runs this first, so that /preview shows the
// visual on a fresh clone; the browser tests and the visual benchmark run it too.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['visual/src', 'visual/capabilities.json', 'visual/stringResources', 'visual/style', 'shared/src', 'pbiviz.json'];

function newestMtime(path) {
  let s;
  try {
    s = statSync(path);
  } catch {
    return 0;
  }
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestMtime(join(path, name))), s.mtimeMs);
}

function packageMtime() {
  try {
    const dist = join(ROOT, 'dist');
    return Math.max(
      0,
      ...readdirSync(dist)
        .filter((n) => n.endsWith('.pbiviz'))
        .map((n) => statSync(join(dist, n)).mtimeMs),
    );
  } catch {
    return 0;
  }
}

const built = packageMtime();
if (built === 0 || built < Math.max(...SOURCES.map((p) => newestMtime(join(ROOT, p))))) {
  process.stderr.write('building the Power BI visual (pbiviz package) ...\n');
  const run = spawnSync('npx', ['pbiviz', 'package'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
  if (run.status !== 0 || packageMtime() === 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`.slice(-3000));
    process.stderr.write('\npbiviz package failed: the visual could not be built\n');
    process.exit(1);
  }
}
