import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/** The files SQLite keeps beside a database under construction, and `openForLoad`'s hard-link probe. */
export const BUILD_SIDECARS = ['-journal', '-wal', '-shm', '-link'] as const;

/** This machine, in the names of databases under construction: only its own dead builds are cleaned up. */
const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** The temporary name of a database built for `path` by this process: `<path>.building-<host>-<pid>-<random>` (8 hex digits). */
export function buildName(path: string, random: string): string {
  return `${path}.building-${HOST_TAG}-${process.pid}-${random}`;
}

/** What follows the database's file name in a build's file name: host tag, process id, random part and sidecar. */
const BUILD_NAME = new RegExp(`^\\.building-([0-9a-f]{8})-(\\d+)-[0-9a-f]{8}(?:${BUILD_SIDECARS.join('|')})?$`);

/**
 * Removes the files of builds of `path` (and of `openDatabase`'s `<path>.<pid>.new` copies)
 * whose process on this machine has ended: what a crash or kill -9 left behind.
 */
export function removeDeadBuilds(path: string): void {
  const base = basename(path);
  const dir = dirname(path);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // a folder that cannot be listed: opening the path reports the problem
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`)) continue;
    const rest = name.slice(base.length);
    const build = BUILD_NAME.exec(rest);
    const copy = /^\.(\d+)\.new$/.exec(rest);
    const pid = build ? (build[1] === HOST_TAG ? Number(build[2]) : null) : copy ? Number(copy[1]) : null;
    if (pid !== null && !isRunning(pid)) rmSync(join(dir, name), { force: true });
  }
}

/** True when a process with this id runs on this machine (one of another user included). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
