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
  lines.push('</EntityContainer>', '</Schema>', '</edmx:DataServices>', '</edmx:Edmx>');
  return lines.join('\n');
}

/** The JSON service document listing the entity sets. */
export function serviceDocument(baseUrl: string, tables: readonly TableInfo[]): Record<string, unknown> {
  return {
    '@odata.context': `${baseUrl}/$metadata`,
    value: tables.map((t) => ({ name: t.entitySet, kind: 'EntitySet', url: t.entitySet })),
  };
}
