import type powerbi from 'powerbi-visuals-api';
import type { Selection } from 'd3-selection';
import type { TooltipLine, VariantRowView } from './model/types';

/** What the behaviour needs from the visual. */
export interface BehaviorOptions {
  host: powerbi.extensibility.visual.IVisualHost;
  /** The selection ids of a variant's rows (empty when unknown). */
  idsForVariant(key: string): powerbi.visuals.ISelectionId[];
  /** Called after the selected variants changed (the map is then filtered to them). */
  onSelectionChanged(selected: ReadonlySet<string>): void;
}

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

/**
 * Interaction: variant selection (click, ctrl/⌘-click to add, click again or Escape to clear,
 * click on empty map to clear), keyboard navigation in the variant list (arrows, Home/End,
 * Enter/Space), Power BI tooltips and the context menu. Selection goes through the host's
 * selection manager so the rest of the report is cross-filtered by the variant key.
 */
export class Behavior {
  private readonly selectionManager: powerbi.extensibility.ISelectionManager;
  private selected = new Set<string>();

  constructor(private readonly options: BehaviorOptions) {
    this.selectionManager = options.host.createSelectionManager();
    this.selectionManager.registerOnSelectCallback?.((ids) => {
      if (ids.length === 0 && this.selected.size > 0) this.setSelected(new Set());
    });
  }

  /** The selected variant keys. */
  get selectedVariants(): ReadonlySet<string> {
    return this.selected;
  }

  /** Forgets selected variants that no longer exist (after new data). */
  retain(keys: ReadonlySet<string>): void {
    const kept = new Set([...this.selected].filter((key) => keys.has(key)));
    if (kept.size !== this.selected.size) this.selected = kept;
  }

  private get interactive(): boolean {
    return this.options.host.hostCapabilities?.allowInteractions !== false;
  }

  /** Selects a variant (or adds/removes it with `multi`); selecting the only selected one clears. */
  toggleVariant(key: string, multi: boolean): void {
    if (!this.interactive) return;
    const next = new Set(multi ? this.selected : []);
    if (this.selected.has(key) && (multi || this.selected.size === 1)) next.delete(key);
    else next.add(key);
    this.setSelected(next);
  }

  /** Clears the selection. */
  clear(): void {
    if (this.selected.size > 0) this.setSelected(new Set());
  }

  private setSelected(next: Set<string>): void {
    this.selected = next;
    const ids = [...next].flatMap((key) => this.options.idsForVariant(key));
    try {
      if (ids.length > 0) void this.selectionManager.select(ids, false);
      else void this.selectionManager.clear();
    } catch {
      // A host without a working selection manager still filters the map locally.
    }
    this.options.onSelectionChanged(next);
  }

  /** Wires click and keyboard handling onto freshly rendered variant rows. */
  bindVariantRows(rows: Selection<HTMLDivElement, VariantRowView, HTMLDivElement, unknown>): void {
    rows
      .on('click', (event: MouseEvent, d) => {
        event.stopPropagation();
        if (d.selectable) this.toggleVariant(d.key, event.ctrlKey || event.metaKey);
      })
      .on('keydown', (event: KeyboardEvent, d) => {
        const row = event.currentTarget as HTMLDivElement;
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          if (d.selectable) this.toggleVariant(d.key, event.ctrlKey || event.metaKey);
          this.refocus(row.parentElement, d.key);
        } else if (event.key === 'Escape') {
          this.clear();
        } else if (NAVIGATION_KEYS.has(event.key)) {
          event.preventDefault();
          moveFocus(row, event.key);
        }
      })
      .on('contextmenu', (event: MouseEvent, d) => {
        const id = d.selectable ? this.options.idsForVariant(d.key)[0] : undefined;
        this.showContextMenu(event, id);
      });
  }

  /** Clicking empty map space clears the selection; right-click opens the context menu. */
  bindBackground(element: Element): void {
    element.addEventListener('click', (event) => {
      if (event.target === element || (event.target as Element).tagName === 'svg') this.clear();
    });
    element.addEventListener('contextmenu', (event) => this.showContextMenu(event as MouseEvent, undefined));
  }

  /** Shows Power BI tooltips for the elements of `items` (nodes, edges, variant rows). */
  bindTooltips<E extends HTMLElement | SVGElement, T>(
    items: Selection<E, T, Element, unknown>,
    linesOf: (d: T) => readonly TooltipLine[],
  ): void {
    const service = this.options.host.tooltipService;
    const dataItems = (d: T) => linesOf(d).map((line) => ({ displayName: line.label, value: line.value }));
    const coordinates = (event: Event) => [(event as MouseEvent).clientX, (event as MouseEvent).clientY];
    items
      .on('mouseover', (event: Event, d: T) => {
        if (service?.enabled())
          service.show({ coordinates: coordinates(event), isTouchEvent: false, dataItems: dataItems(d), identities: [] });
      })
      .on('mousemove', (event: Event, d: T) => {
        if (service?.enabled())
          service.move({ coordinates: coordinates(event), isTouchEvent: false, dataItems: dataItems(d), identities: [] });
      })
      .on('mouseout', () => {
        if (service?.enabled()) service.hide({ isTouchEvent: false, immediately: false });
      });
  }

  private showContextMenu(event: MouseEvent, id: powerbi.visuals.ISelectionId | undefined): void {
    event.preventDefault();
    event.stopPropagation();
    try {
      void this.selectionManager.showContextMenu(id ?? ({} as powerbi.visuals.ISelectionId), { x: event.clientX, y: event.clientY });
    } catch {
      // No context menu outside Power BI.
    }
  }

  private refocus(list: HTMLElement | null, key: string): void {
    queueMicrotask(() => {
      const row = list?.querySelector<HTMLElement>(`[data-variant-key="${CSS.escape(key)}"]`);
      row?.focus();
    });
  }
}

function moveFocus(row: HTMLDivElement, key: string): void {
  const rows = Array.from(row.parentElement?.children ?? []) as HTMLElement[];
  const at = rows.indexOf(row);
  const target = key === 'Home' ? 0 : key === 'End' ? rows.length - 1 : at + (key === 'ArrowDown' ? 1 : -1);
  const next = rows[Math.max(0, Math.min(rows.length - 1, target))];
  if (!next || next === row) return;
  row.tabIndex = -1;
  next.tabIndex = 0;
  next.focus();
}
