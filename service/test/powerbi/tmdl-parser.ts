/**
 * A small TMDL reader for the tests: the subset of the Tabular Model Definition Language
 * (https://learn.microsoft.com/analysis-services/tmdl/tmdl-overview) that `sagsflow powerbi`
 * writes, read strictly. Objects are `kind name [= expression]` lines; their properties
 * (`name: value`, `name = expression`, or a bare flag) and child objects sit one tab deeper;
 * a multi-line expression follows a line ending in `=` and is indented at least two tabs
 * deeper than that line. Unknown object kinds, properties in the wrong object, bad enum
 * values, space indentation and indentation jumps are errors naming the file and line.
 */
export interface TmdlObject {
  kind: string;
  name: string;
  /** `ref table X`: the kind referred to. */
  refKind?: string;
  expression?: string;
  properties: Map<string, string>;
  children: TmdlObject[];
  line: number;
}

const CHILD_KINDS: Record<string, readonly string[]> = {
  '': ['database', 'model', 'table', 'relationship', 'expression', 'ref', 'annotation'],
  database: [],
  model: ['annotation', 'dataAccessOptions'],
  dataAccessOptions: [],
  table: ['column', 'measure', 'partition', 'annotation'],
  column: ['annotation'],
  measure: ['annotation'],
  partition: [],
  relationship: [],
  expression: ['annotation'],
  annotation: [],
  ref: [],
};

const PROPERTIES: Record<string, readonly string[]> = {
  database: ['compatibilityLevel'],
  model: ['culture', 'defaultPowerBIDataSourceVersion', 'sourceQueryCulture', 'discourageImplicitMeasures'],
  dataAccessOptions: ['legacyRedirects', 'returnErrorValuesAsNull'],
  table: ['lineageTag', 'isHidden', 'description'],
  column: ['dataType', 'summarizeBy', 'sourceColumn', 'formatString', 'isHidden', 'lineageTag', 'isKey', 'description'],
  measure: ['formatString', 'displayFolder', 'description', 'lineageTag'],
  partition: ['mode', 'source'],
  relationship: ['fromColumn', 'toColumn', 'fromCardinality', 'toCardinality', 'crossFilteringBehavior', 'isActive'],
  expression: ['lineageTag', 'description', 'queryGroup'],
  annotation: [],
  ref: [],
};

const ENUMS: Record<string, readonly string[]> = {
  dataType: ['int64', 'double', 'decimal', 'string', 'dateTime', 'boolean'],
  summarizeBy: ['none', 'sum', 'count', 'min', 'max', 'average', 'distinctCount'],
  mode: ['import', 'directQuery', 'dual'],
  fromCardinality: ['one', 'many'],
  toCardinality: ['one', 'many'],
  crossFilteringBehavior: ['oneDirection', 'bothDirections', 'automatic'],
};

/** Objects declared without a name. */
const NAMELESS = new Set(['database', 'dataAccessOptions']);

const NAME = String.raw`(?:'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_]*|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`;

/** A TMDL name without its quotes. */
export function unquote(name: string): string {
  return name.startsWith("'") ? name.slice(1, -1).replace(/''/g, "'") : name;
}

/** Splits `Table.Column` (either part possibly quoted). */
export function splitColumnRef(ref: string): { table: string; column: string } {
  const m = new RegExp(`^(${NAME})\\.(${NAME})$`).exec(ref);
  if (!m) throw new Error(`not a column reference: ${ref}`);
  return { table: unquote(m[1]!), column: unquote(m[2]!) };
}

interface Line {
  depth: number;
  text: string;
  raw: string;
  no: number;
}

function readLines(text: string, file: string): Line[] {
  return text
    .split('\n')
    .map((raw, i) => {
      const tabs = /^\t*/.exec(raw)![0].length;
      return { depth: tabs, text: raw.slice(tabs), raw, no: i + 1 };
    })
    .map((l) => {
      if (l.text.trim() !== '' && /^ /.test(l.text) && l.depth === 0) throw new Error(`${file}:${l.no}: indentation with spaces`);
      return l;
    });
}

/** Parses one TMDL file into its top-level objects; throws `file:line: reason` on anything outside the subset. */
export function parseTmdl(text: string, file: string): TmdlObject[] {
  const lines = readLines(text, file);
  let i = 0;
  const fail = (l: Line, why: string): never => {
    throw new Error(`${file}:${l.no}: ${why}: ${l.raw.trim()}`);
  };

  function readExpression(depth: number): string {
    const body: string[] = [];
    while (i < lines.length) {
      const l = lines[i]!;
      if (l.text.trim() === '') {
        body.push('');
        i++;
        continue;
      }
      if (l.depth < depth + 2) break;
      body.push(l.raw.slice(depth + 2));
      i++;
    }
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    if (body.length === 0) fail(lines[i - 1] ?? lines[lines.length - 1]!, 'empty expression');
    return body.join('\n');
  }

  function readObject(parentKind: string, depth: number): TmdlObject {
    const l = lines[i]!;
    const m = NAMELESS.has(l.text)
      ? [l.text, l.text, undefined, '', undefined]
      : new RegExp(`^(\\w+) (?:(table) )?(${NAME})(?: = ?(.*))?$`).exec(l.text);
    if (!m) fail(l, 'not an object declaration');
    const [, kind, refKind, name, rest] = m!;
    if (!CHILD_KINDS[parentKind]?.includes(kind!)) fail(l, `a ${kind} cannot sit in ${parentKind || 'a file'}`);
    if ((kind === 'ref') !== (refKind !== undefined)) fail(l, 'only ref names a kind');
    i++;
    const obj: TmdlObject = { kind: kind!, name: unquote(name!), properties: new Map(), children: [], line: l.no };
    if (refKind) obj.refKind = refKind;
    if (rest !== undefined) obj.expression = rest.trim() === '' ? readExpression(depth) : rest.trim();
    while (i < lines.length) {
      const c = lines[i]!;
      if (c.text.trim() === '') {
        i++;
        continue;
      }
      if (c.depth <= depth) break;
      if (c.depth !== depth + 1) fail(c, `indented ${c.depth} tabs inside a ${kind} at ${depth}`);
      const prop = /^(\w+)(?:: (.*)| =(?: (.*))?)?$/.exec(c.text);
      const childKind = /^(\w+)(?: |$)/.exec(c.text)?.[1];
      if (childKind && CHILD_KINDS[kind!]?.includes(childKind) && (NAMELESS.has(c.text) || / /.test(c.text)) && !/^\w+:/.test(c.text)) {
        obj.children.push(readObject(kind!, depth + 1));
        continue;
      }
      if (!prop) fail(c, 'not a property');
      const [, key, value, inline] = prop!;
      if (!PROPERTIES[kind!]?.includes(key!)) fail(c, `${key} is not a property of a ${kind}`);
      i++;
      let v: string;
      if (value !== undefined) v = value;
      else if (c.text.endsWith('=')) v = readExpression(depth + 1);
      else v = inline ?? 'true';
      const allowed = ENUMS[key!];
      if (allowed && !allowed.includes(v)) fail(c, `${key} must be one of ${allowed.join(', ')}`);
      obj.properties.set(key!, v);
    }
    return obj;
  }

  const objects: TmdlObject[] = [];
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.text.trim() === '') {
      i++;
      continue;
    }
    if (l.depth !== 0) fail(l, 'indented line outside any object');
    objects.push(readObject('', 0));
  }
  return objects;
}
