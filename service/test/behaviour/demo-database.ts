import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/db/client';
import { generateLog } from '../../src/generate/index';
import { ingestFiles } from '../../src/ingest/index';
import { catalogueForLoad } from '../../src/rules/attach';
import { attachedModel } from '../../src/conformance/attached-model';
import { loadModel } from '../../src/conformance/load-model';
import { PROCESS_CATALOGUE, PROCESS_NAMES } from '../../src/processes/index';
import { keyFilePath } from '../../src/privacy/key';

const SAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../samples');

/** Cases per generated pilot log: small enough for a quick test, large enough for groups of k. */
const CASES = 240;

/** The extract, rule and model files the behaviour test reads (the generated ones under `dir`). */
export function SAMPLE_FILES(dir: string) {
  return {
    akademiker: join(dir, 'akademiker.csv'),
    akademikerRules: PROCESS_CATALOGUE.akademiker.rulesPath,
    receipt: join(SAMPLES, 'receipt.csv.gz'),
    receiptModel: join(SAMPLES, 'receipt.bpmn'),
  };
}

/**
 * Builds a smaller form of the `sagsflow demo` database at `dbPath`: the three pilot processes
 * generated with the demo's seed and options (240 cases each instead of 2,000), each loaded with
 * its model and rule catalogue, and the bundled public receipt log with its BPMN model. The
 * pseudonymisation key is fixed, so pseudonyms are the same in every run.
 */
export async function buildBehaviourDatabase(dir: string, dbPath: string): Promise<void> {
  writeFileSync(keyFilePath(dbPath), 'behaviour-test-key-'.padEnd(64, '0') + '\n', { mode: 0o600 });
  const store = openDatabase(dbPath);
  try {
    for (const name of PROCESS_NAMES) {
      const file = join(dir, `${name}.csv`);
      await generateLog({ process: name, cases: CASES, seed: 2026, dirty: name === 'dagpenge', deviations: true, out: file });
      const model = await attachedModel(undefined, name, undefined);
      const rules = await catalogueForLoad({ process: name });
      await ingestFiles(store, { files: [file], log: name, process: name, ...(model ? { model } : {}), ...(rules ? { rules } : {}) });
    }
    const receiptModel = await loadModel(join(SAMPLES, 'receipt.bpmn'));
    await ingestFiles(store, { files: [join(SAMPLES, 'receipt.csv.gz')], log: 'receipt', process: 'receipt', model: receiptModel });
  } finally {
    store.close();
  }
}
