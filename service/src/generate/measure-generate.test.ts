import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { measureGenerate } from './measure-generate';

it('measureGenerate writes about the asked number of events and reports the rate', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-measure-'));
  try {
    const file = join(dir, 'x.csv');
    const m = await measureGenerate({ process: 'rekruttering', events: 20_000, file });
    expect(m.events).toBeGreaterThan(18_000);
    expect(m.events).toBeLessThan(22_000);
    expect(m.bytes).toBe(statSync(file).size);
    expect(m.eventsPerSecond).toBeCloseTo(m.events / m.seconds, -1);
    expect(m.peakRssMb).toBeGreaterThan(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
