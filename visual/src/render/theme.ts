import type powerbi from 'powerbi-visuals-api';
import type { ResolvedSettings } from '../settings';
import { resolveColors, type Colors } from './colors';

/**
 * Resolves the colours for the host's palette (high contrast included) and applies the
 * frame-wide ones to `root`: background in high contrast, foreground and the font size
 * (never under 11 px).
 */
export function applyTheme(
  root: HTMLDivElement,
  palette: powerbi.extensibility.ISandboxExtendedColorPalette | undefined,
  settings: ResolvedSettings,
): Colors {
  const colors = resolveColors(palette, settings);
  root.style.background = colors.highContrast ? colors.background : '';
  root.style.color = colors.foreground;
  root.style.fontSize = `${Math.max(11, settings.fontSize)}px`;
  return colors;
}
