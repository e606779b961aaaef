import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';

/** The vendored copies of Microsoft's PBIR/PBIP JSON schemas (see tests/data/SOURCES.md). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../tests/data/pbir-schemas', import.meta.url));
const SCHEMA_BASE = 'https://developer.microsoft.com/json-schemas/';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

/**
 * An ajv instance holding every vendored schema under the address of its file (so that the
 * schemas' relative `$ref`s to `schema-embedded.json` resolve), and a validator per `$schema`.
 */
export function pbirValidator(): (document: { $schema?: unknown }) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  for (const file of jsonFiles(SCHEMA_DIR)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    ajv.addSchema({ ...schema, $id: SCHEMA_BASE + relative(SCHEMA_DIR, file).split('\\').join('/') });
  }
  const compiled = new Map<string, ValidateFunction>();
  return (document) => {
    const id = document.$schema;
    if (typeof id !== 'string') return ['no $schema'];
    let validate = compiled.get(id);
    if (!validate) {
      const found = ajv.getSchema(id);
      if (!found) return [`schema ${id} is not vendored`];
      validate = found;
      compiled.set(id, validate);
    }
    if (validate(document)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}
