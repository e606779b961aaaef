import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { readFindings } from '../db/findings-queries';
import { generateLog } from '../generate/index';
import { ingestFiles } from '../ingest/ingest-files';
import { tempDir } from '../testing/ingest-fixtures';
import { loadMapping } from '../readers/index';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

const BASE = {
  case: 'Sags-id',
  activity: 'Aktivitet',
  timestamp: 'Tidspunkt',
  resource: 'Sagsbehandler',
  jobcenter: 'Jobcenter',
  pseudonymize: ['CPR', 'Borger'],
};

describe('findings settings in the mapping file', () => {
  it('an hourly cost in the mapping values each automation candidate at its hours × that cost', async () => {
    const t = tempDir('sagsflow-findings-settings-');
    temps.push(t);
    process.env['SAGSFLOW_SECRET'] ??= 'findings-settings-secret';
    const file = t.path('akademiker.csv');
    await generateLog({ process: 'akademiker', cases: 800, seed: 3, out: file });
    const mappingFile = t.path('mapping.json');
    writeFileSync(mappingFile, JSON.stringify({ ...BASE, findings: { hourlyCostDkk: 500, minAutomationScore: 0 } }));
    const mapping = await loadMapping(mappingFile);
    const store = openDatabase(t.path('db.sqlite'));
    await ingestFiles(store, { files: [file], log: 'aka', process: 'akademiker', mapping });
    const candidates = readFindings(store.sqlite, { log: 'aka', scope: '', minGroupSize: 5 }).filter(
      (f) => f.kind === 'automation-candidate',
    );
    expect(candidates.length).toBeGreaterThan(0);
    for (const f of candidates) expect(f.valueDkk).toBeCloseTo(Number(f.evidence['hoursPerYear']) * 500, 0);
    store.close();
  });

  it('a misspelt or out-of-range findings setting is refused with its key', async () => {
    const t = tempDir('sagsflow-findings-settings-');
    temps.push(t);
    const bad = t.path('bad.json');
    writeFileSync(bad, JSON.stringify({ ...BASE, findings: { automationWeights: { volumen: 0.3 } } }));
    await expect(loadMapping(bad)).rejects.toThrow(/findings/);
    writeFileSync(bad, JSON.stringify({ ...BASE, findings: { hourlyCostDkk: -1 } }));
    await expect(loadMapping(bad)).rejects.toThrow(/hourlyCostDkk/);
  });
});
