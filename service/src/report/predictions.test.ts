import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { readStoredLog } from '../db/stored-log';
import { generateLog } from '../generate/index';
import { ingestFiles } from '../ingest/ingest-files';
import { tempDir } from '../testing/ingest-fixtures';
import { catalogueForLoad } from '../rules/attach';
import { attachedRules } from '../whatif/attached-rules';
import { whatIfReport } from '../whatif/whatif-report';
import { addPredictions, PREDICTED_CANDIDATES } from './predictions';
import { renderReport } from './render-report';
import { readReportData } from './report-data';
import { ANALYST_ONLY } from './texts';

const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

async function generatedStore() {
  const t = tempDir('sagsflow-predictions-');
  temps.push(t);
  process.env['SAGSFLOW_SECRET'] ??= 'predictions-test-secret';
  const file = t.path('dagpenge.csv');
  await generateLog({ process: 'dagpenge', cases: 1500, seed: 4, out: file });
  const store = openDatabase(t.path('db.sqlite'));
  const rules = await catalogueForLoad({ process: 'dagpenge' });
  await ingestFiles(store, { files: [file], log: 'dp', process: 'dagpenge', ...(rules ? { rules } : {}) });
  return store;
}

describe('addPredictions', () => {
  it('predicts the top automation candidates without their wait, and measures the effect of a dated change, in the report', async () => {
    const store = await generatedStore();
    const data = readReportData(store.sqlite, { log: 'dp', scope: '', lang: 'en', now: Date.UTC(2026, 10, 30) });
    const candidates = data.findings
      .filter((f) => f.kind === 'automation-candidate' && f.status !== 'resolved')
      .slice(0, PREDICTED_CANDIDATES);
    expect(candidates.length).toBeGreaterThan(0);
    const withPredictions = addPredictions(store.sqlite, data, {
      effectDate: '2025-07-01',
      effectJobcenters: ['Jobcenter København Nord'],
    });
    expect(withPredictions.whatIf!.map((w) => w.change.activity)).toEqual(candidates.map((f) => f.activity));
    const stored = readStoredLog(store.sqlite, 'dp');
    const first = whatIfReport(
      stored,
      { activity: candidates[0]!.activity!, waitingFactor: 0 },
      { rules: attachedRules(store.sqlite, stored) },
    );
    expect(withPredictions.whatIf![0]).toEqual(first);
    expect(withPredictions.effect!.method).toBe('adjacent-period');
    expect(withPredictions.effect!.figures.some((f) => f.metric === 'compliance')).toBe(true);
    const html = renderReport(withPredictions);
    expect(html).toContain('<section id="what-if"><h2>If the candidates were automated</h2>');
    expect(html).toContain('<section id="effect"><h2>Effect of a change: Jobcenter København Nord, 2025-07-01</h2>');
    expect(html).toContain('Difference in differences against the other jobcenters.');
    expect(html, 'the report says it is analyst-only').toContain(ANALYST_ONLY.en);
    store.close();
  });

  it('without a change date the effect section says how to ask for one', async () => {
    const store = await generatedStore();
    const data = readReportData(store.sqlite, { log: 'dp', scope: '', lang: 'da', now: Date.UTC(2026, 10, 30) });
    const html = renderReport(addPredictions(store.sqlite, data));
    expect(html).toContain('sagsflow report --effect-date');
    store.close();
  });
});
