import type { ActivityInstances, EventLog } from '@sagsflow/shared';
import type { Grain } from './case-groups';
import type { GroupVariants } from './group-variants';
import type { ModelRows } from './model-writer';

/**
 * Sums per (group g, activity a), keyed `g * A + a`: a slot per key, numbered in the order first
 * met (the order of the rows), and the sums of slot `x` at `[x]` of typed arrays (no object and
 * no map lookup per event).
 */
class ActivitySums {
  readonly keys: number[] = [];
  events: Float64Array = new Float64Array(64);
  cases: Float64Array = new Float64Array(64);
  selfLoops: Float64Array = new Float64Array(64);
  instances: Float64Array = new Float64Array(64);
  processing: Float64Array = new Float64Array(64);
  waiting: Float64Array = new Float64Array(64);
  private readonly slotOf: Int32Array;

  constructor(keyCount: number) {
    this.slotOf = new Int32Array(keyCount).fill(-1);
  }

  /** The slot of `key`, made on first use. */
  slot(key: number): number {
    const x = this.slotOf[key]!;
    return x === -1 ? this.add(key) : x;
  }

  private add(key: number): number {
    const x = (this.slotOf[key] = this.keys.length);
    this.keys.push(key);
    if (x === this.events.length) {
      this.events = grown(this.events);
      this.cases = grown(this.cases);
      this.selfLoops = grown(this.selfLoops);
      this.instances = grown(this.instances);
      this.processing = grown(this.processing);
      this.waiting = grown(this.waiting);
    }
    return x;
  }
}

function grown(a: Float64Array): Float64Array {
  const out = new Float64Array(2 * a.length);
  out.set(a);
  return out;
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
  const sums = new ActivitySums(groups.length * A);
  addVariantCounts(sums, A, pairs, seqs);
  addInstanceTimes(sums, A, groupOfCase, inst);
  const { keys, events, cases, selfLoops, instances, processing, waiting } = sums;
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

// The two loops below are functions of their own: V8 compiles each loop once on stack (OSR)
// instead of compiling all of `writeActivities` again at each loop it reaches.

/** Events, distinct cases and self-loops per (group, activity) from the variants of each pair (times their cases). */
function addVariantCounts(sums: ActivitySums, A: number, pairs: GroupVariants, seqs: readonly Uint32Array[]): void {
  const seen = new Int32Array(A).fill(-1);
  for (let p = 0; p < pairs.count; p++) {
    const g = pairs.group[p]!;
    if (g < 0) continue;
    const seq = seqs[pairs.variant[p]!]!;
    const cases = pairs.cases[p]!;
    for (let k = 0; k < seq.length; k++) {
      const a = seq[k]!;
      const x = sums.slot(g * A + a);
      sums.events[x]! += cases;
      if (seen[a] !== p) {
        seen[a] = p;
        sums.cases[x]! += cases;
      }
      if (k > 0 && seq[k - 1] === a) sums.selfLoops[x]! += cases;
    }
  }
}

/** Instances and processing/waiting seconds per (group, activity) from the activity instances of each case. */
function addInstanceTimes(sums: ActivitySums, A: number, groupOfCase: Int32Array, inst: ActivityInstances): void {
  // Instance activity ids index `log.activities` (pairActivityInstances keeps the log's names).
  for (let c = 0; c + 1 < inst.caseOffsets.length; c++) {
    const g = groupOfCase[c]!;
    if (g < 0) continue;
    for (let i = inst.caseOffsets[c]!; i < inst.caseOffsets[c + 1]!; i++) {
      const x = sums.slot(g * A + inst.activity[i]!);
      sums.instances[x]!++;
      sums.processing[x]! += (inst.end[i]! - inst.start[i]!) / 1000;
      if (i > inst.caseOffsets[c]!) sums.waiting[x]! += Math.max(0, inst.start[i]! - inst.end[i - 1]!) / 1000;
    }
  }
}
