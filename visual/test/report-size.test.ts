import { describe, expect, it } from 'vitest';
import { firstFitting, fitScale, readableScale, simplificationCandidates } from '../src/layout/readable-simplification';
import { overlaps, visibleEdgeLabels } from '../src/render/labels';
import { nameLines, nodeSize } from '../src/render/node-size';
import { estimateTextWidth } from '../src/render/text-measure';
import type { PlacedEdgeView } from '../src/render/edges';

describe('readable simplification', () => {
  it('lists every activity count from all down to one, each with 100, 50 and 20 % of the paths', () => {
    const c = simplificationCandidates(3);
    expect(c.map((s) => [s.activitiesPercent, s.pathsPercent])).toEqual([
      [100, 100],
      [100, 50],
      [100, 20],
      [66, 100],
      [66, 50],
      [66, 20],
      [33, 100],
      [33, 50],
      [33, 20],
    ]);
  });

  it('finds the richest fitting candidate by binary search, and the last when none fits', () => {
    const list = [9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(firstFitting(list, (n) => n <= 4)).toBe(4);
    expect(firstFitting(list, () => false)).toBe(1);
    expect(firstFitting(list, () => true)).toBe(9);
  });

  it('asks for zoom 1 at the default 11 px labels, and fits a layout by its tighter side', () => {
    expect(readableScale(11)).toBe(1);
    expect(readableScale(14)).toBeCloseTo(11 / 14, 12);
    expect(fitScale({ width: 1000, height: 200 }, 800, 500)).toBe(0.8);
  });
});

describe('node text', () => {
  it('wraps a long name at spaces onto at most three lines and cuts what does not fit', () => {
    expect(nameLines('Henvendelse')).toEqual(['Henvendelse']);
    expect(nameLines('Placeringsbehov aftalt i jobsamtale')).toEqual(['Placeringsbehov', 'aftalt i', 'jobsamtale']);
    expect(nameLines('Aftale om virksomhedspraktik indgået med borger i dag')).toEqual([
      'Aftale om',
      'virksomhedspraktik',
      'indgået med borge…',
    ]);
    expect(nameLines('Arbejdsmarkedsuddannelsesforløb')).toEqual(['Arbejdsmarkedsuddannelsesforløb'.slice(0, 17) + '…']);
  });

  it('sizes a node to its widest line and its lines', () => {
    const view = {
      id: 'a',
      kind: 'activity' as const,
      name: 'Placeringsbehov aftalt i jobsamtale',
      valueLabel: '1.000',
      intensity: 1,
      tooltip: [],
      highlight: null,
      tone: null,
      insight: null,
    };
    const size = nodeSize(view, 11, estimateTextWidth);
    expect(size.width).toBeGreaterThanOrEqual(estimateTextWidth('Placeringsbehov', 11) + 14);
    expect(size.height).toBe(Math.round(11 * 1.25 * 4 + 10));
  });
});

describe('visibleEdgeLabels', () => {
  const edge = (id: string, x: number, y: number, intensity: number, bottleneck = false): PlacedEdgeView => ({
    view: {
      id,
      from: 'a',
      to: 'b',
      valueLabel: '12,5 dage',
      intensity,
      transitions: 1,
      bottleneck,
      tooltip: [],
      highlight: null,
      tone: null,
      insight: null,
    },
    route: { points: [], label: { x, y } },
  });

  it('keeps the bottleneck and then the strongest label where two would overlap, and drops labels on nodes', () => {
    const shown = visibleEdgeLabels(
      [
        edge('weak', 0, 0, 0.2),
        edge('strong', 10, 2, 0.9),
        edge('slow', 12, 4, 0.1, true),
        edge('free', 0, 100, 0.1),
        edge('onNode', 200, 0, 1),
      ],
      [{ x: 210, y: 0, width: 40, height: 20 }],
      11,
      estimateTextWidth,
    );
    expect([...shown].sort()).toEqual(['free', 'slow']);
  });

  it('treats touching boxes as not overlapping', () => {
    expect(overlaps({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 10, top: 0, right: 20, bottom: 10 })).toBe(false);
    expect(overlaps({ left: 0, top: 0, right: 10, bottom: 10 }, { left: 9, top: 9, right: 20, bottom: 20 })).toBe(true);
  });
});
