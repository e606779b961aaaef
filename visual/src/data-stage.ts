import type powerbi from 'powerbi-visuals-api';
import { SegmentAccumulator } from './converter/segment-accumulator';
import type { RowSources } from './converter/row-sources';
import type { ConvertResult, ConvertedInput } from './converter/types';
import type { UiStringKey } from './i18n';
import { mineEvents } from './model/mine-events';
import { prepareSteps, type PreparedSteps } from './model/prepare';

/** Most selection ids sent for one variant (a plain event table can have very many rows). */
export const MAX_IDS_PER_VARIANT = 10_000;

/**
 * The data stage of the pipeline: reads data views (accumulating fetchMoreData segments),
 * mines plain event tables, aggregates step rows once per data change, and knows which data
 * view rows belong to a variant so a selection can cross-filter the report.
 */
export class DataStage {
  private readonly accumulator = new SegmentAccumulator();
  private input: ConvertedInput = { kind: 'empty', landing: true };
  private rowsOfVariant: Map<string, number[]> | null = null;
  private variantOfCase: ReadonlyMap<string, string> = new Map();

  constructor(private readonly host: powerbi.extensibility.visual.IVisualHost) {}

  /** True when no field is bound: the landing page is shown. */
  get isLanding(): boolean {
    return this.input.kind === 'empty' && this.input.landing;
  }

  /** Reads one data view (one segment) and accumulates its rows. */
  load(dataView: powerbi.DataView | undefined, operationKind: number | undefined): ConvertResult {
    const result = this.accumulator.add(dataView, operationKind);
    this.input = result.input;
    this.rowsOfVariant = null;
    return result;
  }

  /**
   * Makes the accumulated rows ready to draw: mines an event table, aggregates step rows.
   * Null when there is nothing to draw or the rows could not be aggregated (with a message).
   */
  prepare(): { prepared: PreparedSteps | null; message: UiStringKey | null } {
    const input = this.input;
    if (input.kind === 'empty') return { prepared: null, message: null };
    try {
      if (input.kind === 'steps')
        return { prepared: prepareSteps(input.rows, input.highlightCases, input.hasDurations, input.dimensions), message: null };
      const mined = mineEvents(input.events);
      this.variantOfCase = mined.variantOfCase;
      return { prepared: prepareSteps(mined.rows, null, true), message: null };
    } catch {
      return { prepared: null, message: 'Message_BadRows' };
    }
  }

  /** The selection ids of the data view rows of a variant. */
  idsForVariant(key: string): powerbi.visuals.ISelectionId[] {
    const input = this.input;
    if (input.kind === 'empty') return [];
    this.rowsOfVariant ??= this.indexRows();
    const rows = (this.rowsOfVariant.get(key) ?? []).slice(0, MAX_IDS_PER_VARIANT);
    const ids: powerbi.visuals.ISelectionId[] = [];
    try {
      for (const r of rows) ids.push(this.selectionId(input.sources, r, input.kind));
    } catch {
      return ids;
    }
    return ids;
  }

  private selectionId(sources: RowSources, row: number, kind: 'steps' | 'events'): powerbi.visuals.ISelectionId {
    const builder = this.host.createSelectionIdBuilder();
    const owner = sources.owners[sources.ownerOf[row]!]!;
    const index = sources.index[row]!;
    const built =
      kind === 'steps'
        ? builder.withCategory(owner as powerbi.DataViewCategoryColumn, index)
        : builder.withTable(owner as powerbi.DataViewTable, index);
    return built.createSelectionId();
  }

  private indexRows(): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const push = (key: string | undefined, i: number) => {
      if (key === undefined) return;
      const list = out.get(key);
      if (list) list.push(i);
      else out.set(key, [i]);
    };
    if (this.input.kind === 'steps') this.input.rows.forEach((row, i) => push(row.variantKey, i));
    else if (this.input.kind === 'events') this.input.events.caseIds.forEach((caseId, i) => push(this.variantOfCase.get(caseId), i));
    return out;
  }
}
