import type { ProcessMapEdge } from '../map/process-map';
import { convolveHistograms } from './convolve-histograms';

/** Edges keyed by `from + '\0' + to`. */
export type EdgeTable = Map<string, ProcessMapEdge>;

/** The key of the edge from `from` to `to` in an `EdgeTable`. */
export const edgeKey = (from: string, to: string) => `${from}\u0000${to}`;

/**
 * Removes activity `r` from the edge table and reroutes its flow, as in state
 * elimination of a Markov chain: every path u -> r -> w becomes flow on u -> w of
 * `count(u,r) * count(r,w) / out(r)` transitions, where out(r) counts r's outgoing
 * transitions except its self-loop. The rerouted edge's seconds grow by that flow
 * times (mean(u,r) + mean(r,w)); its cases by the flow times the smaller cases-per-
 * transition ratio. Such edges are marked `abstracted` (estimates); their histogram
 * grows by the flow times the convolution of the two waits' histograms (an estimate,
 * `convolveHistograms`), and is dropped when either side has none. Flow into r when r has
 * no way out is dropped.
 */
export function eliminateActivity(edges: EdgeTable, r: string): void {
  const ins: ProcessMapEdge[] = [];
  const outs: ProcessMapEdge[] = [];
  for (const [key, e] of edges) {
    if (e.from === r || e.to === r) edges.delete(key);
    if (e.from === r && e.to !== r) outs.push(e);
    else if (e.to === r && e.from !== r) ins.push(e);
  }
  let outTotal = 0;
  for (const o of outs) outTotal += o.count;
  if (outTotal === 0) return;
  for (const i of ins) {
    for (const o of outs) {
      const flow = (i.count * o.count) / outTotal;
      if (flow === 0) continue;
      const key = edgeKey(i.from, o.to);
      let target = edges.get(key);
      if (!target) {
        target = { from: i.from, to: o.to, count: 0, cases: 0, sumSeconds: 0 };
        if (i.histogram && o.histogram) target.histogram = new Array<number>(i.histogram.length).fill(0);
        edges.set(key, target);
      }
      const shares = i.histogram && o.histogram ? convolveHistograms(i.histogram, o.histogram) : null;
      target.count += flow;
      target.cases += flow * Math.min(i.cases / i.count, o.cases / o.count);
      target.sumSeconds += flow * (i.sumSeconds / i.count + o.sumSeconds / o.count);
      target.abstracted = true;
      if (shares && target.histogram) {
        const histogram = target.histogram;
        shares.forEach((share, b) => (histogram[b] = (histogram[b] ?? 0) + flow * share));
      } else delete target.histogram;
      delete target.fine;
    }
  }
}
