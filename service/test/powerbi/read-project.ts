import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTmdl, splitColumnRef, type TmdlObject } from './tmdl-parser';

/** Entity set -> property names, read from a `$metadata` CSDL document. */
export function metadataColumns(xml: string): Map<string, Set<string>> {
  const types = new Map<string, Set<string>>();
  for (const m of xml.matchAll(/<EntityType Name="([^"]+)">([\s\S]*?)<\/EntityType>/g)) {
    types.set(m[1]!, new Set([...m[2]!.matchAll(/<Property Name="([^"]+)"/g)].map((p) => p[1]!)));
  }
  const sets = new Map<string, Set<string>>();
  for (const m of xml.matchAll(/<EntitySet Name="([^"]+)" EntityType="[^".]+\.([^"]+)"\/>/g))
    sets.set(m[1]!, types.get(m[2]!) ?? new Set());
  return sets;
}

/** Every file under `dir`, relative path -> absolute path. */
export function listFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p).split('\\').join('/'), p);
    }
  };
  walk(dir);
  return out;
}

/** A model table as read back from its TMDL file. */
export interface ReadTable {
  name: string;
  columns: Map<string, { dataType: string; sourceColumn: string; isHidden: boolean }>;
  measures: Map<string, string>;
  /** The entity set its partition reads (`Source{[Name = "X", ...]}`). */
  entitySet: string;
  /** The one column a dimension keeps (`Table.SelectColumns(..., {"x"})`), or null for a feed table. */
  distinctColumn: string | null;
}

/** A relationship as read back. */
export interface ReadRelationship {
  from: { table: string; column: string };
  to: { table: string; column: string };
  manyToMany: boolean;
  direction: string;
}

/** The semantic model read back from a written project folder with the test TMDL parser. */
export interface ReadModel {
  tables: Map<string, ReadTable>;
  relationships: ReadRelationship[];
  expressions: Map<string, string>;
  refs: string[];
}

function table(obj: TmdlObject, file: string): ReadTable {
  const partition = obj.children.find((c) => c.kind === 'partition');
  const source = partition?.properties.get('source') ?? '';
  const entitySet = /Source\{\[Name = "([^"]+)", Signature = "table"\]\}/.exec(source)?.[1];
  if (!entitySet) throw new Error(`${file}: the partition of ${obj.name} reads no entity set`);
  const columns = new Map<string, { dataType: string; sourceColumn: string; isHidden: boolean }>();
  for (const c of obj.children.filter((x) => x.kind === 'column')) {
    columns.set(c.name, {
      dataType: c.properties.get('dataType') ?? '',
      sourceColumn: c.properties.get('sourceColumn') ?? '',
      isHidden: c.properties.get('isHidden') === 'true',
    });
  }
  const measures = new Map(obj.children.filter((x) => x.kind === 'measure').map((m) => [m.name, m.expression ?? '']));
  const distinct = /Table\.SelectColumns\([^,]+, \{"([^"]+)"\}\)/.exec(source)?.[1] ?? null;
  return { name: obj.name, columns, measures, entitySet, distinctColumn: distinct };
}

/** Reads `Sagsflow.SemanticModel/definition/` of a project folder. */
export function readModel(projectDir: string): ReadModel {
  const dir = join(projectDir, 'Sagsflow.SemanticModel', 'definition');
  const parse = (path: string) => parseTmdl(readFileSync(join(dir, path), 'utf8'), path);
  const tables = new Map<string, ReadTable>();
  for (const name of readdirSync(join(dir, 'tables'))) {
    const objs = parse(`tables/${name}`);
    if (objs.length !== 1 || objs[0]!.kind !== 'table') throw new Error(`tables/${name}: expected one table`);
    tables.set(objs[0]!.name, table(objs[0]!, name));
  }
  const relationships = parse('relationships.tmdl').map((r) => ({
    from: splitColumnRef(r.properties.get('fromColumn') ?? ''),
    to: splitColumnRef(r.properties.get('toColumn') ?? ''),
    manyToMany: r.properties.get('fromCardinality') === 'many' && r.properties.get('toCardinality') === 'many',
    direction: r.properties.get('crossFilteringBehavior') ?? 'oneDirection',
  }));
  const expressions = new Map(parse('expressions.tmdl').map((e) => [e.name, e.expression ?? '']));
  const model = parse('model.tmdl');
  parse('database.tmdl');
  return { tables, relationships, expressions, refs: model.filter((o) => o.kind === 'ref').map((o) => o.name) };
}
