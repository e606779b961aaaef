import type { Primitive, RowIdentity } from './types';

/** A selection id: the column values it pins (`Steps.variant_key` = ...), plus an optional measure. */
export class SelectionId {
  constructor(
    readonly fields: Readonly<Record<string, Primitive>>,
    readonly measure?: string,
  ) {}
  getKey(): string {
    return JSON.stringify([this.fields, this.measure ?? null]);
  }
  equals(other: SelectionId): boolean {
    return other instanceof SelectionId && other.getKey() === this.getKey();
  }
  /** True when every value this id pins is pinned the same way by `other`. */
  includes(other: SelectionId): boolean {
    return Object.entries(this.fields).every(([k, v]) => other.fields[k] === v);
  }
  getSelector(): { data: { key: string; fields: Record<string, Primitive> }[] } {
    return { data: [{ key: this.getKey(), fields: { ...this.fields } }] };
  }
  getSelectorsByColumn(): Record<string, Primitive> {
    return { ...this.fields };
  }
  hasIdentity(): boolean {
    return Object.keys(this.fields).length > 0;
  }
}

interface CategoryColumnLike {
  source?: { queryName?: string; displayName?: string };
  values?: readonly Primitive[];
  identity?: readonly { fields?: Record<string, Primitive> }[];
}

/** `host.createSelectionIdBuilder()`: table rows, categories and measures pin values. */
export class SelectionIdBuilder {
  private fields: Record<string, Primitive> = {};
  private measure: string | undefined;

  withTable(table: { identity?: readonly RowIdentity[] }, rowIndex: number): this {
    Object.assign(this.fields, table.identity?.[rowIndex]?.fields ?? {});
    return this;
  }
  withCategory(column: CategoryColumnLike, index: number): this {
    const fromIdentity = column.identity?.[index]?.fields;
    if (fromIdentity) Object.assign(this.fields, fromIdentity);
    else this.fields[column.source?.queryName ?? column.source?.displayName ?? 'category'] = column.values?.[index] ?? null;
    return this;
  }
  withSeries(_columns: unknown, valueColumn: { identity?: { fields?: Record<string, Primitive> } }): this {
    Object.assign(this.fields, valueColumn.identity?.fields ?? {});
    return this;
  }
  withMeasure(measureId: string): this {
    this.measure = measureId;
    return this;
  }
  withMatrixNode(): this {
    return this;
  }
  createSelectionId(): SelectionId {
    return new SelectionId({ ...this.fields }, this.measure);
  }
}

/** Host side of selection: what the visual selected, and who is told about it. */
export class SelectionState {
  private ids: SelectionId[] = [];
  private readonly hostListeners: ((ids: SelectionId[]) => void)[] = [];
  private readonly visualCallbacks: ((ids: SelectionId[]) => void)[] = [];

  get current(): readonly SelectionId[] {
    return this.ids;
  }
  /** Host parts (the case table) that react to the visual's selection. */
  onChange(listener: (ids: SelectionId[]) => void): void {
    this.hostListeners.push(listener);
  }
  /** A selection made elsewhere in the "report": tell the visual, like Power BI does. */
  selectFromReport(ids: SelectionId[]): void {
    this.ids = ids;
    for (const cb of this.visualCallbacks) cb([...ids]);
    this.notifyHost();
  }
  /** `host.createSelectionManager()`. */
  createManager(contextMenu: (id: SelectionId | undefined, position: { x: number; y: number }) => void) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the manager object has its own `this`
    const state = this;
    return {
      select(selection: SelectionId | SelectionId[], multiSelect = false): Promise<SelectionId[]> {
        const list = Array.isArray(selection) ? selection : [selection];
        if (multiSelect) {
          for (const id of list) {
            const at = state.ids.findIndex((s) => s.equals(id));
            if (at >= 0) state.ids.splice(at, 1);
            else state.ids.push(id);
          }
        } else {
          const same = list.length === state.ids.length && list.every((id) => state.ids.some((s) => s.equals(id)));
          state.ids = same && !Array.isArray(selection) ? [] : [...list];
        }
        state.notifyHost();
        return Promise.resolve([...state.ids]);
      },
      clear(): Promise<object> {
        state.ids = [];
        state.notifyHost();
        return Promise.resolve({});
      },
      hasSelection: () => state.ids.length > 0,
      getSelectionIds: () => [...state.ids],
      registerOnSelectCallback(cb: (ids: SelectionId[]) => void): void {
        state.visualCallbacks.push(cb);
      },
      showContextMenu(id: SelectionId | undefined, position: { x: number; y: number }): Promise<object> {
        contextMenu(id, position);
        return Promise.resolve({});
      },
      applySelectionFilter(): void {},
      toggleExpandCollapse: () => Promise.resolve({}),
    };
  }
  private notifyHost(): void {
    for (const listener of this.hostListeners) listener([...this.ids]);
  }
}
