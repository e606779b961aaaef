import { FEED_URL_PARAMETER, PROCESS_PARAMETER, type ModelTable, type SemanticModel } from './semantic-model';

/** Compatibility level of the written model (TMDL in Power BI Desktop projects). */
export const COMPATIBILITY_LEVEL = 1600;

const TAB = '\t';

/** A TMDL object name: bare when it is a plain identifier, else in single quotes (quotes doubled). */
export function tmdlName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** An M text literal. */
export function mString(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function indentBlock(text: string, depth: number): string[] {
  return text.split('\n').map((line) => TAB.repeat(depth) + line);
}

/** The Power Query (M) that loads one model table from the feed. */
export function partitionSource(table: ModelTable): string {
  const steps = [
    `Source = OData.Feed(${FEED_URL_PARAMETER}, null, [Implementation = "2.0"])`,
    `Rows = Source{[Name = ${mString(table.entitySet)}, Signature = "table"]}[Data]`,
  ];
  let last = 'Rows';
  if (table.filteredByProcess) {
    steps.push(`Scoped = if ${PROCESS_PARAMETER} = "" then Rows else Table.SelectRows(Rows, each [process] = ${PROCESS_PARAMETER})`);
    last = 'Scoped';
  }
  if (table.distinctColumn !== null) {
    steps.push(`Values = Table.Distinct(Table.SelectColumns(${last}, {${mString(table.distinctColumn)}}))`);
    last = 'Values';
  }
  return ['let', ...steps.map((s, i) => `    ${s}${i < steps.length - 1 ? ',' : ''}`), 'in', `    ${last}`].join('\n');
}

/** `definition/database.tmdl`. */
export function databaseTmdl(): string {
  return `database\n${TAB}compatibilityLevel: ${COMPATIBILITY_LEVEL}\n`;
}

/**
 * `definition/model.tmdl`: culture, data source version and the access options Power BI
 * Desktop gives a new model, no automatic date tables (the feed's periods are `YYYY-MM`
 * text), and the table order.
 */
export function modelTmdl(model: SemanticModel): string {
  const lines = [
    'model Model',
    `${TAB}culture: ${model.culture}`,
    `${TAB}defaultPowerBIDataSourceVersion: powerBI_V3`,
    `${TAB}sourceQueryCulture: ${model.culture}`,
    `${TAB}dataAccessOptions`,
    `${TAB}${TAB}legacyRedirects`,
    `${TAB}${TAB}returnErrorValuesAsNull`,
    '',
    'annotation __PBI_TimeIntelligenceEnabled = 0',
    '',
    ...model.tables.map((t) => `ref table ${tmdlName(t.name)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `definition/expressions.tmdl`: the feed URL and process parameters. */
export function expressionsTmdl(model: SemanticModel): string {
  const parameter = (name: string, value: string, required: boolean) => [
    `expression ${name} = ${mString(value)} meta [IsParameterQuery = true, Type = "Text", IsParameterQueryRequired = ${required}]`,
    '',
    `${TAB}annotation PBI_ResultType = Text`,
    '',
  ];
  return [...parameter(FEED_URL_PARAMETER, model.feedUrl, true), ...parameter(PROCESS_PARAMETER, model.process, false)].join('\n');
}

/** `definition/relationships.tmdl`. */
export function relationshipsTmdl(model: SemanticModel): string {
  const lines: string[] = [];
  for (const r of model.relationships) {
    lines.push(`relationship ${r.id}`);
    if (r.manyToMany) {
      lines.push(`${TAB}fromCardinality: many`, `${TAB}toCardinality: many`, `${TAB}crossFilteringBehavior: oneDirection`);
    }
    lines.push(`${TAB}fromColumn: ${tmdlName(r.from.table)}.${tmdlName(r.from.column)}`);
    lines.push(`${TAB}toColumn: ${tmdlName(r.to.table)}.${tmdlName(r.to.column)}`, '');
  }
  return lines.join('\n');
}

/** `definition/tables/NAME.tmdl`: measures, columns and the import partition of one table. */
export function tableTmdl(table: ModelTable): string {
  const lines = [`table ${tmdlName(table.name)}`, ''];
  for (const m of table.measures) {
    if (m.expression.includes('\n')) lines.push(`${TAB}measure ${tmdlName(m.name)} =`, ...indentBlock(m.expression, 3));
    else lines.push(`${TAB}measure ${tmdlName(m.name)} = ${m.expression}`);
    lines.push(`${TAB}${TAB}formatString: ${m.formatString}`, '');
  }
  for (const c of table.columns) {
    lines.push(`${TAB}column ${tmdlName(c.name)}`);
    lines.push(`${TAB}${TAB}dataType: ${c.dataType}`);
    if (c.isHidden) lines.push(`${TAB}${TAB}isHidden`);
    lines.push(`${TAB}${TAB}summarizeBy: ${c.summarizeBy}`);
    lines.push(`${TAB}${TAB}sourceColumn: ${c.name}`, '');
  }
  lines.push(`${TAB}partition ${tmdlName(table.name)} = m`, `${TAB}${TAB}mode: import`, `${TAB}${TAB}source =`);
  lines.push(...indentBlock(partitionSource(table), 4), '');
  lines.push(`${TAB}annotation PBI_ResultType = Table`, '');
  return lines.join('\n');
}

/** Every TMDL file of the model, by path under `Sagsflow.SemanticModel/definition/`. */
export function semanticModelFiles(model: SemanticModel): Map<string, string> {
  const files = new Map<string, string>([
    ['database.tmdl', databaseTmdl()],
    ['model.tmdl', modelTmdl(model)],
    ['expressions.tmdl', expressionsTmdl(model)],
    ['relationships.tmdl', relationshipsTmdl(model)],
  ]);
  for (const t of model.tables) files.set(`tables/${t.name}.tmdl`, tableTmdl(t));
  return files;
}
