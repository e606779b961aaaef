import type { ActivityInstances, EventLog } from '@sagsflow/shared';
import type { Grain } from './case-groups';
import type { GroupVariants } from './group-variants';
import type { ModelRows } from './model-writer';

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
  // Sums per (cell, activity) slot, slots numbered in the order first met (the order of the rows).
  const slotOf = new Int32Array(groups.length * A).fill(-1);
  const keys: number[] = [];
  let events = new Float64Array(64);
  let cases = new Float64Array(64);
  let selfLoops = new Float64Array(64);
  let instances = new Float64Array(64);
  let processing = new Float64Array(64);
  let waiting = new Float64Array(64);
  const grow = (a: Float64Array): Float64Array => {
    const out = new Float64Array(2 * a.length);
    out.set(a);
    return out;
  };
  const slot = (g: number, a: number): number => {
    const key = g * A + a;
    let s = slotOf[key]!;
    if (s === -1) {
      s = slotOf[key] = keys.length;
      keys.push(key);
      if (s === events.length) {
        events = grow(events);
        cases = grow(cases);
        selfLoops = grow(selfLoops);
        instances = grow(instances);
        processing = grow(processing);
        waiting = grow(waiting);
      }
    }
    return s;
  };
  const seen = new Int32Array(A).fill(-1);
  for (let p = 0; p < pairs.count; p++) {
    const g = pairs.group[p]!;
    if (g < 0) continue;
    const seq = seqs[pairs.variant[p]!]!;
    const n = pairs.cases[p]!;
    for (let k = 0; k < seq.length; k++) {
      const a = seq[k]!;
      const x = slot(g, a);
      events[x]! += n;
      if (seen[a] !== p) {
        seen[a] = p;
        cases[x]! += n;
      }
      if (k > 0 && seq[k - 1] === a) selfLoops[x]! += n;
    }
  }
  // Instance activity ids index `log.activities` (pairActivityInstances keeps the log's names).
  for (let c = 0; c + 1 < inst.caseOffsets.length; c++) {
    const g = groupOfCase[c]!;
    if (g < 0) continue;
    for (let i = inst.caseOffsets[c]!; i < inst.caseOffsets[c + 1]!; i++) {
      const x = slot(g, inst.activity[i]!);
      instances[x]!++;
      processing[x]! += (inst.end[i]! - inst.start[i]!) / 1000;
      if (i > inst.caseOffsets[c]!) waiting[x]! += Math.max(0, inst.start[i]! - inst.end[i - 1]!) / 1000;
    }
  }
  for (let x = 0; x < keys.length; x++) {
    const key = keys[x]!;
    const g = groups[Math.floor(key / A)]!;
    const activity = log.activities[key % A]!;
    out.add('activities', [
      g.process,
      g.jobcenter,
      g.period,
      activity,
      events[x]!,
      cases[x]!,
      events[x]! - cases[x]!,
      selfLoops[x]!,
      instances[x]!,
      processing[x]!,
      waiting[x]!,
    ]);
  }
}
