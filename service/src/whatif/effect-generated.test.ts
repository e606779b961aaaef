import { afterEach, describe, expect, it } from 'vitest';
import { EventLogBuilder, measureEffect, type EventLog } from '@sagsflow/shared';
import { generateLog, type PlantedChange } from '../generate/index';
import { tempDir } from '../testing/ingest-fixtures';
import { PROCESS_END_ACTIVITIES } from '../processes/index';
import { readLog } from '../readers/index';

const NORD = 'Jobcenter København Nord';
const EDGE = 'Min Plan opdateret med tilbud → Tilbud bevilget';
const CHANGE_AT = Date.UTC(2025, 5, 30, 22); // 2025-07-01 00:00 in Copenhagen
const temps: ReturnType<typeof tempDir>[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) t.remove();
});

async function generated(cases: number, seed: number, plant?: PlantedChange): Promise<{ log: EventLog; treated: Uint8Array }> {
  const t = tempDir('sagsflow-effect-');
  temps.push(t);
  const file = t.path('log.csv');
  await generateLog({ process: 'dagpenge', cases, seed, out: file, plant });
  const builder = new EventLogBuilder();
  await readLog(file, { sink: { onEvent: ({ event }) => builder.add(event), onReject: () => {} } });
  const log = builder.build();
  const column = log.caseAttributes.get('jobcenter')!;
  return { log, treated: Uint8Array.from(column.codes, (code) => (column.values[code] === NORD ? 1 : 0)) };
}

describe('measureEffect on generated logs', () => {
  it('finds a planted halving of the wait before Tilbud bevilget in Nord, with the true effect inside its interval', async () => {
    const plant = { jobcenter: NORD, from: '2025-07-01', activity: 'Tilbud bevilget', waitingFactor: 0.5 };
    const planted = await generated(3000, 2, plant);
    const unplanted = await generated(3000, 2);
    const options = { changeAt: CHANGE_AT, closedBy: PROCESS_END_ACTIVITIES.dagpenge, seed: 1 };
    const wait = measureEffect(planted.log, { ...options, treated: planted.treated }).metrics.find((m) => m.key === EDGE)!;
    const without = measureEffect(unplanted.log, { ...options, treated: unplanted.treated }).metrics.find((m) => m.key === EDGE)!;
    expect(wait.detected).toBe(true);
    expect(without.detected).toBe(false);
    // The plant consumes no random numbers, so the unplanted extract is the same cases without the change:
    // the true effect is the difference of the treated cases' median wait after the date.
    const truth = wait.treated.after - without.treated.after;
    expect(truth).toBeLessThan(-1.5 * 86_400_000);
    expect(wait.difference!.low).toBeLessThanOrEqual(truth);
    expect(wait.difference!.high).toBeGreaterThanOrEqual(truth);
  });

  it('finds nothing on that edge where nothing was planted, in at most 3 of 20 seeds', async () => {
    let alarms = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const { log, treated } = await generated(1200, seed);
      const effect = measureEffect(log, { changeAt: CHANGE_AT, treated, closedBy: PROCESS_END_ACTIVITIES.dagpenge, seed, maxEdges: 6 });
      if (effect.metrics.find((m) => m.key === EDGE)?.detected) alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(3);
  });
});
