import { existsSync } from 'node:fs';
import type { AttachedCatalogue } from '../precompute/compliance';
import { processNameOf, PROCESS_CATALOGUE } from '../processes/index';

/** Where a load's rule catalogue comes from: a file, uploaded text, or the process's own. */
export interface CatalogueChoice {
  /** A catalogue file (`--rules`). */
  rulesPath?: string | undefined;
  /** Catalogue text (an upload's `rules` field), named `rules` in errors. */
  rulesText?: string | undefined;
  /** The load's process: its `processes/<name>/rules.yaml` is attached unless one of the above is given. */
  process?: string | undefined;
}

/**
 * The catalogue to attach to a load: the named file, else the uploaded text, else the
 * process's catalogue (`processes/<name>/rules.yaml`) when the process has one; undefined
 * when there is none. Throws `CatalogueError` for a catalogue that does not validate.
 */
export async function catalogueForLoad(choice: CatalogueChoice): Promise<AttachedCatalogue | undefined> {
  let path = choice.rulesPath;
  if (path === undefined && choice.rulesText === undefined) {
    const name = choice.process === undefined ? null : processNameOf(choice.process);
    if (name === null || !existsSync(PROCESS_CATALOGUE[name].rulesPath)) return undefined;
    path = PROCESS_CATALOGUE[name].rulesPath;
  }
  // The catalogue parser (and its YAML parser) is loaded only for a load that has a catalogue.
  const { loadCatalogue, parseCatalogue } = await import('./parse-catalogue');
  if (path !== undefined) return loadCatalogue(path);
  return { catalogue: parseCatalogue(choice.rulesText!, 'rules'), text: choice.rulesText! };
}
