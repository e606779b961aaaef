import { integer } from 'drizzle-orm/sqlite-core';

/**
 * The 25 histogram columns `h00`..`h24` of the data contract (see
 * `shared/src/histogram/duration-buckets.ts`), spelled out so that drizzle infers each key.
 * `buckets.test.ts` checks that they match `BUCKET_COLUMNS`.
 */
export const HISTOGRAM_KEYS = [
  'h00',
  'h01',
  'h02',
  'h03',
  'h04',
  'h05',
  'h06',
  'h07',
  'h08',
  'h09',
  'h10',
  'h11',
  'h12',
  'h13',
  'h14',
  'h15',
  'h16',
  'h17',
  'h18',
  'h19',
  'h20',
  'h21',
  'h22',
  'h23',
  'h24',
] as const;

export type HistogramKey = (typeof HISTOGRAM_KEYS)[number];

function bucket(name: HistogramKey) {
  return integer(name).notNull().default(0);
}

/** Column builders for one additive duration histogram: counts per fixed bucket. */
export function histogramColumns() {
  return {
    h00: bucket('h00'),
    h01: bucket('h01'),
    h02: bucket('h02'),
    h03: bucket('h03'),
    h04: bucket('h04'),
    h05: bucket('h05'),
    h06: bucket('h06'),
    h07: bucket('h07'),
    h08: bucket('h08'),
    h09: bucket('h09'),
    h10: bucket('h10'),
    h11: bucket('h11'),
    h12: bucket('h12'),
    h13: bucket('h13'),
    h14: bucket('h14'),
    h15: bucket('h15'),
    h16: bucket('h16'),
    h17: bucket('h17'),
    h18: bucket('h18'),
    h19: bucket('h19'),
    h20: bucket('h20'),
    h21: bucket('h21'),
    h22: bucket('h22'),
    h23: bucket('h23'),
    h24: bucket('h24'),
  };
}
