/** A semantic-query field expression of PBIR (`semanticQuery` schema, `QueryExpressionContainer`). */
export type FieldExpression =
  | { Column: { Expression: { SourceRef: { Entity: string } }; Property: string } }
  | { Measure: { Expression: { SourceRef: { Entity: string } }; Property: string } }
  | { Aggregation: { Expression: { Column: { Expression: { SourceRef: { Entity: string } }; Property: string } }; Function: number } };

/** One field bound to a visual role (`RoleProjection`). */
export interface Projection {
  field: FieldExpression;
  queryRef: string;
  nativeQueryRef: string;
  displayName?: string;
}

/** A field to bind: a column, a column summed, or a measure. */
export type FieldRef =
  | { kind: 'column'; table: string; column: string }
  | { kind: 'sum'; table: string; column: string }
  | { kind: 'measure'; table: string; measure: string };

const SUM = 0;

/** The PBIR projection of a field, with the query names Power BI Desktop gives it. */
export function projection(ref: FieldRef, displayName?: string): Projection {
  const source = { SourceRef: { Entity: ref.table } };
  let p: Projection;
  if (ref.kind === 'measure') {
    p = {
      field: { Measure: { Expression: source, Property: ref.measure } },
      queryRef: `${ref.table}.${ref.measure}`,
      nativeQueryRef: ref.measure,
    };
  } else if (ref.kind === 'sum') {
    p = {
      field: { Aggregation: { Expression: { Column: { Expression: source, Property: ref.column } }, Function: SUM } },
      queryRef: `Sum(${ref.table}.${ref.column})`,
      nativeQueryRef: `Sum of ${ref.column}`,
    };
  } else {
    p = {
      field: { Column: { Expression: source, Property: ref.column } },
      queryRef: `${ref.table}.${ref.column}`,
      nativeQueryRef: ref.column,
    };
  }
  return displayName === undefined ? p : { ...p, displayName };
}

/** The field a projection names, read back (for tests and round trips). */
export function fieldRefOf(p: Projection): FieldRef {
  const f = p.field;
  if ('Measure' in f) return { kind: 'measure', table: f.Measure.Expression.SourceRef.Entity, measure: f.Measure.Property };
  if ('Aggregation' in f)
    return {
      kind: 'sum',
      table: f.Aggregation.Expression.Column.Expression.SourceRef.Entity,
      column: f.Aggregation.Expression.Column.Property,
    };
  return { kind: 'column', table: f.Column.Expression.SourceRef.Entity, column: f.Column.Property };
}

/** A literal formatting value: `'text'`, `true`, `12D`. */
export function literal(value: string | boolean | number): { expr: { Literal: { Value: string } } } {
  const v = typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : typeof value === 'number' ? `${value}D` : String(value);
  return { expr: { Literal: { Value: v } } };
}
