import { describe, expect, it } from 'vitest';
import { createPseudonymizer } from '../privacy/index';
import { createRawScrubber } from './raw-scrubber';

const p = createPseudonymizer(Buffer.from('test-key'));
const known = { clear: new Set(['Tilmelding']), jobcenters: new Set(['Jobcenter Nord']) };
const s = createRawScrubber(p, known);

describe('createRawScrubber', () => {
  it('raw() keeps activities, jobcenters and dates, pseudonymises ids and names, masks CPR', () => {
    expect(s.raw('C-17;Tilmelding;31-02-2024 10:00;Jens Hansen;Jobcenter Nord;010203-1234')).toBe(
      `${p.pseudonym('C-17')};Tilmelding;31-02-2024 10:00;${p.pseudonym('Jens Hansen')};Jobcenter Nord;******-****`,
    );
    expect(s.raw('123456,Tilmelding,,start,7')).toBe(`${p.pseudonym('123456')},Tilmelding,,start,7`);
  });

  it('raw() scrubs XES value attributes', () => {
    expect(s.raw('<string key="concept:name" value="Anna"/><date key="time:timestamp" value="2024-01-02T10:00:00"/>')).toBe(
      `<string key="concept:name" value="${p.pseudonym('Anna')}"/><date key="time:timestamp" value="2024-01-02T10:00:00"/>`,
    );
  });

  it('message() scrubs quoted values and masks CPR', () => {
    expect(s.message('bad timestamp "31-02-2024" for case "Anna" (0102031234)')).toBe(
      `bad timestamp "31-02-2024" for case "${p.pseudonym('Anna')}" (******-****)`,
    );
  });

  it("message() keeps a bad timestamp value and the mapping's format readable, masking only CPR numbers", () => {
    expect(
      s.message('cannot read timestamp "10/02/2024 9h" (expected the mapping\'s timestampFormat "dd-mm-yyyy HH:MM" or ISO 8601)'),
    ).toBe('cannot read timestamp "10/02/2024 9h" (expected the mapping\'s timestampFormat "dd-mm-yyyy HH:MM" or ISO 8601)');
    expect(s.message('cannot read end timestamp "010203-1234"')).toBe('cannot read end timestamp "******-****"');
    expect(s.message('cannot read timestamp "Anna 0102031234" for case "Anna"')).toBe(
      `cannot read timestamp "Anna ******-****" for case "${p.pseudonym('Anna')}"`,
    );
  });
});
