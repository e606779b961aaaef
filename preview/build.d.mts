/** Where the bundle goes by default: preview/dist. */
export const DEFAULT_OUT_DIR: string;
/** Files a build writes into its folder (besides build-stamp.json). */
export const OUTPUTS: readonly string[];
/** Why the bundle in `outDir` is stale, or null when it is current. */
export function staleReason(outDir?: string): string | null;
/** Builds host.js and page.html into `outDir` and writes the stamp last. */
export function build(options?: { outDir?: string }): Promise<{ outDir: string; inputs: number; ms: number }>;
/** Builds when stale (or always with `ifStale: false`); the reason it built, or null when it did nothing. */
export function ensureBuilt(options?: { outDir?: string; ifStale?: boolean }): Promise<string | null>;
