import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }>;
}

/** Every output file `entry` loads before it runs (static imports, followed), and the bare packages they import. */
function staticClosure(metafile: Metafile, entry: string): { outputs: string[]; inputs: string[]; externals: string[] } {
  const outputs = new Set<string>();
  const externals = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (outputs.has(path)) continue;
    outputs.add(path);
    for (const imported of metafile.outputs[path]!.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) externals.add(imported.path);
      else pending.push(imported.path);
    }
  }
  const inputs = [...outputs].flatMap((o) => Object.keys(metafile.outputs[o]!.inputs));
  return { outputs: [...outputs], inputs, externals: [...externals] };
}

// The packages and modules a command runs with; printing help must load none of them.
const HEAVY = [
  /node_modules\/(yaml|bpmn-moddle|drizzle-orm|zod|hono|@hono|saxes|csv-parse|fflate|iconv-lite|cli-progress|@dagrejs|d3-[a-z]+)\//,
  /^service\/src\/(db|readers|ingest|precompute|conformance|rules|http|governance|privacy|report|powerbi|generate)\//,
  /^shared\/src\//,
];

describe('sagsflow --help loads only commander and the command definitions', () => {
  it('keeps every command implementation out of the compiled main chunk and what it imports statically', async () => {
    const builder = (await import(pathToFileURL(resolve(REPO, 'service/bin/build.mjs')).href)) as {
      compile: () => Promise<{ metafile: Metafile }>;
    };
    const { metafile } = await builder.compile();
    const { inputs, externals, outputs } = staticClosure(metafile, 'service/dist/cli/main.mjs');
    expect(inputs).toContain('service/src/cli/main.ts');
    expect(inputs).toContain('service/src/cli/ingest.ts');
    expect(inputs.filter((input) => HEAVY.some((pattern) => pattern.test(input)))).toEqual([]);
    expect(externals.filter((name) => !name.startsWith('node:'))).toEqual([]);
    // The implementations are still in the build, as chunks the actions import when they run.
    const lazy = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import'));
    expect(lazy.length).toBeGreaterThan(10);
    expect(Object.keys(metafile.outputs).filter((o) => !outputs.includes(o)).length).toBeGreaterThan(0);
  }, 60_000);
});

describe('the ingest reader worker starts light', () => {
  it('loads neither zod (the mapping schema, checked on the loading thread) nor drizzle nor the database code', async () => {
    const builder = (await import(pathToFileURL(resolve(REPO, 'service/bin/build.mjs')).href)) as {
      compile: () => Promise<{ metafile: Metafile }>;
    };
    const { metafile } = await builder.compile();
    const { inputs } = staticClosure(metafile, 'service/dist/cli/load-read-worker.mjs');
    expect(inputs).toContain('service/src/ingest/load-read-worker.ts');
    expect(inputs).toContain('service/src/readers/csv-reader.ts');
    expect(inputs.filter((input) => /node_modules\/(zod|drizzle-orm)\/|^service\/src\/db\//.test(input))).toEqual([]);
  }, 60_000);
});
