import type powerbi from 'powerbi-visuals-api';

/** The identity-bearing object of one segment: a category column (steps) or the table (events). */
export type RowOwner = powerbi.DataViewCategoryColumn | powerbi.DataViewTable;

/**
 * Where each converted row came from, stored column-wise (no object per row): the segment's
 * identity owner and the row index in it. Selection ids are built from these on demand.
 */
export interface RowSources {
  readonly owners: RowOwner[];
  /** Per row: index into `owners`. */
  readonly ownerOf: number[];
  /** Per row: row index within its owner. */
  readonly index: number[];
}

/** Empty sources for rows of `owner`. */
export function newRowSources(owner: RowOwner): RowSources {
  return { owners: [owner], ownerOf: [], index: [] };
}

/** Records that the next row came from row `index` of the (single) owner of `sources`. */
export function pushSource(sources: RowSources, index: number): void {
  sources.ownerOf.push(sources.owners.length - 1);
  sources.index.push(index);
}

/** The sources of `a`'s rows followed by `b`'s (in place on `a`, which is returned). */
export function appendSources(a: RowSources, b: RowSources): RowSources {
  const shift = a.owners.length;
  a.owners.push(...b.owners);
  for (let i = 0; i < b.index.length; i++) {
    a.ownerOf.push(b.ownerOf[i]! + shift);
    a.index.push(b.index[i]!);
  }
  return a;
}
