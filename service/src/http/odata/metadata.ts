import type { TableInfo } from '../model/table-info';

/** Namespace of the entity types in `$metadata`. */
export const ODATA_NAMESPACE = 'Sagsflow';

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/**
 * The CSDL XML document (`$metadata`) of the given tables: one EntityType with its Key and
 * typed properties per table, and one EntitySet per table in the EntityContainer.
 */
export function metadataXml(tables: readonly TableInfo[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml">',
    '<edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/>',
    '</edmx:Reference>',
    '<edmx:DataServices>',
    `<Schema Namespace="${ODATA_NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
  ];
  for (const t of tables) {
    lines.push(`<EntityType Name="${xmlAttr(t.entityType)}">`);
    lines.push(`<Key>${t.key.map((k) => `<PropertyRef Name="${xmlAttr(k)}"/>`).join('')}</Key>`);
    for (const c of t.columns) {
      const nullable = c.nullable && !t.key.includes(c.name) ? '' : ' Nullable="false"';
      lines.push(`<Property Name="${xmlAttr(c.name)}" Type="${c.edm}"${nullable}/>`);
    }
    lines.push('</EntityType>');
  }
  lines.push('<EntityContainer Name="Container">');
  for (const t of tables) {
    lines.push(`<EntitySet Name="${xmlAttr(t.entitySet)}" EntityType="${ODATA_NAMESPACE}.${xmlAttr(t.entityType)}"/>`);
  }
  lines.push('</EntityContainer>');
  lines.push(...capabilities());
  lines.push('</Schema>', '</edmx:DataServices>', '</edmx:Edmx>');
  return lines.join('\n');
}

/** Filter functions the feed evaluates (`filter-parser.ts`), as `Capabilities.FilterFunctions` lists them. */
export const CAPABILITY_FILTER_FUNCTIONS = [
  'contains',
  'startswith',
  'endswith',
  'tolower',
  'toupper',
  'trim',
  'concat',
  'length',
  'indexof',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
];

/** What the feed supports, as Capabilities vocabulary annotations on the entity container. */
function capabilities(): string[] {
  const bool = (term: string, value: boolean) => `<Annotation Term="Capabilities.${term}" Bool="${value}"/>`;
  return [
    `<Annotations Target="${ODATA_NAMESPACE}.Container">`,
    '<Annotation Term="Capabilities.FilterFunctions"><Collection>',
    ...CAPABILITY_FILTER_FUNCTIONS.map((f) => `<String>${f}</String>`),
    '</Collection></Annotation>',
    bool('TopSupported', true),
    bool('SkipSupported', true),
    bool('BatchSupported', false),
    '<Annotation Term="Capabilities.CountRestrictions"><Record><PropertyValue Property="Countable" Bool="true"/></Record></Annotation>',
    '<Annotation Term="Capabilities.FilterRestrictions"><Record><PropertyValue Property="Filterable" Bool="true"/></Record></Annotation>',
    '<Annotation Term="Capabilities.SortRestrictions"><Record><PropertyValue Property="Sortable" Bool="true"/></Record></Annotation>',
    '<Annotation Term="Capabilities.SelectSupport"><Record><PropertyValue Property="Supported" Bool="true"/></Record></Annotation>',
    '<Annotation Term="Capabilities.InsertRestrictions"><Record><PropertyValue Property="Insertable" Bool="false"/></Record></Annotation>',
    '<Annotation Term="Capabilities.UpdateRestrictions"><Record><PropertyValue Property="Updatable" Bool="false"/></Record></Annotation>',
    '<Annotation Term="Capabilities.DeleteRestrictions"><Record><PropertyValue Property="Deletable" Bool="false"/></Record></Annotation>',
    '</Annotations>',
  ];
}

/** The JSON service document listing the entity sets. */
export function serviceDocument(baseUrl: string, tables: readonly TableInfo[]): Record<string, unknown> {
  return {
    '@odata.context': `${baseUrl}/$metadata`,
    value: tables.map((t) => ({ name: t.entitySet, kind: 'EntitySet', url: t.entitySet })),
  };
}
