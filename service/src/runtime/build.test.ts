import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
// A copy of the sources, so the test can age and edit them without touching the checkout.
const root = mkdtempSync(join(tmpdir(), 'sagsflow-build-'));
for (const dir of ['service/src', 'service/bin', 'service/drizzle', 'shared/src'])
  cpSync(join(REPO, dir), join(root, dir), { recursive: true });
cpSync(join(REPO, 'package.json'), join(root, 'package.json'));
symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const bin = join(root, 'service/bin/sagsflow.mjs');
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, SAGSFLOW_BUILD_VERBOSE: '1' } });

describe('the compiled sagsflow command', () => {
  it('is built on first use, runs from service/dist/cli, and reports a current build as current', async () => {
    const first = run('--help');
    expect(first.status).toBe(0);
    expect(first.stderr).toContain('rebuilding the command (no build yet)');
    expect(first.stdout).toContain('summary');
    const builder = (await import(pathToFileURL(join(root, 'service/bin/build.mjs')).href)) as { staleReason: () => string | null };
    expect(builder.staleReason()).toBeNull();
    const again = run('--help');
    expect(again.stderr).toBe('');
    const stamp = JSON.parse(readFileSync(join(root, 'service/dist/cli/build-stamp.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
      outputs: string[];
    };
    expect(Object.keys(stamp.inputs)).toContain('service/src/cli/main.ts');
    expect(stamp.outputs).toEqual(expect.arrayContaining(['main.mjs', 'ingest-worker.mjs', 'csv-part-worker.mjs', 'load-read-worker.mjs']));
  }, 120_000);

  it('rebuilds when a source changed since the build, and picks up a new command without configuration', () => {
    const main = join(root, 'service/src/cli/main.ts');
    const text = readFileSync(main, 'utf8');
    writeFileSync(
      join(root, 'service/src/cli/hello.ts'),
      [
        "import type { Command } from 'commander';",
        '/** Test command. */',
        'export function registerHello(program: Command): void {',
        "  program.command('hello').description('says hello').action(() => { process.stdout.write('hello from the build\\n'); });",
        '}',
      ].join('\n'),
    );
    writeFileSync(
      main,
      text
        .replace(
          "import { userMessage } from './errors';",
          "import { userMessage } from './errors';\nimport { registerHello } from './hello';",
        )
        .replace('  registerDemo(program);', '  registerDemo(program);\n  registerHello(program);'),
    );
    const changed = run('hello');
    expect(changed.stderr).toContain('rebuilding the command (service/src/cli/main.ts changed)');
    expect(changed.stdout).toBe('hello from the build\n');
    // An older modification time counts as a change too (a checkout of an older commit).
    utimesSync(join(root, 'service/src/cli/hello.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(run('hello').stderr).toContain('service/src/cli/hello.ts changed');
  }, 120_000);

  it('rebuilds when the stamp was written by another build recipe', () => {
    const stampFile = join(root, 'service/dist/cli/build-stamp.json');
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { recipe: string };
    writeFileSync(stampFile, JSON.stringify({ ...stamp, recipe: 'another' }));
    expect(run('--help').stderr).toContain('the build stamp does not match this build recipe');
    // Without a terminal the rebuild is silent: a script sees only the command's output.
    writeFileSync(stampFile, JSON.stringify({ ...stamp, recipe: 'another' }));
    const quiet = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: { ...process.env, SAGSFLOW_BUILD_VERBOSE: '' } });
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('ingest');
    expect(JSON.parse(readFileSync(stampFile, 'utf8')).recipe).not.toBe('another');
  }, 120_000);
});
