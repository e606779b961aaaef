import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../calendar/civil-date';
import { testCatalogue, testLog, testRule, type TestEvent } from '../testing/rule-logs';
import { complianceByGroup } from './compliance';
import { evaluateRules } from './evaluate-rules';
import { RULE_STATUSES, type Rule } from './types';

function statuses(rule: Rule, cases: Record<string, TestEvent[]>, asOf?: string, attributes = {}) {
  const log = testLog(cases, attributes);
  const outcome = evaluateRules(log, testCatalogue(rule), asOf ? { asOfDay: parseIsoDate(asOf) } : {}).outcomes[0]!;
  expect([...outcome.daysLate].every(Number.isNaN)).toBe(true);
  return Object.fromEntries(log.caseIds.map((id, c) => [id, RULE_STATUSES[outcome.status[c]!]]));
}

const ev = (activity: string, at: string, resource?: string): TestEvent => ({ activity, at, ...(resource ? { resource } : {}) });
const MEETING = 'Jobsamtale afholdt (jobcenter)';
const HANDOVER = 'Kontaktforløb overgået til jobcenter';
const OUT = 'Afmeldt som jobsøgende';

describe('atLeast', () => {
  const rule = testRule({ kind: 'atLeast', a: [MEETING], b: [HANDOVER], count: 3, limit: { months: 3 }, endedBy: [OUT] });

  it('needs count A at or after the first B, on or before D', () => {
    expect(
      statuses(
        rule,
        {
          three: [
            ev(HANDOVER, '2024-04-02 09:00'),
            ev(MEETING, '2024-04-10 09:00'),
            ev(MEETING, '2024-05-10 09:00'),
            ev(MEETING, '2024-07-02 15:00'),
          ],
          lastTooLate: [
            ev(HANDOVER, '2024-04-02 09:00'),
            ev(MEETING, '2024-04-10 09:00'),
            ev(MEETING, '2024-05-10 09:00'),
            ev(MEETING, '2024-07-03 09:00'),
          ],
          oneBefore: [
            ev(MEETING, '2024-04-01 09:00'),
            ev(HANDOVER, '2024-04-02 09:00'),
            ev(MEETING, '2024-04-10 09:00'),
            ev(MEETING, '2024-05-10 09:00'),
          ],
          noB: [ev(MEETING, '2024-04-10 09:00')],
        },
        '2024-09-01',
      ),
    ).toEqual({ three: 'fulfilled', lastTooLate: 'violated', oneBefore: 'violated', noB: 'notApplicable' });
  });

  it('is notApplicable when ended on or before D, pending before D, violated after D', () => {
    const short = [ev(HANDOVER, '2024-04-02 09:00'), ev(MEETING, '2024-04-10 09:00')];
    expect(
      statuses(
        rule,
        {
          ended: [...short, ev(OUT, '2024-07-02 09:00')],
          endedLate: [...short, ev(OUT, '2024-07-03 09:00')],
          open: short,
        },
        '2024-07-02',
      ),
    ).toEqual({ ended: 'notApplicable', endedLate: 'pending', open: 'pending' });
    expect(statuses(rule, { endedLate: [...short, ev(OUT, '2024-07-03 09:00')], open: short }, '2024-07-03')).toEqual({
      endedLate: 'violated',
      open: 'violated',
    });
  });

  it('tests validity on the first B', () => {
    const valid = { ...rule, validFrom: parseIsoDate('2024-01-01'), validTo: parseIsoDate('2026-06-30') };
    expect(
      statuses(
        valid,
        {
          old: [ev(MEETING, '2023-12-01 09:00'), ev(HANDOVER, '2023-12-29 09:00')],
          reform: [ev(HANDOVER, '2026-07-01 09:00')],
          now: [ev(HANDOVER, '2024-01-02 09:00')],
        },
        '2026-12-01',
      ),
    ).toEqual({ old: 'notApplicable', reform: 'notApplicable', now: 'violated' });
  });
});

