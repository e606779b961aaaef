import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import type { VisualCapabilities } from '../../src/powerbi/custom-visual';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The visual's real `capabilities.json`. */
export function repoCapabilities(): VisualCapabilities {
  return JSON.parse(readFileSync(`${ROOT}visual/capabilities.json`, 'utf8')) as VisualCapabilities;
}

/** The visual's guid from `pbiviz.json`. */
export function repoGuid(): string {
  return (JSON.parse(readFileSync(`${ROOT}pbiviz.json`, 'utf8')) as { visual: { guid: string } }).visual.guid;
}

/**
 * A `.pbiviz` as `pbiviz package` lays it out (package.json + resources/GUID.pbiviz.json),
 * carrying the repository's capabilities and string resources and a stand-in bundle, so the
 * tests need no build of the visual.
 */
export function fakePbiviz(): Uint8Array {
  const guid = repoGuid();
  const resources = (locale: string) =>
    JSON.parse(readFileSync(`${ROOT}visual/stringResources/${locale}/resources.resjson`, 'utf8')) as Record<string, string>;
  const pbivizJson = {
    visual: { guid, displayName: 'Sagsflow process map', version: '0.1.0.0' },
    apiVersion: '5.11.0',
    capabilities: repoCapabilities(),
    stringResources: { 'da-DK': resources('da-DK'), 'en-US': resources('en-US') },
    content: { js: `var ${guid} = {};`, css: '' },
  };
  return zipSync({
    'package.json': strToU8(JSON.stringify({ visual: pbivizJson.visual, resources: [{ file: `resources/${guid}.pbiviz.json` }] })),
    [`resources/${guid}.pbiviz.json`]: strToU8(JSON.stringify(pbivizJson)),
  });
}
