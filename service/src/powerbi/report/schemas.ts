/** The PBIR and PBIP schema versions the project declares (vendored in tests/data/pbir-schemas). */
const BASE = 'https://developer.microsoft.com/json-schemas/fabric';

export const SCHEMAS = {
  pbip: `${BASE}/pbip/pbipProperties/1.0.0/schema.json`,
  platform: `${BASE}/gitIntegration/platformProperties/2.0.0/schema.json`,
  pbism: `${BASE}/item/semanticModel/definitionProperties/1.0.0/schema.json`,
  pbir: `${BASE}/item/report/definitionProperties/2.0.0/schema.json`,
  report: `${BASE}/item/report/definition/report/3.0.0/schema.json`,
  version: `${BASE}/item/report/definition/versionMetadata/1.0.0/schema.json`,
  pages: `${BASE}/item/report/definition/pagesMetadata/1.0.0/schema.json`,
  page: `${BASE}/item/report/definition/page/2.0.0/schema.json`,
  visual: `${BASE}/item/report/definition/visualContainer/2.2.0/schema.json`,
} as const;
