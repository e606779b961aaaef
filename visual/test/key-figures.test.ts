import { describe, expect, it } from 'vitest';
import { STEP_END, STEP_START } from '@sagsflow/shared';
import { createFormatter } from '../src/format/formatter';
import { jobcenterDifferences, jobcenterFigures } from '../src/model/compare-jobcenters';
import { keyFigures } from '../src/model/key-figures';
import { commonWordPrefix } from '../src/render/compare-table';
import { edgeId } from '../src/model/map-views';
import { NO_DIMENSIONS } from '../src/model/row-dimensions';
import { step } from './builders';

const DAY = 86400;

/**
 * Two jobcenters: Nord has 3 cases of A → B taking 2 days; Syd has 1 case of A → B taking
 * 2 days and 2 cases of A → C taking 10 days. Cases start in 2024-03 (Nord, Syd's A → B)
 * and 2024-04 (Syd's A → C).
 */
const ROWS = [
  step('v1', 0, STEP_START, 'A', 3),
  step('v1', 1, 'A', 'B', 3, 6 * DAY, { 12: 3 }),
  step('v1', 2, 'B', STEP_END, 3),
  step('v1', 0, STEP_START, 'A', 1),
  step('v1', 1, 'A', 'B', 1, 2 * DAY, { 12: 1 }),
  step('v1', 2, 'B', STEP_END, 1),
  step('v2', 0, STEP_START, 'A', 2),
  step('v2', 1, 'A', 'C', 2, 20 * DAY, { 16: 2 }),
  step('v2', 2, 'C', STEP_END, 2),
];
const CENTERS = ['Nord', 'Nord', 'Nord', 'Syd', 'Syd', 'Syd', 'Syd', 'Syd', 'Syd'];
const PERIODS = ['2024-03', '2024-03', '2024-03', '2024-03-01', '2024-03-01', '2024-03-01', '2024-04', '2024-04', '2024-04'];
const DIMS = { jobcenter: CENTERS, period: PERIODS, process: CENTERS.map(() => 'akademiker') };

describe('keyFigures', () => {
  const figures = keyFigures(ROWS, DIMS);

  it('counts cases and, when the rows say, finished cases; throughput is of finished cases then', () => {
    const flagged = keyFigures(
      ROWS.map((row, i) => ({ ...row, finished: i < 6 })),
      DIMS,
    );
    expect(flagged.cases).toBe(6);
    expect(flagged.finishedCases).toBe(4);
    expect(flagged.throughput).toEqual({ median: 2 * DAY, p90: 2 * DAY, basis: 'variants', finishedOnly: true });
  });

  it('estimates throughput from the variants when the END steps carry no durations (median 2 days, p90 10 days)', () => {
    expect(figures.cases).toBe(6);
    expect(figures.throughput).toEqual({ median: 2 * DAY, p90: 10 * DAY, basis: 'variants', finishedOnly: false });
  });

  it('gives a monthly trend and the filters as the rows show them', () => {
    expect(figures.trend).toEqual([
      { period: '2024-03', cases: 4, medianSeconds: 2 * DAY },
      { period: '2024-04', cases: 2, medianSeconds: 10 * DAY },
    ]);
    expect(figures.filters).toEqual({ jobcenters: ['Nord', 'Syd'], periods: ['2024-03', '2024-04'], processes: ['akademiker'] });
  });

  it('says nothing about finished cases or filters it was not given', () => {
    const bare = keyFigures(ROWS, NO_DIMENSIONS);
    expect(bare.finishedCases).toBeNull();
    expect(bare.filters).toEqual({ jobcenters: null, periods: null, processes: null });
    expect(bare.trend).toEqual([]);
  });
});

describe('jobcenter comparison', () => {
  it('ranks jobcenters by median throughput, longest first', () => {
    const ranked = jobcenterFigures(ROWS, DIMS);
    expect(ranked.map((r) => [r.jobcenter, r.figures.cases, r.figures.throughput?.median])).toEqual([
      ['Syd', 3, 10 * DAY],
      ['Nord', 3, 2 * DAY],
    ]);
  });

  it('colours one jobcenter against the rest: Syd takes A → C that Nord never takes, and B less', () => {
    const d = jobcenterDifferences(ROWS, CENTERS, 'Syd', {
      mode: 'frequency',
      metric: 'mean',
      formatter: createFormatter('en-US'),
      edgeId,
    });
    expect(d.edges.get(edgeId('A', 'C'))).toMatchObject({ own: '66.7%', rest: '0%', difference: '+67 pp' });
    expect(d.edges.get(edgeId('A', 'C'))!.tone).toBeCloseTo(1, 9);
    expect(d.nodes.get('B')!.tone).toBeCloseTo(-1, 9);
    expect(d.nodes.get('A')!.tone).toBe(0);
  });
});

describe('commonWordPrefix', () => {
  it('finds the words every jobcenter name starts with, never a whole name', () => {
    expect(commonWordPrefix(['Jobcenter København Nord', 'Jobcenter København Syd'])).toBe('Jobcenter København ');
    expect(commonWordPrefix(['Jobcenter Nord', 'Jobcenter'])).toBe('');
    expect(commonWordPrefix(['Nord', 'Syd'])).toBe('');
    expect(commonWordPrefix(['Jobcenter Nord'])).toBe('');
  });
});
