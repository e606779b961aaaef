/** Effects of the browser check, injected so that its decisions are testable. */
export interface EnsureBrowserIo {
  env: Record<string, string | undefined>;
  isRoot: boolean;
  isExecutable: (path: string) => boolean;
  hasCommand: (name: string) => boolean;
  run: (command: string, args: string[], env: Record<string, string>) => { status: number; output: string };
  log: (line: string) => void;
}

export type EnsureBrowserResult = { ok: true; path: string; installed: boolean } | { ok: false; message: string };

export const DEFAULT_CHROMIUM: string;
export const APT_PACKAGES: readonly string[];
/** Finds or installs the browser for the browser tests; never throws. */
export function ensureBrowser(io: EnsureBrowserIo): EnsureBrowserResult;
