import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TINY_CSV } from '../../testing/ingest-fixtures';

const RUNNER = fileURLToPath(new URL('./job-runner.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

describe('ingest worker under node --import tsx (how the service runs)', () => {
  it('a job started in a `node --import tsx` process loads its TypeScript worker and finishes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-tsx-'));
    const csv = join(dir, 'tiny.csv');
    writeFileSync(csv, TINY_CSV);
    const code = `
      const { createJobRunner } = await import(${JSON.stringify(RUNNER)});
      const runner = createJobRunner();
      const job = runner.submit({ dbPath: ${JSON.stringify(join(dir, 'db.sqlite'))}, files: [${JSON.stringify(csv)}], log: 'tiny', minGroupSize: 5, policy: { maxQuarantineShare: 1 } }, { tokenId: 't', cleanupDir: null });
      const done = await runner.wait(job.id);
      console.log(JSON.stringify({ execArgv: process.execArgv, state: done.state, error: done.error, rows: done.report && done.report.rows }));
      await runner.close();`;
    const out = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    rmSync(dir, { recursive: true, force: true });
    const result = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
    expect(result['execArgv']).toEqual(['--import', 'tsx', '--input-type=module', '-e', code]);
    expect(result['error']).toBeNull();
    expect(result['state']).toBe('done');
    expect(result['rows']).toEqual({ read: 10, accepted: 7, duplicates: 1, quarantined: 2 });
  });
});

describe('workerExecArgv', () => {
  it('keeps --import tsx and drops -e code and --input-type', async () => {
    const { workerExecArgv } = await import('./job-runner');
    expect(workerExecArgv(['--import', 'tsx', '--input-type=module', '-e', 'x()', '--enable-source-maps', '--conditions=dev'])).toEqual([
      '--import',
      'tsx',
      '--enable-source-maps',
      '--conditions=dev',
    ]);
  });
});
