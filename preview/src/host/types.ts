/**
 * The small slice of the Power BI visuals API the stand-in host implements, typed for
 * the host's own use (the real `powerbi-visuals-api` types describe far more than a
 * stand-in needs).
 */
export type Primitive = string | number | boolean | Date | null;

/** One row as the host reads it from the service (OData entity). */
export type Row = Record<string, Primitive>;

/** A visual's `capabilities.json`, the parts the host reads. */
export interface Capabilities {
  dataRoles?: { name: string; kind?: number | string; displayName?: string }[];
  dataViewMappings?: {
    conditions?: Record<string, { min?: number; max?: number }>[];
    table?: { rows?: RoleSelect };
    categorical?: unknown;
  }[];
}

/** `rows` of a table mapping: one role (`for.in`) or a list of them (`select`). */
export interface RoleSelect {
  for?: { in: string };
  select?: { for?: { in: string }; bind?: { to: string } }[];
  dataReductionAlgorithm?: { window?: { count?: number } };
}

/** `GET /preview/visual.json`. */
export interface VisualMeta {
  guid: string;
  displayName: string;
  version: string;
  bytes: number;
  capabilities: Capabilities;
  stringResources: Record<string, Record<string, string>>;
}

export interface MetadataColumn {
  displayName: string;
  queryName: string;
  index: number;
  roles: Record<string, boolean>;
  type: Record<string, boolean>;
  isMeasure?: boolean;
}

/** A table row identity: the values of the grouping columns of that row. */
export interface RowIdentity {
  key: string;
  fields: Record<string, Primitive>;
}

export interface DataView {
  metadata: { columns: MetadataColumn[]; objects?: Record<string, Record<string, unknown>>; segment?: object };
  table?: { columns: MetadataColumn[]; rows: Primitive[][]; identity: RowIdentity[]; identityFields: string[] };
  categorical?: {
    categories: { source: MetadataColumn; values: Primitive[]; identity: RowIdentity[] }[];
    values: { source: MetadataColumn; values: Primitive[]; highlights?: Primitive[] }[];
  };
}

export interface Viewport {
  width: number;
  height: number;
}

export interface UpdateOptions {
  viewport: Viewport;
  dataViews: DataView[];
  type: number;
  viewMode: number;
  editMode: number;
  operationKind: number;
  jsonFilters: unknown[];
  isInFocus: boolean;
}

/** A visual instance as `powerbi.visuals.plugins[guid].create()` returns it. */
export interface VisualInstance {
  update(options: UpdateOptions): void;
  destroy?(): void;
  getFormattingModel?(): unknown;
}

/** `VisualUpdateType` flags. */
export const UpdateType = { Data: 2, Resize: 4, ViewMode: 8, Style: 16, ResizeEnd: 32, All: 510 } as const;

/** `VisualDataChangeOperationKind`. */
export const OperationKind = { Create: 0, Append: 1, Segment: 2 } as const;
