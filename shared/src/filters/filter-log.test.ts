import { describe, expect, it } from 'vitest';
import { MisuseError, NotFoundError } from '../errors';
import { EventLogBuilder } from '../event-log/builder';
import { BASE_MS, MINUTE, tinyLog, traces } from '../testing/tiny-log';
import { variantKey } from '../variants/variant-key';
import { filterLog } from './filter-log';

// c1 0..30, c2 20..25, c3 40..100, c4 0..5, c5 10..11
const log = tinyLog('c1: a@0 b@10 c@30; c2: a@20 c@25; c3: a@40 b@50 c@100; c4: a@0 b@2 c@5; c5: b@10 a@11');
const ids = (l: typeof log) => l.caseIds.join(' ');
const at = (minutes: number) => BASE_MS + minutes * MINUTE;

describe('filterLog timeframe [from, to)', () => {
  it.each([
    ['contained', 'c2 c5'],
    ['intersecting', 'c1 c2 c3 c5'],
    ['startedIn', 'c2 c3 c5'],
    ['completedIn', 'c1 c2 c5'],
  ] as const)('mode %s over [10, 41) keeps %s', (mode, expected) => {
    const out = filterLog(log, [{ kind: 'timeframe', mode, from: at(10), to: at(41) }]);
    expect(ids(out)).toBe(expected);
  });

  it('rejects from > to with MisuseError', () => {
    expect(() => filterLog(log, [{ kind: 'timeframe', mode: 'contained', from: 2, to: 1 }])).toThrow(MisuseError);
  });
});

describe('filterLog on activities', () => {
  it('passesThrough b keeps c1 c3 c4 c5; notPassesThrough b keeps c2', () => {
    expect(ids(filterLog(log, [{ kind: 'passesThrough', activity: 'b' }]))).toBe('c1 c3 c4 c5');
    expect(ids(filterLog(log, [{ kind: 'notPassesThrough', activity: 'b' }]))).toBe('c2');
  });

  it('start activity b keeps c5; end activity c keeps all but c5', () => {
    expect(ids(filterLog(log, [{ kind: 'startActivity', activities: ['b'] }]))).toBe('c5');
    expect(ids(filterLog(log, [{ kind: 'endActivity', activities: ['c'] }]))).toBe('c1 c2 c3 c4');
  });

  it('directlyFollows a>c keeps c2 only; eventuallyFollows a>c keeps c1 c2 c3 c4', () => {
    expect(ids(filterLog(log, [{ kind: 'directlyFollows', from: 'a', to: 'c' }]))).toBe('c2');
    expect(ids(filterLog(log, [{ kind: 'eventuallyFollows', from: 'a', to: 'c' }]))).toBe('c1 c2 c3 c4');
    expect(ids(filterLog(log, [{ kind: 'eventuallyFollows', from: 'c', to: 'a' }]))).toBe('');
  });

  it('an unknown activity matches nothing', () => {
    expect(filterLog(log, [{ kind: 'passesThrough', activity: 'zzz' }]).caseIds).toEqual([]);
  });
});

describe('filterLog on variants and durations', () => {
  it('topVariants 1 keeps the abc cases; coverage 70% needs abc (60%) and the next variant ac', () => {
    expect(ids(filterLog(log, [{ kind: 'topVariants', k: 1 }]))).toBe('c1 c3 c4');
    expect(ids(filterLog(log, [{ kind: 'variantCoverage', percent: 70 }]))).toBe('c1 c2 c3 c4');
    expect(ids(filterLog(log, [{ kind: 'variantCoverage', percent: 60 }]))).toBe('c1 c3 c4');
  });

  it('variantKeys keeps the cases of the given keys', () => {
    expect(ids(filterLog(log, [{ kind: 'variantKeys', keys: [variantKey(['a', 'c'])] }]))).toBe('c2');
  });

  it('caseDuration 5..30 minutes inclusive keeps c1 c2 c4', () => {
    expect(ids(filterLog(log, [{ kind: 'caseDuration', minMs: 5 * MINUTE, maxMs: 30 * MINUTE }]))).toBe('c1 c2 c4');
  });

  it('composes filters in order and does not modify the input', () => {
    const out = filterLog(log, [
      { kind: 'passesThrough', activity: 'b' },
      { kind: 'topVariants', k: 1 },
    ]);
    expect(ids(out)).toBe('c1 c3 c4');
    expect(log.caseIds.length).toBe(5);
    expect(Array.from(out.caseOffsets)).toEqual([0, 3, 6, 9]);
  });
});

describe('filterLog on attributes', () => {
  const b = new EventLogBuilder();
  b.add({ caseId: 'x', activity: 'a', timestamp: 1, caseAttributes: { jobcenter: 'Nord' }, eventAttributes: { team: 't1' } });
  b.add({ caseId: 'x', activity: 'b', timestamp: 2, eventAttributes: { team: 't2' } });
  b.add({ caseId: 'y', activity: 'a', timestamp: 1, caseAttributes: { jobcenter: 'Syd' }, eventAttributes: { team: 't2' } });
  b.add({ caseId: 'z', activity: 'c', timestamp: 1 });
  const alog = b.build();

  it('caseAttribute keeps matching cases, exclude keeps the others (absent included)', () => {
    expect(filterLog(alog, [{ kind: 'caseAttribute', attribute: 'jobcenter', values: ['Nord'] }]).caseIds).toEqual(['x']);
    expect(filterLog(alog, [{ kind: 'caseAttribute', attribute: 'jobcenter', values: ['Nord'], exclude: true }]).caseIds).toEqual([
      'y',
      'z',
    ]);
  });

  it('eventAttribute keep events drops other events; keep cases keeps whole cases', () => {
    const events = filterLog(alog, [{ kind: 'eventAttribute', attribute: 'team', values: ['t2'], keep: 'events' }]);
    expect(traces(events)).toEqual([['b'], ['a']]);
    expect(events.activities).toEqual(['b', 'a']);
    const cases = filterLog(alog, [{ kind: 'eventAttribute', attribute: 'team', values: ['t2'], keep: 'cases' }]);
    expect(traces(cases)).toEqual([['a', 'b'], ['a']]);
    expect(cases.caseAttributes.get('jobcenter')!.codes[1]).toBe(1);
  });

  it('an unknown attribute is a NotFoundError naming it', () => {
    expect(() => filterLog(alog, [{ kind: 'caseAttribute', attribute: 'region', values: [] }])).toThrow(NotFoundError);
    expect(() => filterLog(alog, [{ kind: 'caseAttribute', attribute: 'region', values: [] }])).toThrow(/"region"/);
  });
});
