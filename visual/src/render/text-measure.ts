/** The width in CSS pixels of `text` drawn at `fontSize` px with `weight` (400 or 600+). */
export type MeasureText = (text: string, fontSize: number, weight?: number) => number;

/** Estimated width without a canvas: 0.62 em per character (0.66 em bold), a little generous. */
export const estimateTextWidth: MeasureText = (text, fontSize, weight = 400) => text.length * fontSize * (weight >= 600 ? 0.66 : 0.62);

/**
 * Measures text with a canvas in the visual's font, so node boxes fit their names in any
 * font the report's machine has; falls back to the estimate without a 2D canvas.
 */
export function createTextMeasurer(doc: Document, fontFamily: string): MeasureText {
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = doc.createElement('canvas').getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return estimateTextWidth;
  const ctx = context;
  const cache = new Map<string, number>();
  return (text, fontSize, weight = 400) => {
    const key = `${weight}|${fontSize}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      ctx.font = `${weight} ${fontSize}px ${fontFamily}`;
      width = Math.ceil(ctx.measureText(text).width);
      if (cache.size > 5000) cache.clear();
      cache.set(key, width);
    }
    return width;
  };
}
