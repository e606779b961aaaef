import { SelectionId, SelectionIdBuilder, type SelectionState } from './selection';
import type { UpdateOptions } from './types';

/** What the host page wires into the `IVisualHost` it hands the visual. */
export interface HostWiring {
  locale: string;
  highContrast: boolean;
  stringResources: Record<string, Record<string, string>>;
  selection: SelectionState;
  /** The visual asked for the next window of rows; true when one will come. */
  fetchMoreData(aggregateSegments: boolean): boolean;
  /** The visual persisted format-pane properties (merged into the next DataView's objects). */
  persistProperties(changes: { merge?: PersistInstance[]; replace?: PersistInstance[]; remove?: PersistInstance[] }): void;
  /** Rendering events, in order: tests and the benchmark wait on these. */
  onRenderingEvent(kind: 'started' | 'finished' | 'failed', reason?: string): void;
  onWarning(hoverText: string, detailedText: string): void;
  tooltip: HTMLElement;
  /** The frame around the visual's element. */
  frame: HTMLElement;
}

export interface PersistInstance {
  objectName: string;
  properties: Record<string, unknown>;
  selector?: unknown;
}

interface TooltipItem {
  displayName?: string;
  value?: string;
  header?: string;
}

/** Power BI's default report theme colours, handed out in order by `colorPalette.getColor`. */
const THEME = ['#118DFF', '#12239E', '#E66C37', '#6B007B', '#E044A7', '#744EC2', '#D9B300', '#D64550', '#197278', '#1AAB40'];

/**
 * Builds the `IVisualHost` the visual receives in `create({ element, host })`: the parts
 * Sagsflow uses, done the way Power BI does them, and harmless stubs for the rest.
 */
export function createVisualHost(w: HostWiring): Record<string, unknown> {
  const colors = new Map<string, string>();
  const color = (value: string) => ({ value });
  // Power BI runs a visual in an iframe, so its client coordinates are relative to the
  // visual; here the visual shares the page, so they are page coordinates already.
  const tooltipAt = (coordinates: number[] | undefined) => {
    w.tooltip.style.left = `${(coordinates?.[0] ?? 0) + 12}px`;
    w.tooltip.style.top = `${(coordinates?.[1] ?? 0) + 12}px`;
  };
  const contextMenu = (id: SelectionId | undefined, position: { x: number; y: number }) => {
    const what = id instanceof SelectionId && id.hasIdentity() ? Object.values(id.fields).join(' · ') : 'the visual';
    w.tooltip.textContent = `Context menu for ${what} (Power BI offers Include, Exclude, Drill here)`;
    w.tooltip.dataset['kind'] = 'context-menu';
    w.tooltip.style.display = 'block';
    tooltipAt([position.x, position.y]);
    document.addEventListener('click', () => (w.tooltip.style.display = 'none'), { once: true });
  };
  return {
    locale: w.locale,
    instanceId: 'sagsflow-preview',
    hostEnv: 1,
    hostCapabilities: { allowInteractions: true, allowModalDialog: false },
    createSelectionIdBuilder: () => new SelectionIdBuilder(),
    createSelectionManager: () => w.selection.createManager(contextMenu),
    colorPalette: {
      isHighContrast: w.highContrast,
      getColor(key: string) {
        if (!colors.has(key)) colors.set(key, THEME[colors.size % THEME.length]!);
        return color(colors.get(key)!);
      },
      reset() {
        colors.clear();
        return this;
      },
      foreground: color(w.highContrast ? '#ffff00' : '#252423'),
      foregroundSelected: color(w.highContrast ? '#00ffff' : '#118DFF'),
      foregroundNeutralSecondary: color('#605E5C'),
      background: color(w.highContrast ? '#000000' : '#ffffff'),
      backgroundLight: color('#f3f2f1'),
      hyperlink: color(w.highContrast ? '#ffff00' : '#0078d4'),
      negative: color('#a4262c'),
      positive: color('#107c10'),
      neutral: color('#d9b300'),
    },
    tooltipService: {
      enabled: () => true,
      show(o: { coordinates?: number[]; dataItems?: TooltipItem[] }) {
        w.tooltip.dataset['kind'] = 'tooltip';
        w.tooltip.replaceChildren(
          ...(o.dataItems ?? []).map((item) => {
            const line = document.createElement('div');
            line.textContent = item.header ?? `${item.displayName ?? ''}: ${item.value ?? ''}`;
            return line;
          }),
        );
        w.tooltip.style.display = 'block';
        tooltipAt(o.coordinates);
      },
      move(o: { coordinates?: number[] }) {
        tooltipAt(o.coordinates);
      },
      hide() {
        w.tooltip.style.display = 'none';
      },
    },
    eventService: {
      renderingStarted: (_o: UpdateOptions) => w.onRenderingEvent('started'),
      renderingFinished: (_o: UpdateOptions) => w.onRenderingEvent('finished'),
      renderingFailed: (_o: UpdateOptions, reason?: string) => w.onRenderingEvent('failed', reason),
    },
    createLocalizationManager: () => ({
      getDisplayName: (key: string) => w.stringResources[w.locale]?.[key] ?? w.stringResources['en-US']?.[key] ?? key,
    }),
    fetchMoreData: (aggregateSegments = true) => w.fetchMoreData(aggregateSegments),
    displayWarningIcon: (hoverText: string, detailedText: string) => w.onWarning(hoverText, detailedText),
    persistProperties: w.persistProperties,
    launchUrl: () => {},
    refreshHostData: () => {},
    applyJsonFilter: () => {},
    switchFocusModeState: () => {},
    setCanDrill: () => {},
    drill: () => {},
    applyCustomSort: () => {},
    telemetry: { instanceId: 'sagsflow-preview', trace: () => {} },
    storageV2Service: {
      status: () => Promise.resolve(0),
      get: () => Promise.reject(new Error('no storage in the preview host')),
      set: () => Promise.resolve(0),
      remove: () => {},
    },
    downloadService: { exportVisualsContent: () => Promise.resolve(false), exportStatus: () => Promise.resolve(0) },
    licenseManager: {
      getAvailableServicePlans: () => Promise.resolve({ plans: [], isLicenseUnsupportedEnv: false, isLicenseInfoAvailable: true }),
      notifyLicenseRequired: () => Promise.resolve(false),
      notifyFeatureBlocked: () => Promise.resolve(false),
    },
    webAccessService: { webAccessStatus: () => Promise.resolve(0) },
    subSelectionService: { subSelect: () => {}, updateRegionOutlines: () => {} },
  };
}
