import type powerbi from 'powerbi-visuals-api';
import type { Frame } from './render/frame';

/** Narrower visuals hide the variant pane and give the map the whole width. */
export const MIN_WIDTH_WITH_PANE = 960;

/** Width of the variant pane when the map area cannot be measured (see visual.less). */
export const PANE_WIDTH = 240;

/** Which side pane shows beside the map: the jobcenter comparison, the variants, or none. */
export interface Panes {
  readonly comparing: boolean;
  readonly variants: boolean;
}

/** What decides the side pane. */
export interface PaneInputs {
  /** The visual's width (the viewport's, else the measured frame's). */
  readonly width: number;
  readonly comparing: boolean;
  /** Jobcenters in the data (comparison needs two or more). */
  readonly jobcenters: number;
  readonly showVariants: boolean;
  readonly variantCount: number;
}

/**
 * The comparison pane shows while comparing two or more jobcenters; otherwise the variant
 * pane shows when the format pane asks for it, the visual is at least `MIN_WIDTH_WITH_PANE`
 * wide and there are variants.
 */
export function choosePanes(inputs: PaneInputs): Panes {
  const comparing = inputs.comparing && inputs.jobcenters > 1;
  const variants = !comparing && inputs.showVariants && inputs.width >= MIN_WIDTH_WITH_PANE && inputs.variantCount > 0;
  return { comparing, variants };
}

/** The map area's size: measured from the laid-out DOM, else derived from the viewport. */
export function mapAreaSize(frame: Frame, viewport: powerbi.IViewport | undefined, showPane: boolean): { width: number; height: number } {
  const { mapHost, toolbar, message, summary, legend } = frame;
  if (mapHost.clientWidth > 0 && mapHost.clientHeight > 0) return { width: mapHost.clientWidth, height: mapHost.clientHeight };
  const width = (viewport?.width ?? 0) - (showPane ? PANE_WIDTH : 0);
  const height = (viewport?.height ?? 0) - toolbar.offsetHeight - message.offsetHeight - summary.offsetHeight - legend.offsetHeight;
  return { width: Math.max(0, width), height: Math.max(0, height) };
}
