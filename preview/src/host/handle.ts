import type { DataFeed } from './feed';
import type { SelectionState } from './selection';
import type { VisualMeta } from './types';

/**
 * What tests and the benchmark read from the page (`window.sagsflowPreview`), and what the
 * page's two modes (`service-mode.ts`, `bench.ts`) drive. Its own module so that `main.ts`,
 * which builds it, and the modes, which use it, do not import each other.
 */
export interface PreviewHandle {
  meta: VisualMeta;
  feed: DataFeed;
  selection: SelectionState;
  /** Rendering events reported by the visual, in order. */
  events: { kind: string; at: number; reason?: string }[];
  warnings: string[];
  /** Slicer/data loads finished; bumps after each reload. */
  loads: number;
}

declare global {
  interface Window {
    sagsflowPreview?: PreviewHandle;
  }
}