describe('order', () => {
  const rule = testRule({ kind: 'order', a: ['Min Plan opdateret'], b: ['Tilbud påbegyndt'] });

  it('needs an A before every B; no B is notApplicable', () => {
    expect(
      statuses(
        rule,
        {
          ok: [
            ev('Min Plan opdateret', '2024-03-01 09:00'),
            ev('Tilbud påbegyndt', '2024-03-05 09:00'),
            ev('Tilbud påbegyndt', '2024-04-05 09:00'),
          ],
          late: [
            ev('Tilbud påbegyndt', '2024-03-05 09:00'),
            ev('Min Plan opdateret', '2024-03-06 09:00'),
            ev('Tilbud påbegyndt', '2024-04-05 09:00'),
          ],
          sameTimeAFirst: [ev('Min Plan opdateret', '2024-03-05 09:00'), ev('Tilbud påbegyndt', '2024-03-05 09:00')],
          sameTimeBFirst: [ev('Tilbud påbegyndt', '2024-03-05 09:00'), ev('Min Plan opdateret', '2024-03-05 09:00')],
          noB: [ev('Min Plan opdateret', '2024-03-01 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ ok: 'fulfilled', late: 'violated', sameTimeAFirst: 'fulfilled', sameTimeBFirst: 'violated', noB: 'notApplicable' });
  });

  it('tests validity on the first B date', () => {
    const valid = { ...rule, validFrom: parseIsoDate('2024-01-01') };
    expect(
      statuses(
        valid,
        {
          before: [ev('Tilbud påbegyndt', '2023-12-31 23:30'), ev('Tilbud påbegyndt', '2024-02-01 09:00')],
          after: [ev('Tilbud påbegyndt', '2024-01-01 00:30')],
        },
        '2024-06-01',
      ),
    ).toEqual({ before: 'notApplicable', after: 'violated' });
  });
});

describe('mustOccur, mustNotOccur, notRepeated', () => {
  it('mustOccur: an A fulfils; none with an endedBy violates; else pending; validity ignored', () => {
    const rule = testRule({ kind: 'mustOccur', a: ['Min Plan udarbejdet'], endedBy: [OUT], validFrom: parseIsoDate('2030-01-01') });
    expect(
      statuses(
        rule,
        {
          has: [ev('Min Plan udarbejdet', '2024-03-01 09:00')],
          ended: [ev('Tilmeldt som jobsøgende', '2024-03-01 09:00'), ev(OUT, '2024-05-01 09:00')],
          endedAfterAsOf: [ev('Tilmeldt som jobsøgende', '2024-03-01 09:00'), ev(OUT, '2024-07-01 09:00')],
          open: [ev('Tilmeldt som jobsøgende', '2024-03-01 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ has: 'fulfilled', ended: 'violated', endedAfterAsOf: 'pending', open: 'pending' });
  });

  it('mustNotOccur: an A violates, else fulfilled', () => {
    const rule = testRule({ kind: 'mustNotOccur', a: ['Praktik hos seneste arbejdsgiver'] });
    expect(
      statuses(
        rule,
        {
          bad: [ev('Tilmeldt som jobsøgende', '2024-03-01 09:00'), ev('Praktik hos seneste arbejdsgiver', '2024-03-05 09:00')],
          good: [ev('Tilmeldt som jobsøgende', '2024-03-01 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ bad: 'violated', good: 'fulfilled' });
  });

  it('notRepeated: none notApplicable, one fulfilled, two violated (a second one after the as-of date ignored)', () => {
    const rule = testRule({ kind: 'notRepeated', a: ['Jobordre oprettet'] });
    expect(
      statuses(
        rule,
        {
          none: [ev('Rekrutteringsanmodning modtaget', '2024-03-01 09:00')],
          one: [ev('Jobordre oprettet', '2024-03-01 09:00'), ev('Jobordre oprettet', '2024-06-02 09:00')],
          two: [ev('Jobordre oprettet', '2024-03-01 09:00'), ev('Jobordre oprettet', '2024-03-02 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ none: 'notApplicable', one: 'fulfilled', two: 'violated' });
  });
});

describe('differentResources', () => {
  const rule = testRule({ kind: 'differentResources', a: ['Kandidat formidlet'], b: ['Jobordre lukket – besat med formidlet kandidat'] });
  const close = 'Jobordre lukket – besat med formidlet kandidat';

  it('compares the first A with the first B at or after it', () => {
    expect(
      statuses(
        rule,
        {
          same: [ev('Kandidat formidlet', '2024-03-01 09:00', 'SB-1'), ev(close, '2024-04-01 09:00', 'SB-1')],
          other: [ev('Kandidat formidlet', '2024-03-01 09:00', 'SB-1'), ev(close, '2024-04-01 09:00', 'SB-2')],
          bBefore: [
            ev(close, '2024-02-01 09:00', 'SB-2'),
            ev('Kandidat formidlet', '2024-03-01 09:00', 'SB-1'),
            ev(close, '2024-04-01 09:00', 'SB-1'),
          ],
          noB: [ev('Kandidat formidlet', '2024-03-01 09:00', 'SB-1')],
          noResource: [ev('Kandidat formidlet', '2024-03-01 09:00'), ev(close, '2024-04-01 09:00', 'SB-1')],
        },
        '2024-06-01',
      ),
    ).toEqual({ same: 'violated', other: 'fulfilled', bBefore: 'violated', noB: 'notApplicable', noResource: 'notApplicable' });
  });
});

describe('compliance rate and share per jobcenter', () => {
  it('rate = fulfilled / (fulfilled + violated); a jobcenter meets the share when its rate is at least the share', () => {
    const rule = testRule({ kind: 'mustNotOccur', a: ['X'], share: 0.75 });
    const ok = [ev('Y', '2024-03-01 09:00')];
    const bad = [ev('X', '2024-03-01 09:00')];
    const cases = { n1: ok, n2: ok, n3: ok, n4: bad, s1: ok, s2: bad };
    const jc = { n1: 'Nord', n2: 'Nord', n3: 'Nord', n4: 'Nord', s1: 'Syd', s2: 'Syd' };
    const log = testLog(cases, Object.fromEntries(Object.entries(jc).map(([id, j]) => [id, { jobcenter: j }])));
    const outcome = evaluateRules(log, testCatalogue(rule)).outcomes[0]!;
    expect(outcome.counts).toEqual({ fulfilled: 4, violated: 2, pending: 0, notApplicable: 0 });
    expect(outcome.complianceRate).toBeCloseTo(4 / 6, 12);
    expect(complianceByGroup(log, outcome)).toEqual([
      { group: 'Nord', fulfilled: 3, violated: 1, pending: 0, notApplicable: 0, complianceRate: 0.75, meetsShare: true },
      { group: 'Syd', fulfilled: 1, violated: 1, pending: 0, notApplicable: 0, complianceRate: 0.5, meetsShare: false },
    ]);
  });

  it('has a null rate when no case was decided, and an empty log is all notApplicable with a null as-of date', () => {
    const rule = testRule({ kind: 'notRepeated', a: ['X'] });
    const log = testLog({ c: [ev('Y', '2024-03-01 09:00')] });
    expect(evaluateRules(log, testCatalogue(rule)).outcomes[0]!.complianceRate).toBeNull();
    const empty = evaluateRules(testLog({}), testCatalogue(rule));
    expect(empty.asOfDay).toBeNull();
    expect(empty.outcomes[0]!.counts).toEqual({ fulfilled: 0, violated: 0, pending: 0, notApplicable: 0 });
  });

  it('dates each case by its anchor for the monthly tables', () => {
    const rule = testRule({ kind: 'within', a: ['A'], b: ['B'], limit: { days: 3 } });
    const log = testLog({ c1: [ev('X', '2024-01-31 23:30'), ev('A', '2024-02-01 00:30')], c2: [ev('X', '2024-03-01 09:00')] });
    const outcome = evaluateRules(log, testCatalogue(rule), { asOfDay: parseIsoDate('2024-06-01') }).outcomes[0]!;
    expect([...outcome.anchorDay]).toEqual([parseIsoDate('2024-02-01'), parseIsoDate('2024-03-01')]);
  });
});
