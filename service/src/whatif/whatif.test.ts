import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { readStoredLog } from '../db/stored-log';
import { ingestFiles } from '../ingest/ingest-files';
import { tempDir } from '../testing/ingest-fixtures';
import { effectReport } from './effect-report';
import { parseCatalogue } from '../rules/parse-catalogue';
import { attachedRules } from './attached-rules';
import { whatIfReport } from './whatif-report';

const END = 'Afmeldt som jobsøgende';
const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

/** Three finished akademiker cases and one open one; times in whole days from 2025-03-03 (a Monday). */
const HAND_CSV = [
  'Sagsnummer,Aktivitet,Tidspunkt,Jobcenter',
  `S1,Tilmeldt som jobsøgende,2025-03-03T09:00:00Z,Nord`,
  `S1,CV registreret,2025-03-07T09:00:00Z,Nord`,
  `S1,${END},2025-03-10T09:00:00Z,Nord`,
  `S2,Tilmeldt som jobsøgende,2025-03-03T09:00:00Z,Nord`,
  `S2,CV registreret,2025-03-13T09:00:00Z,Nord`,
  `S2,${END},2025-03-15T09:00:00Z,Nord`,
  `S3,Tilmeldt som jobsøgende,2025-03-03T09:00:00Z,Syd`,
  `S3,CV registreret,2025-03-05T09:00:00Z,Syd`,
  `S3,${END},2025-03-23T09:00:00Z,Syd`,
  `S4,Tilmeldt som jobsøgende,2025-03-03T09:00:00Z,Syd`,
  `S4,CV registreret,2025-03-30T09:00:00Z,Syd`,
].join('\n');

const CV_RULE = [
  'catalogue: hand',
  'rules:',
  '  - id: CV-5',
  '    title: {da: "CV inden 5 dage", en: "CV within 5 days"}',
  '    source: "test"',
  '    basis: illustrative',
  '    kind: within',
  '    a: "Tilmeldt som jobsøgende"',
  '    b: "CV registreret"',
  '    limit: {days: 5}',
].join('\n');

async function handStore(withRules = false) {
  const t = tempDir();
  temps.push(t);
  process.env['SAGSFLOW_SECRET'] ??= 'whatif-test-secret';
  const store = openDatabase(t.path('db.sqlite'));
  const rules = withRules ? { catalogue: parseCatalogue(CV_RULE, 'cv.yaml'), text: CV_RULE } : undefined;
  await ingestFiles(store, { files: [t.write('hand.csv', HAND_CSV)], log: 'hand', process: 'akademiker', ...(rules ? { rules } : {}) });
  return store;
}

describe('whatIfReport', () => {
  it('whatIfReport(no wait before CV registreret) gives the hand-computed throughput times of the finished cases', async () => {
    const store = await handStore();
    const stored = readStoredLog(store.sqlite, 'hand');
    expect(stored.log.caseIds).toHaveLength(4);
    expect(Array.from(stored.finished)).toEqual([1, 1, 1, 0]);
    const r = whatIfReport(stored, { activity: 'CV registreret', waitingFactor: 0 }, { resamples: 50 });
    // Before: 7, 12, 20 days; after removing the wait to CV: 3, 2, 18 days.
    expect(r.cases).toBe(3);
    expect(r.throughput.before.median.seconds).toBe(12 * 86400);
    expect(r.throughput.after.median.seconds).toBe(3 * 86400);
    expect(r.throughput.medianChange.seconds).toBe(-9 * 86400);
    expect(r.throughput.after.p90.seconds).toBeCloseTo((3 + 0.8 * 15) * 86400, 6);
    expect(r.hoursBasis).toBe('none');
    expect(r.hoursSavedPerYear).toBe(0);
    store.close();
  });

  it('whatIfReport(remove) estimates work hours from minutes per event where the log has no start events', async () => {
    const store = await handStore();
    const r = whatIfReport(
      readStoredLog(store.sqlite, 'hand'),
      { activity: 'CV registreret', remove: true },
      { minutesPerEvent: 30, resamples: 50 },
    );
    expect(r.hoursBasis).toBe('minutes-per-event');
    expect(r.instancesChanged).toBe(4);
    // 4 instances × 30 min = 2 h in 27 days of data; less than a month of data counts as a month.
    expect(r.spanDays).toBe(27);
    expect(r.hoursSavedPerYear).toBeCloseTo(2 * 12, 6);
    store.close();
  });

  it('whatIfReport counts the cases that would meet the attached deadline rule', async () => {
    const store = await handStore(true);
    const stored = readStoredLog(store.sqlite, 'hand');
    const rules = attachedRules(store.sqlite, stored);
    expect(rules?.catalogue.rules.map((r) => r.id)).toEqual(['CV-5']);
    // CV after 4, 10, 2 and 27 days: S2 and S4 miss the 5 days today; without the wait nobody does.
    const r = whatIfReport(stored, { activity: 'CV registreret', waitingFactor: 0 }, { rules, resamples: 50 });
    expect(r.deadlines).toEqual([
      {
        rule: 'CV-5',
        title: { da: 'CV inden 5 dage', en: 'CV within 5 days' },
        violatedBefore: 2,
        violatedAfter: 0,
        wouldMeet: 2,
        wouldMiss: 0,
      },
    ]);
    const slower = whatIfReport(stored, { activity: 'CV registreret', waitingFactor: 2 }, { rules, resamples: 50 });
    expect(slower.deadlines[0]).toMatchObject({ violatedBefore: 2, violatedAfter: 3, wouldMeet: 0, wouldMiss: 1 });
    store.close();
    const plain = await handStore();
    expect(attachedRules(plain.sqlite, readStoredLog(plain.sqlite, 'hand'))).toBeNull();
    plain.close();
  });

  it('readStoredLog limited to a jobcenter reads only its cases', async () => {
    const store = await handStore();
    const stored = readStoredLog(store.sqlite, 'hand', { jobcenters: ['Syd'] });
    expect(stored.log.caseIds).toHaveLength(2);
    expect(() => readStoredLog(store.sqlite, 'nope')).toThrow(/no log named 'nope'/);
    store.close();
  });
});

describe('effectReport', () => {
  it('effectReport refuses a jobcenter the log does not have and a date that is not a date', async () => {
    const store = await handStore();
    const stored = readStoredLog(store.sqlite, 'hand');
    expect(() => effectReport(stored, { date: '2025-03-04', jobcenters: ['Øst'] })).toThrow(
      /no cases of jobcenter 'Øst'.*it has Nord, Syd/,
    );
    expect(() => effectReport(stored, { date: '2025-02-30' })).toThrow(/not a date/);
    store.close();
  });
});
