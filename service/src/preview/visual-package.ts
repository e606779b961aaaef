import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readZip } from './read-zip';

/** What the stand-in host needs from a packaged visual (`dist/<guid>.<version>.pbiviz`). */
export interface VisualPackage {
  /** The `.pbiviz` file it came from. */
  file: string;
  /** Size of the `.pbiviz` in bytes. */
  bytes: number;
  guid: string;
  displayName: string;
  version: string;
  apiVersion: string;
  /** The webpack bundle; running it registers `powerbi.visuals.plugins[guid]`. */
  js: string;
  css: string;
  capabilities: unknown;
  /** locale -> key -> text, from `stringResources/<locale>/resources.resjson`. */
  stringResources: Record<string, Record<string, string>>;
}

interface PbivizJson {
  visual?: { guid?: string; displayName?: string; version?: string };
  apiVersion?: string;
  capabilities?: unknown;
  stringResources?: Record<string, Record<string, string>>;
  content?: { js?: string; css?: string };
}

let cached: { key: string; pkg: VisualPackage } | undefined;

/** The newest `.pbiviz` in `distDir`, or undefined when none is built yet. */
export function findPbiviz(distDir: string): { file: string; mtimeMs: number; bytes: number } | undefined {
  let names: string[];
  try {
    names = readdirSync(distDir).filter((n) => n.endsWith('.pbiviz'));
  } catch {
    return undefined;
  }
  const files = names.map((n) => {
    const file = join(distDir, n);
    const s = statSync(file);
    return { file, mtimeMs: s.mtimeMs, bytes: s.size };
  });
  files.sort((a, b) => b.mtimeMs - a.mtimeMs);
  return files[0];
}

/**
 * Reads the newest packaged visual from `distDir` (re-read only when the file changes).
 * Returns undefined when nothing is built; throws a one-line error for a broken package.
 */
export function loadVisualPackage(distDir: string): VisualPackage | undefined {
  const found = findPbiviz(distDir);
  if (!found) return undefined;
  const key = `${found.file}:${found.mtimeMs}`;
  if (cached?.key === key) return cached.pkg;
  const entries = readZip(readFileSync(found.file), found.file);
  const jsonName = [...entries.keys()].find((n) => n.startsWith('resources/') && n.endsWith('.pbiviz.json'));
  if (!jsonName) throw new Error(`loadVisualPackage: ${found.file} has no resources/*.pbiviz.json`);
  const json = JSON.parse(entries.get(jsonName)!.toString('utf8')) as PbivizJson;
  const guid = json.visual?.guid;
  if (!guid || typeof json.content?.js !== 'string') {
    throw new Error(`loadVisualPackage: ${found.file}: ${jsonName} lacks visual.guid or content.js`);
  }
  const pkg: VisualPackage = {
    file: found.file,
    bytes: found.bytes,
    guid,
    displayName: json.visual?.displayName ?? guid,
    version: json.visual?.version ?? '',
    apiVersion: json.apiVersion ?? '',
    js: json.content.js,
    css: json.content.css ?? '',
    capabilities: json.capabilities ?? {},
    stringResources: json.stringResources ?? {},
  };
  cached = { key, pkg };
  return pkg;
}
