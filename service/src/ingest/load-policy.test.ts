import { describe, expect, it } from 'vitest';
import { checkLoadPolicy, DEFAULT_LOAD_POLICY } from './load-policy';

describe('checkLoadPolicy', () => {
  it('passes a clean load and a first load of any size', () => {
    expect(checkLoadPolicy({ read: 100, quarantined: 5, byReason: {}, cases: 10, previousCases: null }, DEFAULT_LOAD_POLICY)).toEqual([]);
    expect(checkLoadPolicy({ read: 100, quarantined: 0, byReason: {}, cases: 90, previousCases: 100 }, DEFAULT_LOAD_POLICY)).toEqual([]);
  });
  it('refuses 62% quarantined with the reasons and the override', () => {
    const [why] = checkLoadPolicy(
      { read: 1000, quarantined: 620, byReason: { 'bad-timestamp': 615, 'missing-case': 5 }, cases: 100, previousCases: null },
      DEFAULT_LOAD_POLICY,
    );
    expect(why).toBe(
      '62% of the rows were quarantined (620 of 1000; bad-timestamp: 615, missing-case: 5), above the limit of 5%: check the mapping (timestampFormat, delimiter) or load anyway with --max-quarantine-share 0.62',
    );
  });
  it('refuses a partial file: 2,002 -> 1,757 cases is a 12.2% drop', () => {
    const [why] = checkLoadPolicy({ read: 100, quarantined: 0, byReason: {}, cases: 1757, previousCases: 2002 }, DEFAULT_LOAD_POLICY);
    expect(why).toMatch(/^the load has 1757 cases, 12.2% fewer than the 2002 of the current version \(limit 10%\)/);
    expect(why).toContain('--append');
    expect(why).toContain('--max-case-drop 0.13');
  });
});
