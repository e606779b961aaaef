import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The preview package (`preview/` at the repository root) and its build script. */
const PREVIEW_DIR = fileURLToPath(new URL('../../../preview/', import.meta.url));
const BUILD_SCRIPT = `${PREVIEW_DIR}build.mjs`;
const DIST = `${PREVIEW_DIR}dist/`;

/** The built preview host: the page template and the browser script. */
export interface PreviewBundle {
  /** `preview/dist/page.html`, with `{{basePath}}` and `{{config}}` to fill in. */
  readonly page: string;
  /** `preview/dist/host.js`, one ES module. */
  readonly host: string;
}

let bundle: Promise<PreviewBundle> | undefined;

/**
 * The preview host bundle built by the `preview` package (`npm run build`, the `prepare`
 * script). Once per process it runs `node preview/build.mjs --if-stale` first, so a missing
 * or stale bundle (a host source changed since) is rebuilt before it is served.
 */
export function previewBundle(): Promise<PreviewBundle> {
  bundle ??= rebuildIfStale().then(async () => ({
    page: await readFile(`${DIST}page.html`, 'utf8'),
    host: await readFile(`${DIST}host.js`, 'utf8'),
  }));
  bundle.catch(() => {
    bundle = undefined;
  });
  return bundle;
}

function rebuildIfStale(): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BUILD_SCRIPT, '--if-stale'], { cwd: PREVIEW_DIR, timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error) reject(new Error(stderr.trim().split('\n').at(-1) || `preview build failed: ${error.message}`));
      else resolve();
    });
  });
}
