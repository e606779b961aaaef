import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverDfg } from './dfg/discover-dfg';
import { EventLogBuilder } from './event-log/builder';
import { activityStatistics } from './statistics/activity-statistics';
import { caseStatistics } from './statistics/case-statistics';
import { discoverVariants } from './variants/discover-variants';

// The textbook running example (6 cases, 42 events, 8 activities), read with a tiny split.
const file = fileURLToPath(new URL('../../tests/data/running-example.csv', import.meta.url));
const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
const header = lines[0]!.split(',');
const builder = new EventLogBuilder();
for (const line of lines.slice(1)) {
  const f = line.split(',');
  builder.addEvent(
    f[header.indexOf('case:concept:name')]!,
    f[header.indexOf('concept:name')]!,
    Date.parse(f[header.indexOf('time:timestamp')]!.replace(' ', 'T')),
    f[header.indexOf('org:resource')],
  );
}
const log = builder.build();
const MIN = 60_000;

describe('running example', () => {
  it('has 6 cases, 42 events and 8 activities', () => {
    expect(log.caseIds.length).toBe(6);
    expect(log.activity.length).toBe(42);
    expect(log.activities.length).toBe(8);
  });

  it('discoverDfg: register request starts all 6 cases; pay and reject end 3 each', () => {
    const dfg = discoverDfg(log);
    expect([...dfg.startActivities]).toEqual([['register request', 6]]);
    expect([...dfg.endActivities]).toEqual([
      ['pay compensation', 3],
      ['reject request', 3],
    ]);
  });

  it('discoverDfg: the 16 edges and their counts, verified by hand from the file', () => {
    const got = Object.fromEntries(discoverDfg(log).edges.map((e) => [`${e.from} > ${e.to}`, [e.count, e.cases]]));
    expect(got).toEqual({
      'check ticket > decide': [6, 4],
      'examine casually > check ticket': [4, 3],
      'register request > examine casually': [3, 3],
      'decide > reinitiate request': [3, 2],
      'decide > pay compensation': [3, 3],
      'decide > reject request': [3, 3],
      'register request > check ticket': [2, 2],
      'examine thoroughly > check ticket': [2, 2],
      'check ticket > examine casually': [2, 2],
      'examine casually > decide': [2, 2],
      'register request > examine thoroughly': [1, 1],
      'reinitiate request > examine thoroughly': [1, 1],
      'reinitiate request > check ticket': [1, 1],
      'reinitiate request > examine casually': [1, 1],
      'check ticket > examine thoroughly': [1, 1],
      'examine thoroughly > decide': [1, 1],
    });
  });

  it('discoverDfg: register request > examine casually takes 34, 64 and 1514 minutes', () => {
    const e = discoverDfg(log).edges.find((x) => x.from === 'register request' && x.to === 'examine casually')!;
    expect(e.duration).toMatchObject({ min: 34 * MIN, median: 64 * MIN, max: 1514 * MIN, sum: 1612 * MIN });
  });

  it('discoverVariants: 6 one-case variants, ordered by sequence (case 2 first, case 5 of 13 events)', () => {
    const { variants, variantOfCase } = discoverVariants(log);
    expect(variants.map((v) => v.cases)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(variants[0]!.activities).toEqual(['register request', 'check ticket', 'examine casually', 'decide', 'pay compensation']);
    expect(variants.map((v) => log.caseIds[v.caseIndices[0]!])).toEqual(['2', '4', '6', '5', '3', '1']);
    expect(variants[variantOfCase[log.caseIds.indexOf('5')]!]!.activities.length).toBe(13);
  });

  it('caseStatistics: case 1 runs 2010-12-30 11:02 to 2011-01-07 14:24 (+01:00)', () => {
    const c1 = caseStatistics(log).find((c) => c.caseId === '1')!;
    expect(c1.durationMs).toBe(Date.parse('2011-01-07T14:24:00+01:00') - Date.parse('2010-12-30T11:02:00+01:00'));
    expect(c1.events).toBe(5);
  });

  it('activityStatistics: decide has 9 events in 6 cases, 3 repeats', () => {
    const decide = activityStatistics(log).find((a) => a.activity === 'decide')!;
    expect(decide).toEqual({ activity: 'decide', events: 9, cases: 6, repeats: 3, selfLoops: 0 });
  });
});
