import type { MapNodeView } from '../model/types';

/** Longest activity name drawn in full; longer names are cut with an ellipsis. */
export const MAX_NAME_CHARS = 32;

/** The name as drawn: cut to MAX_NAME_CHARS with an ellipsis. */
export function displayName(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS - 1)}…` : name;
}

/** Characters reserved for a node's value, so switching counts and durations keeps the layout. */
const VALUE_CHARS = 10;

/** Characters reserved for an edge label (same reason). */
const EDGE_LABEL_CHARS = 9;

/**
 * The box of a node for a font size: wide enough for its name and value (estimated at
 * 0.6 em per character, so layout needs no DOM measuring), two text lines high.
 */
export function nodeSize(node: MapNodeView, fontSize: number): { width: number; height: number } {
  const chars = Math.max(displayName(node.name).length, node.valueLabel.length, VALUE_CHARS);
  const marker = node.kind !== 'activity';
  const width = Math.round(Math.max(marker ? 64 : 96, chars * fontSize * 0.6 + 24));
  const height = Math.round(fontSize * 2.4 + 12);
  return { width, height };
}

/** The room reserved for every edge label, whatever it currently shows. */
export function edgeLabelSize(fontSize: number): { labelWidth: number; labelHeight: number } {
  return { labelWidth: Math.ceil(EDGE_LABEL_CHARS * fontSize * 0.55 + 8), labelHeight: fontSize + 4 };
}
