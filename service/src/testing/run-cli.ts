import { vi } from 'vitest';
import { main } from '../cli/main';

/** The purpose, legal basis and controller flags a first `sagsflow ingest` of a log needs (tests only). */
export const GOVERNANCE_FLAGS = ['--purpose', 'Tilsyn', '--legal-basis', 'GDPR art. 6(1)(e)', '--controller', 'Kommunen'] as const;

/** What one `sagsflow` run printed, and its exit status. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `sagsflow` command line in-process with `args` and captures what it writes to
 * stdout and stderr (tests only). The exit status is `main`'s, or `process.exitCode` when a
 * command set that instead.
 *
 * @example const r = await sagsflow('summary', 'log.csv', '--json'); JSON.parse(r.stdout);
 */
export async function sagsflow(...args: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(['node', 'sagsflow', ...args]);
    // A command may report a failure through process.exitCode (e.g. `key status` on a mismatch).
    const exit = process.exitCode;
    process.exitCode = undefined;
    return { code: code || Number(exit ?? 0), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
