import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(import.meta.dirname, '../../bin/sagsflow.mjs');

describe('sagsflow demo (npm start)', () => {
  it('loads the three pilot samples and the receipt log, then serves them to the printed viewer token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sagsflow-demo-'));
    const child = spawn(process.execPath, [BIN, 'demo', '--db', join(dir, 'demo.sqlite'), '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (out += String(chunk)));
    try {
      await new Promise<void>((ready, fail) => {
        const timer = setInterval(() => {
          if (out.includes('Ctrl-C stops.')) ready();
          if (child.exitCode !== null) fail(new Error(`demo exited early:\n${out}`));
        }, 100);
        child.once('exit', () => clearInterval(timer));
        setTimeout(() => clearInterval(timer), 100_000);
      });
      const url = /serving .* on (http:\/\/\S+)/.exec(out)![1]!;
      const viewer = /viewer token\s+(\S+)/.exec(out)![1]!;
      expect(out).toContain('rows       8,577 read = 8,577 accepted + 0 duplicates + 0 quarantined');
      const res = await fetch(`${url}/api/logs`, { headers: { Authorization: `Bearer ${viewer}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { logs: { name: string; cases: number }[] };
      expect(body.logs.map((l) => l.name).sort()).toEqual(['akademiker', 'dagpenge', 'receipt', 'rekruttering']);
      // 1,434 cases; a viewer's totals leave out the 4 that make no group of k = 5 in the viewer-grade model.
      expect(body.logs.find((l) => l.name === 'receipt')!.cases).toBe(1430);
      expect((await fetch(`${url}/api/logs`)).status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);
});
