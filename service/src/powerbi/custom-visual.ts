import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readZip } from '../preview/read-zip';
import { findPbiviz } from '../preview/visual-package';

/** Where `npm run package` (pbiviz at the repository root) writes the `.pbiviz`. */
export const REPO_DIST = fileURLToPath(new URL('../../../dist', import.meta.url));

/** A data role of the visual's `capabilities.json`. */
export interface DataRole {
  name: string;
  kind: string;
  displayName?: string;
  displayNameKey?: string;
}

/** The parts of `capabilities.json` that decide the field bindings. */
export interface VisualCapabilities {
  dataRoles: DataRole[];
  dataViewMappings: Array<{ conditions?: Array<Record<string, { min?: number; max?: number }>> }>;
}

/** The packaged visual as the report embeds it (a private custom visual). */
export interface CustomVisual {
  guid: string;
  capabilities: VisualCapabilities;
  /** locale -> key -> text, from the package's string resources. */
  stringResources: Record<string, Record<string, string>>;
  /** The package's files by path inside it (`package.json`, `resources/GUID.pbiviz.json`). */
  files: Map<string, Uint8Array>;
}

interface PbivizJson {
  visual?: { guid?: unknown };
  capabilities?: unknown;
  stringResources?: Record<string, Record<string, string>>;
}

function isCapabilities(value: unknown): value is VisualCapabilities {
  const v = value as Partial<VisualCapabilities> | null;
  return typeof v === 'object' && v !== null && Array.isArray(v.dataRoles) && Array.isArray(v.dataViewMappings);
}

/**
 * Reads a `.pbiviz` (the zip that `pbiviz package` writes): its guid, capabilities and string
 * resources from `resources/GUID.pbiviz.json`, and its files for the report's
 * `CustomVisuals/GUID/` folder. Throws a one-line error naming the file when it is not a
 * visual package.
 */
export function readCustomVisual(bytes: Uint8Array, source: string): CustomVisual {
  const entries = readZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), source);
  const jsonName = [...entries.keys()].find((n) => n.startsWith('resources/') && n.endsWith('.pbiviz.json'));
  if (!jsonName || !entries.has('package.json')) {
    throw new Error(`${source}: not a visual package (needs package.json and resources/*.pbiviz.json)`);
  }
  let json: PbivizJson;
  try {
    json = JSON.parse(entries.get(jsonName)!.toString('utf8')) as PbivizJson;
  } catch (error) {
    throw new Error(`${source}: ${jsonName} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const guid = json.visual?.guid;
  if (typeof guid !== 'string' || !/^[A-Za-z0-9_]+$/.test(guid))
    throw new Error(`${source}: ${jsonName}: visual.guid is missing or not a plain name`);
  if (!isCapabilities(json.capabilities)) throw new Error(`${source}: ${jsonName}: capabilities lack dataRoles or dataViewMappings`);
  const files = new Map<string, Uint8Array>([
    ['package.json', entries.get('package.json')!],
    [`resources/${guid}.pbiviz.json`, entries.get(jsonName)!],
  ]);
  return { guid, capabilities: json.capabilities, stringResources: json.stringResources ?? {}, files };
}

/** The newest `.pbiviz` in `distDir`, read; throws a one-line error saying how to build one when there is none. */
export function readBuiltVisual(distDir: string = REPO_DIST): CustomVisual {
  const found = findPbiviz(distDir);
  if (!found) throw new Error(`no built visual in ${distDir}: run npm run package, or give --visual FILE`);
  return readCustomVisual(readFileSync(found.file), found.file);
}
