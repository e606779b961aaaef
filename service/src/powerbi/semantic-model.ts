import { createHash } from 'node:crypto';
import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS } from '@sagsflow/shared';
import type { EdmType, TableInfo } from '../http/model/table-info';
import { captionsFor, type ReportLang } from './captions';
import { columnOf, type FeedSelection } from './feed-tables';
import { casesMeasure, complianceRateMeasure, finishedShareMeasure, medianThroughputMeasure, type ModelMeasure } from './measures';

/** TMDL data types of the columns the feed serves. */
export type TmdlDataType = 'int64' | 'double' | 'string' | 'dateTime' | 'boolean';

/** One column of a model table, loaded from the feed column of the same name. */
export interface ModelColumn {
  name: string;
  dataType: TmdlDataType;
  summarizeBy: 'sum' | 'none';
  /** Kept out of the field list (row ids, versions, histogram buckets); visuals may still bind it. */
  isHidden: boolean;
}

/**
 * A model table: either a feed table (`entitySet`, all its columns) or a slicer dimension,
 * the distinct values of one column of a feed table (`distinctColumn`).
 */
export interface ModelTable {
  name: string;
  entitySet: string;
  distinctColumn: string | null;
  /** The entity set has a `process` column: the process parameter limits its rows. */
  filteredByProcess: boolean;
  columns: ModelColumn[];
  measures: ModelMeasure[];
}

/** A relationship: `from` is the many side; `manyToMany` for the Cases–Steps link. `to` filters `from`. */
export interface ModelRelationship {
  id: string;
  from: { table: string; column: string };
  to: { table: string; column: string };
  manyToMany: boolean;
}

/** The semantic model of the project, before it is written as TMDL. */
export interface SemanticModel {
  culture: string;
  feedUrl: string;
  /** The process the tables are limited to, or '' for all. */
  process: string;
  tables: ModelTable[];
  relationships: ModelRelationship[];
}

/** Names of the two Power Query parameters. */
export const FEED_URL_PARAMETER = 'SagsflowFeedUrl';
export const PROCESS_PARAMETER = 'SagsflowProcess';

const DATA_TYPES: Record<EdmType, TmdlDataType> = {
  'Edm.Int64': 'int64',
  'Edm.Double': 'double',
  'Edm.String': 'string',
  'Edm.DateTimeOffset': 'dateTime',
  'Edm.Boolean': 'boolean',
};
/** Numeric columns that are identifiers or positions, never added up. */
const NOT_SUMMED = new Set(['id', 'version', 'step_index', 'length']);
/** Columns for machines rather than readers: hidden in the field list. */
const HIDDEN = new Set(['id', 'version', ...BUCKET_COLUMNS, ...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS]);

function modelColumns(table: TableInfo): ModelColumn[] {
  return table.columns.map((c) => {
    const dataType = DATA_TYPES[c.edm];
    const numeric = dataType === 'int64' || dataType === 'double';
    return { name: c.name, dataType, summarizeBy: numeric && !NOT_SUMMED.has(c.name) ? 'sum' : 'none', isHidden: HIDDEN.has(c.name) };
  });
}

