import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { createPseudonymizer } from '../privacy/index';
import type { AcceptedEvent } from '../readers/types';
import { createLoadStore, type LoadOutput } from './load-sink';
import { createLoadTransform } from './load-transform';
import { createTextScrubber } from './text-scrubber';

const p = createPseudonymizer(Buffer.from('load-transform-test-key-0123456789'));

/** What a transform hands on for one event with a personal and a plain case attribute. */
function handOn(deferPseudonyms: boolean) {
  const got: { events: string[]; caseAttributes: [string, string, boolean][] } = { events: [], caseAttributes: [] };
  const out: LoadOutput = {
    event: (caseId) => got.events.push(caseId),
    caseAttribute: (key, value, clear) => got.caseAttributes.push([key, value, clear]),
    quarantine: () => undefined,
  };
  const transform = createLoadTransform(
    { pseudonymizer: p, isPersonal: (key) => key === 'Borger', text: createTextScrubber(p), deferPseudonyms },
    out,
  );
  const accepted: AcceptedEvent = {
    event: {
      caseId: 'S-1',
      activity: 'Tilmelding',
      timestamp: Date.UTC(2024, 0, 2),
      caseAttributes: { Borger: 'Anna Jensen', Proces: 'dagpenge', Sagen: 'S-1' },
    },
    line: 2,
    endTimestamp: null,
    jobcenter: 'Nord',
  };
  transform.sink.onEvent(accepted);
  return got;
}

describe('createLoadTransform with deferPseudonyms', () => {
  it('hands on the case id and personal case attributes in clear, flagged, and everything else as without it', () => {
    const now = handOn(false);
    const deferred = handOn(true);
    expect(now.events).toEqual([p.pseudonym('S-1')]);
    expect(deferred.events).toEqual(['S-1']);
    expect(now.caseAttributes).toEqual([
      ['Borger', p.pseudonym('Anna Jensen'), false],
      ['Proces', 'dagpenge', false],
      ['Sagen', p.pseudonym('S-1'), false],
      ['jobcenter', 'Nord', false],
      ['process', 'dagpenge', false],
    ]);
    expect(deferred.caseAttributes).toEqual([
      ['Borger', 'Anna Jensen', true],
      ['Proces', 'dagpenge', false],
      ['Sagen', 'S-1', true],
      ['jobcenter', 'Nord', false],
      ['process', 'dagpenge', false],
    ]);
    // Pseudonymising the flagged values gives exactly what the transform hands on without deferring.
    expect(deferred.caseAttributes.map(([k, v, clear]) => [k, clear ? p.pseudonym(v) : v, false])).toEqual(now.caseAttributes);
  });

  it('createLoadStore refuses a case attribute that is still in clear', () => {
    const db = openDatabase(':memory:');
    const store = createLoadStore({ sqlite: db.sqlite, loadId: 1, log: 'l', version: 1 });
    store.output.event(p.pseudonym('S-1'), 'Tilmelding', 0, null, null, null, null, null);
    expect(() => store.output.caseAttribute('Borger', 'Anna Jensen', true)).toThrow(/Borger reached the store in clear/);
    db.close();
  });
});
