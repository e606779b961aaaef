import { LENIENT_POLICY } from './ingest-fixtures';
/**
 * Child process of `killMidLoad` (kill-mid-load.ts): ingests argv[3] into the database argv[2] and prints
 * `reading` once the load is inside its transaction and writing, so the test can kill it there.
 * With argv[4] `new`, the database is opened as `sagsflow ingest` does (`openForLoad`).
 */
import { openDatabase } from '../db/client';
import { openForLoad } from '../db/new-database';
import { ingestFiles } from '../ingest/ingest-files';

const [dbPath, file, how] = process.argv.slice(2);
const store = how === 'new' ? openForLoad(dbPath!) : openDatabase(dbPath!);
let told = false;
void ingestFiles(store, {
  files: [file!],
  log: 'crash',
  policy: LENIENT_POLICY,
  onProgress: (p) => {
    if (p.phase === 'read' && p.bytesRead > 0 && !told) {
      told = true;
      process.stdout.write('reading\n');
    }
  },
}).then(() => process.stdout.write('done\n'));
