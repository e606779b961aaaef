import type { ActivityInstances, EventLog } from '@sagsflow/shared';
import type { Grain } from './case-groups';
import type { GroupVariants } from './group-variants';
import type { ModelRows } from './model-writer';

interface Acc {
  events: number;
  cases: number;
  selfLoops: number;
  instances: number;
  processing: number;
  waiting: number;
}

/**
 * Activities per grain cell: events, distinct cases and self-loops from the variants of the
 * cell (times their cases); instances and processing/waiting seconds from the core's
 * `pairActivityInstances` of the log, `inst` (waiting = start minus the previous instance's end,
 * floored at 0, as in `activityTimes`). Cases and pairs of group -1 are left out.
 */
export function writeActivities(
  out: ModelRows,
  log: EventLog,
  groups: readonly Grain[],
  groupOfCase: Int32Array,
  pairs: GroupVariants,
  seqs: readonly Uint32Array[],
  inst: ActivityInstances,
): void {
  const A = log.activities.length;
  const acc = new Map<number, Acc>();
  const get = (g: number, a: number): Acc => {
    const key = g * A + a;
    let x = acc.get(key);
    if (!x) {
      x = { events: 0, cases: 0, selfLoops: 0, instances: 0, processing: 0, waiting: 0 };
      acc.set(key, x);
    }
    return x;
  };
  const seen = new Int32Array(A).fill(-1);
  for (let p = 0; p < pairs.count; p++) {
    const g = pairs.group[p]!;
    if (g < 0) continue;
    const seq = seqs[pairs.variant[p]!]!;
    const cases = pairs.cases[p]!;
    for (let k = 0; k < seq.length; k++) {
      const a = seq[k]!;
      const x = get(g, a);
      x.events += cases;
      if (seen[a] !== p) {
        seen[a] = p;
        x.cases += cases;
      }
      if (k > 0 && seq[k - 1] === a) x.selfLoops += cases;
    }
  }
  // Instance activity ids index `log.activities` (pairActivityInstances keeps the log's names).
  for (let c = 0; c + 1 < inst.caseOffsets.length; c++) {
    const g = groupOfCase[c]!;
    if (g < 0) continue;
    for (let i = inst.caseOffsets[c]!; i < inst.caseOffsets[c + 1]!; i++) {
      const x = get(g, inst.activity[i]!);
      x.instances++;
      x.processing += (inst.end[i]! - inst.start[i]!) / 1000;
      if (i > inst.caseOffsets[c]!) x.waiting += Math.max(0, inst.start[i]! - inst.end[i - 1]!) / 1000;
    }
  }
  for (const [key, x] of acc) {
    const g = groups[Math.floor(key / A)]!;
    const activity = log.activities[key % A]!;
    out.add('activities', [
      g.process,
      g.jobcenter,
      g.period,
      activity,
      x.events,
      x.cases,
      x.events - x.cases,
      x.selfLoops,
      x.instances,
      x.processing,
      x.waiting,
    ]);
  }
}