function relationshipId(from: string, to: string): string {
  const h = createHash('sha1').update(`${from}->${to}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function relationship(from: ModelTable, to: ModelTable, column: string, toColumn = column, manyToMany = false): ModelRelationship {
  const f = { table: from.name, column };
  const t = { table: to.name, column: toColumn };
  return { id: relationshipId(`${f.table}.${f.column}`, `${t.table}.${t.column}`), from: f, to: t, manyToMany };
}

/** A slicer dimension: its table, the feed tables it is read from, and the fact columns it filters. */
export interface SlicerDimension {
  name: string;
  column: string;
  sources: string[];
  /** Columns of other tables it relates to: its own column, and `month` (the rule tables' `YYYY-MM` anchor month) for the period. */
  factColumns: string[];
}

/** The jobcenter, period and process slicer dimensions, named in the report's language. */
export function slicerDimensions(lang: ReportLang): SlicerDimension[] {
  const captions = captionsFor(lang);
  return [
    { name: captions.jobcenterDimension, column: 'jobcenter', sources: ['Jobcenters', 'Steps'], factColumns: ['jobcenter'] },
    { name: captions.periodDimension, column: 'period', sources: ['Periods', 'Steps'], factColumns: ['period', 'month'] },
    { name: captions.processDimension, column: 'process', sources: ['Jobcenters', 'Steps'], factColumns: ['process'] },
  ];
}

/** Options of `buildSemanticModel`. */
export interface SemanticModelOptions {
  feedUrl: string;
  lang: ReportLang;
  process?: string;
}

/**
 * The semantic model over the chosen feed tables: every feed table with all its `$metadata`
 * columns; slicer dimensions for jobcenter, period and process (distinct values of the
 * `Jobcenters` / `Periods` tables) that filter every table carrying the column, except
 * `Cases`, which `Steps` filters through `variant_key` (many-to-many, one direction), so that
 * a variant picked in the process map filters the case list; and the key-figure measures.
 */
export function buildSemanticModel(feed: FeedSelection, options: SemanticModelOptions): SemanticModel {
  const captions = captionsFor(options.lang);
  const tables: ModelTable[] = feed.tables.map((t) => ({
    name: t.entitySet,
    entitySet: t.entitySet,
    distinctColumn: null,
    filteredByProcess: columnOf(t, 'process') !== undefined,
    columns: modelColumns(t),
    measures: [],
  }));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const steps = byName.get(feed.steps.entitySet)!;
  steps.measures.push(
    casesMeasure(captions.casesMeasure, steps.name),
    medianThroughputMeasure(captions.medianThroughputMeasure, steps.name),
  );
  if (feed.periods) {
    byName.get(feed.periods.entitySet)!.measures.push(finishedShareMeasure(captions.finishedShareMeasure, feed.periods.entitySet));
  }
  if (feed.compliance) {
    byName.get(feed.compliance.table.entitySet)!.measures.push(complianceRateMeasure(captions.complianceRateMeasure, feed.compliance));
  }

  const relationships: ModelRelationship[] = [];
  const cases = feed.cases ? byName.get(feed.cases.entitySet) : undefined;
  if (cases) relationships.push(relationship(cases, steps, 'variant_key', 'variant_key', true));

  for (const dim of slicerDimensions(options.lang)) {
    const source = dim.sources.map((s) => feed.tables.find((t) => t.entitySet === s)).find((t) => t && columnOf(t, dim.column));
    if (!source || byName.has(dim.name)) continue;
    const column = modelColumns(source).find((c) => c.name === dim.column)!;
    const table: ModelTable = {
      name: dim.name,
      entitySet: source.entitySet,
      distinctColumn: dim.column,
      filteredByProcess: columnOf(source, 'process') !== undefined,
      columns: [column],
      measures: [],
    };
    for (const fact of feed.tables) {
      const factColumn = dim.factColumns.find((c) => columnOf(fact, c));
      if (fact.entitySet === feed.cases?.entitySet || !factColumn) continue;
      relationships.push(relationship(byName.get(fact.entitySet)!, table, factColumn, dim.column));
    }
    tables.push(table);
    byName.set(table.name, table);
  }
  checkUniqueNames(tables);
  return { culture: captions.culture, feedUrl: options.feedUrl, process: options.process ?? '', tables, relationships };
}

/** Model names are case-insensitive: a measure may not share its name with a table, a column or another measure. */
function checkUniqueNames(tables: ModelTable[]): void {
  const taken = new Map<string, string>();
  for (const t of tables) for (const c of t.columns) taken.set(`${t.name}/${c.name}`.toLowerCase(), `${t.name}[${c.name}]`);
  const global = new Set(tables.map((t) => t.name.toLowerCase()));
  for (const t of tables) {
    for (const m of t.measures) {
      const key = m.name.toLowerCase();
      const clash = global.has(key) ? m.name : taken.get(`${t.name}/${m.name}`.toLowerCase());
      if (clash) throw new Error(`powerbi: the measure ${m.name} clashes with ${clash}`);
      global.add(key);
    }
  }
}
