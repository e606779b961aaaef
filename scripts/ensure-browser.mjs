#!/usr/bin/env node
// Makes sure the browser tests have a Chromium before `npm test` runs them. On a fresh Debian
// machine where the tests run as root (CI, a new developer box), it installs Debian's
// `chromium` package with apt-get and says so in one line; anywhere else it names the one
// command that fixes it. The browser tests themselves never skip.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const APT_PACKAGES = ['chromium', 'fonts-dejavu-core'];

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function runCommand(command, args, env) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}` };
}

/**
 * Finds or installs the browser for the browser tests.
 * Returns `{ ok: true, path, installed }` or `{ ok: false, message }`; never throws.
 * Every effect comes in through `io`, so the decision is tested without a package manager.
 */
export function ensureBrowser(io) {
  const path = io.env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;
  if (io.isExecutable(path)) return { ok: true, path, installed: false };
  if (io.env['CHROMIUM_PATH']) {
    return {
      ok: false,
      message: `npm test: CHROMIUM_PATH=${path} is not an executable file; point it at a Chromium or Chrome binary, or unset it to use ${DEFAULT_CHROMIUM}`,
    };
  }
  if (!io.isRoot || !io.hasCommand('apt-get')) {
    const how = io.hasCommand('apt-get')
      ? `sudo apt-get install -y ${APT_PACKAGES.join(' ')}`
      : 'install Chromium with your package manager';
    return {
      ok: false,
      message: `npm test: the browser tests need Chromium and there is none at ${path}; ${how}, or set CHROMIUM_PATH to a Chromium or Chrome binary`,
    };
  }
  io.log(
    `npm test: no Chromium at ${path}; installing Debian's ${APT_PACKAGES.join(' ')} with apt-get for the browser tests (once per machine, about a minute)`,
  );
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  for (const [command, args] of [
    ['apt-get', ['update', '-qq']],
    ['apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...APT_PACKAGES]],
  ]) {
    const result = io.run(command, args, env);
    if (result.status !== 0) {
      return {
        ok: false,
        message: `npm test: ${command} ${args.join(' ')} failed (exit ${result.status}): ${result.output.trim().split('\n').slice(-3).join(' | ')}`,
      };
    }
  }
  if (!io.isExecutable(path))
    return { ok: false, message: `npm test: apt-get installed ${APT_PACKAGES[0]} but there is still no browser at ${path}` };
  return { ok: true, path, installed: true };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = ensureBrowser({
    env: process.env,
    isRoot: process.getuid?.() === 0,
    isExecutable,
    hasCommand,
    run: runCommand,
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (!result.ok) {
    process.stderr.write(`${result.message}\n`);
    process.exit(1);
  }
}
