import { parseIsoDate } from '../calendar/civil-date';
import { utcOffsetMs } from '../calendar/local-date';
import { EventLogBuilder } from '../event-log/builder';
import type { EventLog } from '../event-log/types';
import type { Rule, RuleCatalogue } from '../rules/types';

/** Test helper: the epoch ms of a Copenhagen wall-clock time `YYYY-MM-DD HH:MM`. */
export function cph(text: string): number {
  const [date, time = '12:00'] = text.split(' ');
  const [h, m] = time.split(':').map(Number) as [number, number];
  const wall = parseIsoDate(date!) * 86_400_000 + (h * 60 + m) * 60_000;
  const guess = wall - utcOffsetMs(wall, 'Europe/Copenhagen');
  return wall - utcOffsetMs(guess, 'Europe/Copenhagen');
}

/** Test helper: one event of a hand-made log. */
export interface TestEvent {
  activity: string;
  at: string;
  resource?: string;
  lifecycle?: string;
}

/** Test helper: a log from cases of events (Copenhagen times) and optional case attributes. */
export function testLog(cases: Record<string, TestEvent[]>, attributes: Record<string, Record<string, string>> = {}): EventLog {
  const b = new EventLogBuilder();
  for (const [id, events] of Object.entries(cases)) {
    for (const e of events) {
      b.addEvent(id, e.activity, cph(e.at), e.resource ?? null, e.lifecycle ?? null);
      for (const [name, value] of Object.entries(attributes[id] ?? {})) b.setCaseAttribute(name, value);
    }
  }
  return b.build();
}

/** Test helper: a rule with the catalogue defaults, overridden by `fields`. */
export function testRule(fields: Partial<Rule> & Pick<Rule, 'kind' | 'a'>): Rule {
  return {
    id: 'R',
    title: { da: 'R', en: 'R' },
    source: 'test',
    basis: 'illustrative',
    b: [],
    limit: null,
    endedBy: [],
    moveToWorkingDay: false,
    calendar: 'dk-statutory',
    validFrom: null,
    validTo: null,
    where: null,
    count: 1,
    share: null,
    ...fields,
  };
}

/** Test helper: a catalogue of rules in Europe/Copenhagen. */
export function testCatalogue(...rules: Rule[]): RuleCatalogue {
  return { catalogue: 'test', process: null, timezone: 'Europe/Copenhagen', calendar: 'dk-statutory', rules };
}
