import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./host/main.ts', import.meta.url));

let bundle: Promise<string> | undefined;

/**
 * The stand-in host's browser code (`host/main.ts` and its imports) bundled into one
 * ES module with esbuild. Built once per process on first request, then served from memory.
 */
export function hostBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  bundle.catch(() => {
    bundle = undefined;
  });
  return bundle;
}
