import { describe, expect, it } from 'vitest';
import type { AcceptedEvent } from './types';
import { createCsvRowHandler } from './csv-row';
import { resolveMapping } from './resolve-mapping';
import { ReadTally } from './tally';

function readRows(header: string[], rows: string[][]): AcceptedEvent[] {
  const accepted: AcceptedEvent[] = [];
  const tally = new ReadTally('t.csv', { onEvent: (a) => accepted.push(a), onReject: () => {} });
  const mapping = { case: 'Sag', activity: 'Aktivitet', timestamp: 'Tid', jobcenter: 'Jobcenter', caseAttributes: ['Borger'] };
  const handle = createCsvRowHandler({
    resolved: resolveMapping(header, mapping, 't.csv'),
    width: header.length,
    delimiter: ',',
    tally,
    sawInvalidBytes: () => false,
  });
  rows.forEach((fields, i) => handle(fields, i + 2, null));
  return accepted;
}

describe('createCsvRowHandler attributes', () => {
  const header = ['Sag', 'Borger', 'Aktivitet', 'Tid', 'Jobcenter', 'Frist'];

  it('gives each event the case and event attributes of its own row, also when the next rows repeat or change them', () => {
    const events = readRows(header, [
      ['S1', 'Anna', 'A', '2024-01-01 10:00', 'JC Nord', '2024-02-01'],
      ['S1', 'Anna', 'B', '2024-01-02 10:00', 'JC Nord', '2024-02-01'],
      ['S1', 'Anna', 'C', '2024-01-03 10:00', 'JC Nord', ''],
      ['S2', 'Bo', 'A', '2024-01-04 10:00', 'JC Nord', ''],
      ['S2', ' Bo ', 'B', '2024-01-05 10:00', '', '2024-03-01'],
      ['S3', '', 'A', '2024-01-06 10:00', '', '2024-03-01'],
    ]);
    expect(events.map((a) => [a.event.caseAttributes, a.event.eventAttributes, a.jobcenter])).toEqual([
      [{ Borger: 'Anna', jobcenter: 'JC Nord' }, { Frist: '2024-02-01' }, 'JC Nord'],
      [{ Borger: 'Anna', jobcenter: 'JC Nord' }, { Frist: '2024-02-01' }, 'JC Nord'],
      [{ Borger: 'Anna', jobcenter: 'JC Nord' }, undefined, 'JC Nord'],
      [{ Borger: 'Bo', jobcenter: 'JC Nord' }, undefined, 'JC Nord'],
      [{ Borger: 'Bo' }, { Frist: '2024-03-01' }, null],
      [undefined, { Frist: '2024-03-01' }, null],
    ]);
  });

  it('hands out one read-only attribute object again while a row repeats the values of the row before', () => {
    const events = readRows(header, [
      ['S1', 'Anna', 'A', '2024-01-01 10:00', 'JC Nord', '2024-02-01'],
      ['S1', 'Anna', 'B', '2024-01-02 10:00', 'JC Nord', '2024-02-01'],
      ['S1', 'Anna', 'C', '2024-01-03 10:00', 'JC Syd', '2024-02-01'],
    ]);
    expect(events[1]!.event.caseAttributes).toBe(events[0]!.event.caseAttributes);
    expect(events[1]!.event.eventAttributes).toBe(events[0]!.event.eventAttributes);
    expect(events[2]!.event.caseAttributes).toEqual({ Borger: 'Anna', jobcenter: 'JC Syd' });
    expect(events[2]!.event.eventAttributes).toBe(events[0]!.event.eventAttributes);
  });
});
