/**
 * Where the compiled bundles live when this code runs from the esbuild build
 * (`npm run build`, service/bin/build.mjs), or null when it runs from the TypeScript sources
 * (tsx, vitest). The build replaces the `null` below; nothing else sets it.
 */
export const BUILD_DIR: URL | null = null;

/**
 * The entry module of a worker thread: the compiled `<name>.mjs` when running from the build,
 * else `sourceEntry` (a module that loads the TypeScript worker through tsx). Worker sources
 * are named `*-worker.ts` so the build finds them without configuration.
 *
 * @example
 * new Worker(workerEntry('ingest-worker', new URL('./ingest-worker-entry.mjs', import.meta.url)));
 */
export function workerEntry(name: string, sourceEntry: URL): URL {
  return BUILD_DIR ? new URL(`${name}.mjs`, BUILD_DIR) : sourceEntry;
}
