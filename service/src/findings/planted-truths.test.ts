import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../conformance/load-model';
import { openDatabase, type SagsflowDatabase } from '../db/client';
import { readFindings, type StoredFinding } from '../db/findings-queries';
import { generateLog } from '../generate/index';
import { ingestFiles } from '../ingest/ingest-files';
import { tempDir } from '../testing/ingest-fixtures';
import { processEntry } from '../processes/index';
import { catalogueForLoad } from '../rules/attach';

/**
 * The truths the generator plants (service/src/generate/README.md, "Planted findings") come
 * back as findings of the generated pilot logs, near the top of their kind.
 */
const PILOTS = ['akademiker', 'dagpenge', 'rekruttering'] as const;
const t = tempDir();
let store: SagsflowDatabase;
const found: Record<string, StoredFinding[]> = {};

beforeAll(async () => {
  process.env['SAGSFLOW_SECRET'] ??= 'planted-truths-secret';
  store = openDatabase(t.path('pilots.sqlite'));
  for (const p of PILOTS) {
    const file = t.path(`${p}.csv`);
    await generateLog({ process: p, cases: 3000, seed: 42, deviations: true, out: file });
    const rules = await catalogueForLoad({ process: p });
    await ingestFiles(store, {
      files: [file],
      log: p,
      process: p,
      model: await loadModel(processEntry(p).modelPath),
      ...(rules ? { rules } : {}),
    });
    found[p] = readFindings(store.sqlite, { log: p, scope: '', minGroupSize: 5 });
  }
}, 300_000);

afterAll(() => {
  store.close();
  t.remove();
});

const of = (p: string, kind: string) => found[p]!.filter((f) => f.kind === kind);
const rule = (p: string, id: string) => of(p, 'rule-violation').find((f) => f.rule === id);

describe('planted truths of the generated pilot logs', () => {
  it('violations: the deadline misses and skipped steps are found, with the jobcenter that plants them worst, in the top 4 rules', () => {
    const expected: [string, string, string][] = [
      ['akademiker', 'DP-CV-14', 'Jobcenter København Syd'],
      ['dagpenge', 'DP-BEV-21', 'Jobcenter København Syd'],
      ['dagpenge', 'DP-VIRK-UDT', 'Jobcenter København Amager'],
      ['rekruttering', 'REK-KONTAKT-2HD', 'Jobcenter København Syd'],
      ['rekruttering', 'REK-FORMID-30', 'Jobcenter København Syd'],
      ['rekruttering', 'REK-SEQ-SCREENING', 'Jobcenter København Centrum'],
    ];
    for (const [p, id, jobcenter] of expected) {
      const f = rule(p, id);
      expect(f, `${p} ${id}`).toBeDefined();
      expect(f!.rank, `${p} ${id}`).toBeLessThanOrEqual(4);
      expect(f!.evidence['worstJobcenter'], `${p} ${id}`).toBe(jobcenter);
    }
  });

  it('bottlenecks: every pilot has its 3 longest waits marked, each with time lost against a faster jobcenter', () => {
    for (const p of PILOTS) {
      const b = of(p, 'bottleneck');
      expect(b.length, p).toBeGreaterThanOrEqual(3);
      expect(
        b.every((f) => Number(f.evidence['timeLostMs']) > 0 && f.evidence['bestJobcenter'] !== f.evidence['slowestJobcenter']),
        p,
      ).toBe(true);
    }
  });

  it('best practice: the fast jobcenter of placements (Vest, 0.9x) finishes cases fastest', () => {
    const fastest = of('dagpenge', 'best-practice').find(
      (f) => f.evidence['dimension'] === 'jobcenter' && f.evidence['measure'] === 'duration',
    );
    expect(fastest?.evidence['group']).toBe('Jobcenter København Vest');
  });

  it('automation: the steps with one fixed next step done by every caseworker are candidates', () => {
    const names = (p: string) => of(p, 'automation-candidate').map((f) => f.activity);
    expect(names('dagpenge')).toContain('Virksomhed fundet');
    expect(names('rekruttering')).toContain('Virksomhed kontaktet');
    for (const p of PILOTS) expect(of(p, 'automation-candidate').every((f) => f.valueDkk === 200_000)).toBe(true);
  });

  it('deviations from the model: the planted skipped and repeated steps appear', () => {
    for (const p of PILOTS) {
      const kinds = new Set(of(p, 'model-deviation').map((f) => f.evidence['deviation']));
      expect(kinds, p).toContain('skipped');
      expect(kinds, p).toContain('inserted');
    }
  });
});
