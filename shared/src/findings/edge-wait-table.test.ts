import { describe, expect, it } from 'vitest';
import { MisuseError } from '../errors';
import { EventLogBuilder } from '../event-log/builder';
import { pairActivityInstances } from '../lifecycle/activity-instances';
import { jobcenterCodes, periodCodes } from './case-codes';
import { edgeWaitTable } from './edge-wait-table';
import { edgeWaits, type EdgeWaitContext } from './edge-waits';
import { collectTransitions } from './transitions';

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);

/** Cases of jobcenter N wait 1 day A -> B, of S 3 days; 2 cases also go B -> C (under k = 5). */
function context(): EdgeWaitContext {
  const b = new EventLogBuilder();
  for (let i = 0; i < 10; i++) {
    const id = `c${i}`;
    const jc = i < 5 ? 'N' : 'S';
    b.addEvent(id, 'A', T0 + i * DAY, null, null);
    b.setCaseAttribute('jobcenter', jc);
    b.addEvent(id, 'B', T0 + i * DAY + (jc === 'N' ? 1 : 3) * DAY, null, null);
    if (i < 2) b.addEvent(id, 'C', T0 + (i + 10) * DAY, null, null);
  }
  const log = b.build();
  const inst = pairActivityInstances(log);
  return {
    transitions: collectTransitions(inst),
    activities: inst.activities,
    jobcenters: jobcenterCodes({ log, process: 'p' }),
    periods: periodCodes({ log, process: 'p' }),
    minGroupSize: 5,
    yearFactor: 1,
  };
}

describe('edgeWaitTable', () => {
  it('gives each edge with at least k cases its cases and median: A -> B, 10 cases, median 2 days', () => {
    const { candidates } = edgeWaitTable(context());
    expect(candidates).toEqual([{ edge: 0, from: 'A', to: 'B', cases: 10, medianWaitMs: 2 * DAY }]);
  });

  it("computes an edge's full waits on demand, equal to edgeWaits and the same object on every call", () => {
    const ctx = context();
    const table = edgeWaitTable(ctx);
    const ab = table.wait(0);
    expect(ab.timeLostMs).toBe(10 * DAY);
    expect(ab.byJobcenter.map((j) => [j.jobcenter, j.medianWaitMs / DAY])).toEqual([
      ['N', 1],
      ['S', 3],
    ]);
    expect(table.wait(0)).toBe(ab);
    expect(table.all()).toEqual(edgeWaits(ctx));
    expect(table.all()[0]).toBe(ab);
  });

  it('refuses the full waits of an edge under k cases: MisuseError naming the edge', () => {
    expect(() => edgeWaitTable(context()).wait(1)).toThrow(MisuseError);
    expect(() => edgeWaitTable(context()).wait(1)).toThrow(/edge 1 has fewer than 5 cases/);
  });
});
