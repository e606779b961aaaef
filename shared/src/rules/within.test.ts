import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../calendar/civil-date';
import { testCatalogue, testLog, testRule, type TestEvent } from '../testing/rule-logs';
import { evaluateRules } from './evaluate-rules';
import { RULE_STATUSES, type Rule } from './types';

const A = 'Tilmeldt som jobsøgende';
const B = 'CV registreret';
const E = 'Afmeldt som jobsøgende';

/** Status and days late (null when none) per case id. */
function verdicts(rule: Rule, cases: Record<string, TestEvent[]>, asOf?: string, attributes = {}) {
  const log = testLog(cases, attributes);
  const result = evaluateRules(log, testCatalogue(rule), asOf ? { asOfDay: parseIsoDate(asOf) } : {});
  const outcome = result.outcomes[0]!;
  return Object.fromEntries(
    log.caseIds.map((id, c) => [id, [RULE_STATUSES[outcome.status[c]!], Number.isNaN(outcome.daysLate[c]!) ? null : outcome.daysLate[c]!]]),
  );
}

const within = (fields: Partial<Rule> = {}) => testRule({ kind: 'within', a: [A], b: [B], limit: { days: 14 }, ...fields });
const ev = (activity: string, at: string): TestEvent => ({ activity, at });

describe('within: anchors and validity (line 1)', () => {
  it('is notApplicable without an A, and takes the first A as the anchor', () => {
    expect(
      verdicts(
        within(),
        {
          noA: [ev(B, '2024-03-01 10:00')],
          twoA: [ev(A, '2024-03-01 10:00'), ev(A, '2024-03-10 10:00'), ev(B, '2024-03-20 10:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ noA: ['notApplicable', null], twoA: ['violated', 5] });
  });

  it('is notApplicable when the anchor date is outside validFrom/validTo (inclusive)', () => {
    const rule = within({ validFrom: parseIsoDate('2024-01-01'), validTo: parseIsoDate('2026-06-30') });
    expect(
      verdicts(
        rule,
        {
          before: [ev(A, '2023-12-31 23:30'), ev(B, '2024-01-02 10:00')],
          first: [ev(A, '2024-01-01 00:30'), ev(B, '2024-01-02 10:00')],
          last: [ev(A, '2026-06-30 23:30'), ev(B, '2026-07-01 10:00')],
          after: [ev(A, '2026-07-01 00:30'), ev(B, '2026-07-02 10:00')],
        },
        '2026-12-01',
      ),
    ).toEqual({
      before: ['notApplicable', null],
      first: ['fulfilled', null],
      last: ['fulfilled', null],
      after: ['notApplicable', null],
    });
  });
});

describe('within: endedBy (line 2), B on time or late (line 3), no B (line 4)', () => {
  it('B on D is fulfilled, B the day after is violated by 1 day', () => {
    expect(
      verdicts(
        within(),
        {
          onD: [ev(A, '2024-03-04 09:00'), ev(B, '2024-03-18 15:00')],
          dayAfter: [ev(A, '2024-03-04 09:00'), ev(B, '2024-03-19 08:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ onD: ['fulfilled', null], dayAfter: ['violated', 1] });
  });

  it('an endedBy on or before D and before B1 (or with no B1) makes it notApplicable', () => {
    expect(
      verdicts(
        within({ endedBy: [E] }),
        {
          endedNoB: [ev(A, '2024-03-04 09:00'), ev(E, '2024-03-18 09:00')],
          endedThenLateB: [ev(A, '2024-03-04 09:00'), ev(E, '2024-03-10 09:00'), ev(B, '2024-03-25 09:00')],
          bThenEnded: [ev(A, '2024-03-04 09:00'), ev(B, '2024-03-05 09:00'), ev(E, '2024-03-06 09:00')],
          lateBThenEnded: [ev(A, '2024-03-04 09:00'), ev(B, '2024-03-20 09:00'), ev(E, '2024-03-21 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({
      endedNoB: ['notApplicable', null],
      endedThenLateB: ['notApplicable', null],
      bThenEnded: ['fulfilled', null],
      lateBThenEnded: ['violated', 2],
    });
  });

  it('an endedBy at the same moment as B1 is not strictly earlier: B1 decides, whatever their order in the file', () => {
    expect(
      verdicts(
        within({ endedBy: [E] }),
        {
          endedFirstInFile: [ev(A, '2024-03-04 09:00'), ev(E, '2024-03-10 10:00'), ev(B, '2024-03-10 10:00')],
          endedAMinuteEarlier: [ev(A, '2024-03-04 09:00'), ev(E, '2024-03-10 09:59'), ev(B, '2024-03-10 10:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({
      endedFirstInFile: ['fulfilled', null],
      endedAMinuteEarlier: ['notApplicable', null],
    });
  });

  it('an endedBy after D: violated by E1 − D without B1, by B1 − D with a later B1', () => {
    expect(
      verdicts(
        within({ endedBy: [E] }),
        {
          endedLate: [ev(A, '2024-03-04 09:00'), ev(E, '2024-03-22 09:00')],
          endedLateThenB: [ev(A, '2024-03-04 09:00'), ev(E, '2024-03-22 09:00'), ev(B, '2024-03-28 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ endedLate: ['violated', 4], endedLateThenB: ['violated', 10] });
  });

  it('an endedBy before the anchor does not count; a B before the anchor does not count', () => {
    expect(
      verdicts(
        within({ endedBy: [E] }),
        {
          endedBefore: [ev(E, '2024-03-01 09:00'), ev(A, '2024-03-04 09:00')],
          bBefore: [ev(B, '2024-03-01 09:00'), ev(A, '2024-03-04 09:00')],
        },
        '2024-03-30',
      ),
    ).toEqual({ endedBefore: ['violated', 12], bBefore: ['violated', 12] });
  });

  it('an open case is pending up to D and violated by asOf − D after it', () => {
    const cases = { open: [ev(A, '2024-03-04 09:00')] };
    expect(verdicts(within(), cases, '2024-03-18')).toEqual({ open: ['pending', null] });
    expect(verdicts(within(), cases, '2024-03-21')).toEqual({ open: ['violated', 3] });
  });

  it('ignores events after the as-of date and defaults the as-of date to the last event', () => {
    const cases = {
      c1: [ev(A, '2024-03-04 09:00'), ev(B, '2024-03-25 09:00')],
      c2: [ev(A, '2024-03-04 09:00')],
    };
    expect(verdicts(within(), cases, '2024-03-16')).toEqual({ c1: ['pending', null], c2: ['pending', null] });
    expect(verdicts(within(), cases, '2024-03-24')).toEqual({ c1: ['violated', 6], c2: ['violated', 6] });
    expect(verdicts(within(), cases)).toEqual({ c1: ['violated', 7], c2: ['violated', 7] });
  });

  it('lets only complete events (or events without a lifecycle) take part', () => {
    expect(
      verdicts(
        within(),
        {
          startOnly: [ev(A, '2024-03-04 09:00'), { activity: B, at: '2024-03-05 09:00', lifecycle: 'start' }],
          complete: [
            { activity: A, at: '2024-03-04 09:00', lifecycle: 'complete' },
            { activity: B, at: '2024-03-06 09:00', lifecycle: 'COMPLETE' },
          ],
          startA: [{ activity: A, at: '2024-03-04 09:00', lifecycle: 'start' }, ev(B, '2024-03-06 09:00')],
        },
        '2024-03-10',
      ),
    ).toEqual({ startOnly: ['pending', null], complete: ['fulfilled', null], startA: ['notApplicable', null] });
  });

  it('takes a list of names for A and B', () => {
    const rule = within({ b: ['Virksomhedspraktik påbegyndt', 'Løntilskud påbegyndt'], limit: { months: 6 } });
    expect(
      verdicts(
        rule,
        {
          praktik: [ev(A, '2024-01-15 09:00'), ev('Løntilskud påbegyndt', '2024-07-15 09:00')],
          late: [ev(A, '2024-01-15 09:00'), ev('Virksomhedspraktik påbegyndt', '2024-07-16 09:00')],
        },
        '2024-12-01',
      ),
    ).toEqual({ praktik: ['fulfilled', null], late: ['violated', 1] });
  });

  it('applies where: a case without the attribute value is notApplicable', () => {
    const rule = within({ where: { attribute: 'Maalgruppe', in: ['dagpenge'] } });
    const late = [ev(A, '2024-03-04 09:00'), ev(B, '2024-03-25 09:00')];
    expect(
      verdicts(rule, { dp: late, kh: late, none: late }, '2024-06-01', {
        dp: { Maalgruppe: 'dagpenge' },
        kh: { Maalgruppe: 'kontanthjælp' },
      }),
    ).toEqual({ dp: ['violated', 7], kh: ['notApplicable', null], none: ['notApplicable', null] });
  });
});

describe('within: deadline arithmetic on local dates', () => {
  it('counts weeks and months, 31 Jan + 1 month = 29 Feb 2024, and the leap day + 12 months = 28 Feb 2025', () => {
    expect(
      verdicts(
        within({ limit: { weeks: 2 } }),
        {
          onD: [ev(A, '2024-03-05 09:00'), ev(B, '2024-03-19 15:00')],
          late: [ev(A, '2024-03-05 09:00'), ev(B, '2024-03-20 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ onD: ['fulfilled', null], late: ['violated', 1] });
    expect(
      verdicts(
        within({ limit: { months: 1 } }),
        {
          leap: [ev(A, '2024-01-31 09:00'), ev(B, '2024-02-29 15:00')],
          march: [ev(A, '2024-01-31 09:00'), ev(B, '2024-03-01 09:00')],
          plain: [ev(A, '2023-01-31 09:00'), ev(B, '2023-03-01 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ leap: ['fulfilled', null], march: ['violated', 1], plain: ['violated', 1] });
    expect(
      verdicts(
        within({ limit: { months: 12 } }),
        {
          leapDay: [ev(A, '2024-02-29 09:00'), ev(B, '2025-03-01 09:00')],
        },
        '2025-06-01',
      ),
    ).toEqual({ leapDay: ['violated', 1] });
  });

  it('moves a deadline on a weekend to Monday only with moveToWorkingDay', () => {
    const cases = { sat: [ev(A, '2024-03-02 09:00'), ev(B, '2024-03-18 09:00')] }; // D = Sat 16 Mar
    expect(verdicts(within(), cases, '2024-06-01')).toEqual({ sat: ['violated', 2] });
    expect(verdicts(within({ moveToWorkingDay: true }), cases, '2024-06-01')).toEqual({ sat: ['fulfilled', null] });
  });

  it('moves a deadline on Easter Monday 2024 to Tuesday 2 April', () => {
    const rule = within({ moveToWorkingDay: true });
    expect(
      verdicts(
        rule,
        {
          tue: [ev(A, '2024-03-18 09:00'), ev(B, '2024-04-02 14:00')], // D = 1 Apr, 2. påskedag
          wed: [ev(A, '2024-03-18 09:00'), ev(B, '2024-04-03 09:00')],
        },
        '2024-06-01',
      ),
    ).toEqual({ tue: ['fulfilled', null], wed: ['violated', 1] });
  });

  it('counts working days across Store bededag 2023 but not 2024', () => {
    const rule = within({ limit: { workingDays: 1 } });
    expect(
      verdicts(
        rule,
        {
          y2023: [ev(A, '2023-05-04 09:00'), ev(B, '2023-05-08 09:00')], // Thu; Fri 5 May 2023 a holiday
          y2024: [ev(A, '2024-04-25 09:00'), ev(B, '2024-04-29 09:00')], // Thu; Fri 26 Apr 2024 a working day
        },
        '2024-06-01',
      ),
    ).toEqual({ y2023: ['fulfilled', null], y2024: ['violated', 3] });
  });

  it('tells dk-statutory and dk-administration apart on 24 December and 5 June', () => {
    const cases = {
      xmas: [ev(A, '2025-12-22 09:00'), ev(B, '2025-12-29 09:00')],
      june: [ev(A, '2025-06-04 09:00'), ev(B, '2025-06-06 09:00')],
    };
    const limit = { workingDays: 1 };
    expect(verdicts(within({ limit, calendar: 'dk-statutory' }), cases, '2026-02-01')).toEqual({
      xmas: ['violated', 6],
      june: ['violated', 1],
    });
    expect(verdicts(within({ limit: { workingDays: 2 }, calendar: 'dk-statutory' }), { xmas: cases.xmas }, '2026-02-01')).toEqual({
      xmas: ['violated', 5],
    });
    expect(verdicts(within({ limit: { workingDays: 2 }, calendar: 'dk-administration' }), { xmas: cases.xmas }, '2026-02-01')).toEqual({
      xmas: ['fulfilled', null],
    });
    expect(verdicts(within({ limit, calendar: 'dk-administration' }), { june: cases.june }, '2026-02-01')).toEqual({
      june: ['fulfilled', null],
    });
    const moved = within({ limit: { days: 2 }, moveToWorkingDay: true, calendar: 'dk-administration' });
    expect(verdicts(moved, { xmas: [ev(A, '2025-12-22 09:00'), ev(B, '2025-12-29 09:00')] }, '2026-02-01')).toEqual({
      xmas: ['fulfilled', null],
    }); // D = 24 Dec -> 29 Dec (25, 26 holidays, weekend)
  });

  it('takes local dates at 00:30 and 23:30 across both daylight-saving changes', () => {
    const rule = within({ limit: { days: 1 } });
    expect(
      verdicts(
        rule,
        {
          springOn: [ev(A, '2024-03-31 00:30'), ev(B, '2024-04-01 23:30')],
          springLate: [ev(A, '2024-03-31 00:30'), ev(B, '2024-04-02 00:30')],
          springEve: [ev(A, '2024-03-30 23:30'), ev(B, '2024-03-31 23:30')],
          autumnOn: [ev(A, '2024-10-27 00:30'), ev(B, '2024-10-28 23:30')],
          autumnLate: [ev(A, '2024-10-27 23:30'), ev(B, '2024-10-29 00:30')],
          winter: [ev(A, '2024-01-15 23:30'), ev(B, '2024-01-17 00:30')],
        },
        '2024-12-01',
      ),
    ).toEqual({
      springOn: ['fulfilled', null],
      springLate: ['violated', 1],
      springEve: ['fulfilled', null],
      autumnOn: ['fulfilled', null],
      autumnLate: ['violated', 1],
      winter: ['violated', 1],
    });
  });
});
