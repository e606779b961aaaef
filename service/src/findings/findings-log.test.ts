import { describe, expect, it } from 'vitest';
import { EventLogBuilder } from '@sagsflow/shared';
import { findingsLog } from './findings-log';

describe('findingsLog', () => {
  const b = new EventLogBuilder();
  for (let c = 0; c < 60; c++) {
    b.add({
      caseId: `c${c}`,
      activity: 'A',
      timestamp: c,
      caseAttributes: { CPR: `cpr-${c}`, jobcenter: `jc-${c}`, kind: c % 2 ? 'x' : 'y', result: `r${c}` },
      eventAttributes: { note: `n${c}`, result: `r${c}` },
    });
  }
  const log = b.build();

  it('keeps the jobcenter, the outcome column and case attributes of at most 50 values, in order', () => {
    const slim = findingsLog(log, { outcome: { attribute: 'result', success: ['r1'] } });
    expect([...slim.caseAttributes.keys()]).toEqual(['jobcenter', 'kind', 'result']);
    expect([...slim.eventAttributes.keys()]).toEqual(['result']);
    expect(slim.caseAttributes.get('kind')).toBe(log.caseAttributes.get('kind'));
    expect(slim.activity).toBe(log.activity);
    expect(slim.caseIds).toBe(log.caseIds);
  });

  it('drops every event attribute and the many-valued case attributes without an outcome column', () => {
    const slim = findingsLog(log, {});
    expect([...slim.caseAttributes.keys()]).toEqual(['jobcenter', 'kind']);
    expect(slim.eventAttributes.size).toBe(0);
  });
});
