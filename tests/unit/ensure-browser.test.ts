import { describe, expect, it } from 'vitest';
import {
  APT_PACKAGES,
  DEFAULT_CHROMIUM,
  ensureBrowser,
  type EnsureBrowserIo,
  type EnsureBrowserResult,
} from '../../scripts/ensure-browser.mjs';

/** A machine with a set of executable files and a fake apt-get that "installs" chromium. */
function fakeMachine(options: { files?: string[]; isRoot?: boolean; apt?: boolean; aptFails?: boolean; env?: Record<string, string> }) {
  const files = new Set(options.files ?? []);
  const calls: string[] = [];
  const lines: string[] = [];
  const io: EnsureBrowserIo = {
    env: options.env ?? {},
    isRoot: options.isRoot ?? true,
    isExecutable: (path) => files.has(path),
    hasCommand: (name) => name === 'apt-get' && (options.apt ?? true),
    run: (command, args, env) => {
      calls.push(`${env['DEBIAN_FRONTEND']} ${command} ${args.join(' ')}`);
      if (options.aptFails && args[0] === 'install') return { status: 100, output: 'E: Unable to locate package chromium\n' };
      if (args[0] === 'install') files.add(DEFAULT_CHROMIUM);
      return { status: 0, output: '' };
    },
    log: (line) => lines.push(line),
  };
  return { io, calls, lines };
}

function failureMessage(result: EnsureBrowserResult): string {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result.message;
}

describe('ensureBrowser', () => {
  it('ensureBrowser(chromium present) does nothing and says nothing', () => {
    const { io, calls, lines } = fakeMachine({ files: [DEFAULT_CHROMIUM] });
    expect(ensureBrowser(io)).toEqual({ ok: true, path: DEFAULT_CHROMIUM, installed: false });
    expect(calls).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('ensureBrowser(root, no chromium) installs Debian chromium with apt-get and says so in one line', () => {
    const { io, calls, lines } = fakeMachine({});
    expect(ensureBrowser(io)).toEqual({ ok: true, path: DEFAULT_CHROMIUM, installed: true });
    expect(calls).toEqual([
      'noninteractive apt-get update -qq',
      `noninteractive apt-get install -y -qq --no-install-recommends ${APT_PACKAGES.join(' ')}`,
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^npm test: no Chromium at \/usr\/bin\/chromium; installing Debian's chromium/);
  });

  it('ensureBrowser(not root) refuses with the apt-get command to run, installing nothing', () => {
    const { io, calls } = fakeMachine({ isRoot: false });
    const message = failureMessage(ensureBrowser(io));
    expect(message).toContain('sudo apt-get install -y chromium');
    expect(calls).toEqual([]);
  });

  it('ensureBrowser(apt-get fails) reports the exit status and the last lines of its output', () => {
    const { io } = fakeMachine({ aptFails: true });
    const message = failureMessage(ensureBrowser(io));
    expect(message).toContain('failed (exit 100)');
    expect(message).toContain('Unable to locate package chromium');
  });

  it('ensureBrowser(CHROMIUM_PATH to a missing file) names the variable instead of installing', () => {
    const { io, calls } = fakeMachine({ env: { CHROMIUM_PATH: '/opt/none/chrome' } });
    const message = failureMessage(ensureBrowser(io));
    expect(message).toContain('CHROMIUM_PATH=/opt/none/chrome');
    expect(calls).toEqual([]);
  });

  it('ensureBrowser(CHROMIUM_PATH to a browser) uses it', () => {
    const { io } = fakeMachine({ files: ['/opt/chrome/chrome'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } });
    expect(ensureBrowser(io)).toEqual({ ok: true, path: '/opt/chrome/chrome', installed: false });
  });
});
