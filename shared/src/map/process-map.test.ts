import { describe, expect, it } from 'vitest';
import { discoverDfg } from '../dfg/discover-dfg';
import { STEP_END as E, STEP_START as S } from '../steps/types';
import { tinyLog } from '../testing/tiny-log';
import { processMapFromDfg } from './process-map';
import { processMapFromLog } from './process-map-from-log';

describe('processMapFromDfg and processMapFromLog', () => {
  const log = tinyLog('c1: a@0 b@10; c2: a@0 b@30 b@31; c3: b@0');

  it('processMapFromDfg has START/END nodes and edges, seconds summed', () => {
    const map = processMapFromDfg(discoverDfg(log));
    expect(map.nodes.map((n) => [n.activity, n.count, n.cases])).toEqual([
      [S, 3, 3],
      ['b', 4, 3],
      ['a', 2, 2],
      [E, 3, 3],
    ]);
    expect(map.edges.map((e) => `${e.from}>${e.to}:${e.count}:${e.sumSeconds}`)).toEqual([
      `b>${E}:3:0`,
      'a>b:2:2400',
      `${S}>a:2:0`,
      'b>b:1:60',
      `${S}>b:1:0`,
    ]);
  });

  it('processMapFromLog gives the same numbers plus histograms', () => {
    const a = processMapFromDfg(discoverDfg(log));
    const b = processMapFromLog(log);
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges.map(({ histogram, fine, ...rest }) => rest)).toEqual(a.edges);
    expect(b.edges.every((e) => e.histogram!.reduce((x, y) => x + y, 0) === e.count)).toBe(true);
  });
});
