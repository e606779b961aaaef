import type powerbi from 'powerbi-visuals-api';
import type { ResolvedSettings } from '../settings';

/** The colours every layer draws with. */
export interface Colors {
  readonly highContrast: boolean;
  readonly background: string;
  readonly foreground: string;
  /** Activity fill at full intensity; lighter shades mix it with the background. */
  readonly node: string;
  readonly edge: string;
  readonly bottleneck: string;
  readonly selected: string;
  readonly muted: string;
}

const FALLBACK = { node: '#118DFF', edge: '#605E5C', bottleneck: '#D64550', background: '#FFFFFF', foreground: '#252423' };

/**
 * Colours from the report's palette (`host.colorPalette`) and the format pane. In high-contrast
 * mode only the palette's foreground, background and selected-foreground colours are used,
 * as Power BI asks of custom visuals.
 */
export function resolveColors(palette: powerbi.extensibility.ISandboxExtendedColorPalette | undefined, settings: ResolvedSettings): Colors {
  const read = (color: { value: string } | undefined, fallback: string) => color?.value || fallback;
  if (palette?.isHighContrast) {
    const foreground = read(palette.foreground, '#FFFFFF');
    const background = read(palette.background, '#000000');
    const selected = read(palette.foregroundSelected, foreground);
    return {
      highContrast: true,
      background,
      foreground,
      node: background,
      edge: foreground,
      bottleneck: selected,
      selected,
      muted: foreground,
    };
  }
  const paletteColor = (key: string, fallback: string) => {
    try {
      return palette?.getColor(key)?.value || fallback;
    } catch {
      return fallback;
    }
  };
  return {
    highContrast: false,
    background: read(palette?.background, FALLBACK.background),
    foreground: read(palette?.foreground, FALLBACK.foreground),
    node: settings.nodeColor || paletteColor('sagsflow-activity', FALLBACK.node),
    edge: settings.edgeColor || FALLBACK.edge,
    bottleneck: settings.bottleneckColor || FALLBACK.bottleneck,
    selected: read(palette?.foregroundSelected, FALLBACK.foreground),
    muted: '#A19F9D',
  };
}

/** The insight overlay's colour (rule violations, deviations from the model) at the darkest share. */
export const INSIGHT_COLOR = '#B3261E';

/** The insight overlay's colour of a share scaled to the map's largest (0..1); the foreground in high contrast. */
export function insightColor(scaled: number, base: string, colors: Colors): string {
  if (colors.highContrast) return colors.foreground;
  return mix(INSIGHT_COLOR, base, 0.08 + 0.92 * scaled);
}

/** Comparison colours: more or longer than the rest, and fewer or shorter. */
export const TONE_COLORS = { more: '#C4314B', less: '#2F6DB5' } as const;

/** The comparison colour of a tone (-1..1): red when positive, blue when negative. */
export function toneColor(tone: number, colors: Colors): string {
  if (colors.highContrast) return colors.foreground;
  return tone >= 0 ? TONE_COLORS.more : TONE_COLORS.less;
}

/** Mixes `color` with `base` (both #rrggbb): t = 1 gives `color`, 0 gives `base`. */
export function mix(color: string, base: string, t: number): string {
  const a = parseHex(color);
  const b = parseHex(base);
  if (!a || !b) return color;
  const k = Math.max(0, Math.min(1, t));
  const channel = (i: number) =>
    Math.round(b[i]! + (a[i]! - b[i]!) * k)
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** Black or white, whichever reads better on `background` (#rrggbb). */
export function textOn(background: string): string {
  const rgb = parseHex(background);
  if (!rgb) return '#000000';
  const luminance = (0.299 * rgb[0]! + 0.587 * rgb[1]! + 0.114 * rgb[2]!) / 255;
  return luminance > 0.6 ? '#252423' : '#FFFFFF';
}

function parseHex(color: string): number[] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
