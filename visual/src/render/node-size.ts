import type { MapNodeView } from '../model/types';
import { estimateTextWidth, type MeasureText } from './text-measure';

/** Characters per line of an activity name before it wraps. */
export const LINE_CHARS = 18;

/** Most lines of an activity name; what does not fit ends with an ellipsis. */
export const MAX_NAME_LINES = 3;

/** Longest activity name drawn on one line (aria labels): the room of all lines. */
export const MAX_NAME_CHARS = MAX_NAME_LINES * LINE_CHARS;

/** Line height of node text, in em. */
export const LINE_HEIGHT = 1.25;

/**
 * The name as drawn: words filled into lines of at most LINE_CHARS characters (a longer word
 * is cut with an ellipsis), at most MAX_NAME_LINES lines; the rest ends with an ellipsis.
 */
export function nameLines(name: string): string[] {
  if (name.length <= LINE_CHARS) return [name];
  const words = name.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= LINE_CHARS || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const cut = (text: string) => (text.length > LINE_CHARS ? `${text.slice(0, LINE_CHARS - 1)}…` : text);
  if (lines.length <= MAX_NAME_LINES) return lines.map(cut);
  const last = lines.slice(MAX_NAME_LINES - 1).join(' ');
  return [...lines.slice(0, MAX_NAME_LINES - 1).map(cut), `${last.slice(0, LINE_CHARS - 1)}…`];
}

/** The name on one line (for aria labels and tooltips): cut to MAX_NAME_CHARS with an ellipsis. */
export function displayName(name: string): string {
  return name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS - 1)}…` : name;
}

/**
 * The box of a node for a font size: wide enough for its name lines and its value (measured,
 * or estimated without a canvas), as high as its lines plus padding.
 */
export function nodeSize(node: MapNodeView, fontSize: number, measure: MeasureText = estimateTextWidth): { width: number; height: number } {
  const lines = nameLines(node.name);
  const text = Math.max(...lines.map((line) => measure(line, fontSize)), measure(node.valueLabel, fontSize, 600));
  const marker = node.kind !== 'activity';
  const width = Math.ceil(Math.max(marker ? 44 : 64, text + 14) / 4) * 4;
  const height = Math.round(fontSize * LINE_HEIGHT * (lines.length + 1) + 10);
  return { width, height };
}

/**
 * The room reserved for every edge label: the widest label the map shows now (bold, as a
 * bottleneck's), rounded up to 8 px so small changes keep the cached layout.
 */
export function edgeLabelSize(
  labels: readonly string[],
  fontSize: number,
  measure: MeasureText = estimateTextWidth,
): { labelWidth: number; labelHeight: number } {
  const widest = Math.max(0, ...labels.map((label) => measure(label, fontSize, 700)));
  return { labelWidth: Math.max(16, Math.ceil((widest + 6) / 8) * 8), labelHeight: Math.ceil(fontSize * 1.2 + 4) };
}
