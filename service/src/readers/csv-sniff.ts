import { CsvTokenizer } from './csv-tokenizer';

/** Delimiters the CSV reader detects, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t'] as const;
/** One of `DELIMITERS`. */
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_RECORDS = 50;
/** Characters of the sample looked at, at most. */
const SAMPLE_CHARS = 1 << 16;
/** Characters fed to a candidate's tokenizer at a time. */
const SLICE_CHARS = 4096;

/**
 * Picks the delimiter from a text sample (header and first records), quotes respected:
 * each candidate tokenizes the sample, and the one whose records most often have as many
 * fields as the header wins; ties go to more columns, then to the order of `DELIMITERS`.
 * A candidate that leaves the header in one field scores nothing. Default `,`.
 */
export function sniffDelimiter(sample: string, complete: boolean): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  let bestColumns = 0;
  for (const d of DELIMITERS) {
    const counts: number[] = [];
    const tokenizer = new CsvTokenizer(d.charCodeAt(0), (fields) => {
      if (counts.length <= SAMPLE_RECORDS) counts.push(fields.length);
    });
    // The sample is fed in slices until the records counted are enough (the tokenizer gives the same
    // records however its text is cut): a load's first batch waits for this.
    const end = Math.min(sample.length, SAMPLE_CHARS);
    for (let at = 0; at < end && counts.length <= SAMPLE_RECORDS; at += SLICE_CHARS)
      tokenizer.push(sample.slice(at, Math.min(at + SLICE_CHARS, end)));
    if (complete && sample.length <= SAMPLE_CHARS && counts.length <= SAMPLE_RECORDS) tokenizer.end();
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const rows = counts.slice(1);
    const score = rows.length === 0 ? 1 : rows.filter((c) => c === header).length / rows.length;
    if (score > bestScore || (score === bestScore && header > bestColumns)) {
      best = d;
      bestScore = score;
      bestColumns = header;
    }
  }
  return best;
}
