import type { MapNodeView } from '../model/types';

/** Longest activity name drawn in full; longer names are cut with an ellipsis. */
export const MAX_NAME_CHARS = 32;

/** The name as drawn: cut to MAX_NAME_CHARS with an ellipsis. */
export function displayName(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS - 1)}…` : name;
}

/**
 * The box of a node for a font size: wide enough for its name and value (estimated at
 * 0.6 em per character, so layout needs no DOM measuring), two text lines high.
 */
export function nodeSize(node: MapNodeView, fontSize: number): { width: number; height: number } {
  const chars = Math.max(displayName(node.name).length, node.valueLabel.length);
  const marker = node.kind !== 'activity';
  const width = Math.round(Math.max(marker ? 64 : 96, chars * fontSize * 0.6 + 24));
  const height = Math.round(fontSize * 2.4 + 12);
  return { width, height };
}
