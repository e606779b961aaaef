import { toDataView, type QueryResult } from './data-view';
import type { PersistInstance } from './visual-host';
import { OperationKind, UpdateType, type DataView, type UpdateOptions, type VisualInstance, type Viewport } from './types';

/**
 * Feeds a visual its data the way Power BI does: the first window of rows in one update
 * (with `metadata.segment` set while more remain), the next windows only when the visual
 * calls `fetchMoreData` (all rows so far when aggregating segments, else only the new
 * window), format-pane objects merged from `persistProperties`.
 */
export class DataFeed {
  private view: QueryResult | undefined;
  private loaded = 0;
  private objects: Record<string, Record<string, unknown>> = {};
  private highlighted: ReadonlySet<string> | undefined;
  private first = true;
  /** Number of `update()` calls made, for tests. */
  updates = 0;
  /** `performance.now()` when the last `update()` was called. */
  lastUpdateAt = 0;
  /** Milliseconds spent inside each `update()` call, in order (the visual renders synchronously). */
  readonly updateMs: number[] = [];

  constructor(
    private readonly visual: VisualInstance,
    private readonly windowSize: number,
    private readonly viewport: () => Viewport,
    /** Rows after which `fetchMoreData` refuses, like Power BI's memory cap (default: none). */
    private readonly maxRows = Number.POSITIVE_INFINITY,
  ) {}

  /** Shows a new query result (`undefined`: no fields bound). */
  show(view: QueryResult | undefined): void {
    this.view = view;
    this.highlighted = undefined;
    this.loaded = 0;
    this.send(OperationKind.Create, 0);
  }

  /** True while rows remain that the visual may still fetch. */
  pending(): boolean {
    return this.loaded < Math.min(this.maxRows, this.view?.rows.length ?? 0);
  }

  /** `host.fetchMoreData`: queues the next window; false when everything was handed over. */
  fetchMore(aggregateSegments: boolean): boolean {
    const total = this.view?.rows.length ?? 0;
    if (!this.view || this.loaded >= total || this.loaded >= this.maxRows) return false;
    const from = this.loaded;
    setTimeout(() => this.send(aggregateSegments ? OperationKind.Append : OperationKind.Segment, aggregateSegments ? 0 : from), 0);
    return true;
  }

  /** `host.persistProperties`: merge the objects and re-send the rows handed over so far. */
  persist(changes: { merge?: PersistInstance[]; replace?: PersistInstance[]; remove?: PersistInstance[] }): void {
    for (const inst of [...(changes.merge ?? []), ...(changes.replace ?? [])]) {
      this.objects[inst.objectName] = { ...(this.objects[inst.objectName] ?? {}), ...inst.properties };
    }
    for (const inst of changes.remove ?? []) {
      for (const key of Object.keys(inst.properties)) delete this.objects[inst.objectName]?.[key];
    }
    setTimeout(() => this.resend(), 0);
  }

  /** Cross-highlights these variants (a selection in another visual), or ends it with undefined. */
  highlight(variantKeys: ReadonlySet<string> | undefined): void {
    this.highlighted = variantKeys;
    this.resend();
  }

  /** Re-sends the current rows after a size change. */
  resize(): void {
    this.resend(UpdateType.Resize | UpdateType.ResizeEnd);
  }

  private resend(type: number = UpdateType.Data): void {
    const rows = this.loaded;
    this.loaded = 0;
    this.send(OperationKind.Create, 0, Math.max(rows, 1), type);
  }

  private send(operationKind: number, from: number, minRows = 0, type: number = UpdateType.Data): void {
    const dataViews: DataView[] = [];
    if (this.view) {
      const total = this.view.rows.length;
      const to = Math.min(total, Math.max(this.loaded + this.windowSize, minRows));
      dataViews.push(toDataView(this.view, from, to, to < total, this.objects, this.highlighted));
      this.loaded = to;
    }
    const options: UpdateOptions = {
      viewport: this.viewport(),
      dataViews,
      type: this.first ? UpdateType.All : type,
      viewMode: 1,
      editMode: 0,
      operationKind,
      jsonFilters: [],
      isInFocus: false,
    };
    this.first = false;
    this.updates++;
    this.lastUpdateAt = performance.now();
    this.visual.update(options);
    this.updateMs.push(performance.now() - this.lastUpdateAt);
  }
}
