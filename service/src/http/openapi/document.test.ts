import { describe, expect, it } from 'vitest';
import { fixtureApp } from '../../testing/http-fixture';
import { documentedRoutes } from './document';

const PARAM_NAMES: Record<string, string> = { ':set': '{entitySet}', ':sub': '$count', ':file': '{name}.csv' };

/** Hono's route pattern in OpenAPI spelling: `/api/logs/:name` -> `/api/logs/{name}`. */
function openapiPath(path: string): string {
  return path
    .replace(/(.)\/$/, '$1')
    .split('/')
    .map((seg) => PARAM_NAMES[seg] ?? (seg.startsWith(':') ? `{${seg.slice(1)}}` : seg))
    .join('/');
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that describes every route of the app', async () => {
    const { app, get, tokens } = fixtureApp();
    const doc = (await (await get('/api/openapi.json', tokens.viewer)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const served = new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${openapiPath(r.path)}`));
    const documented = new Set(documentedRoutes().map((r) => `${r.method} ${r.path}`));
    for (const route of served) {
      expect(documented, `${route} is not in the OpenAPI document`).toContain(route);
    }
    for (const route of documented) {
      if (route === 'GET /odata/$metadata') continue; // served by GET /odata/{entitySet}
      expect(served, `${route} is documented but not served`).toContain(route);
    }
    expect(Object.keys(doc.paths)).toHaveLength(new Set(documentedRoutes().map((r) => r.path)).size);
  });

  it('documents the token body schema generated from zod', async () => {
    const { get, tokens } = fixtureApp();
    const doc = (await (await get('/api/openapi.json', tokens.viewer)).json()) as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>
      >;
    };
    const schema = doc.paths['/api/tokens']!['post']!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(schema.properties).sort()).toEqual(['expiresDays', 'jobcenters', 'name', 'role']);
  });
});
