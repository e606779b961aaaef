// Entry of the CSV part worker when running from the TypeScript sources (the build runs the
// compiled csv-part-worker.mjs instead): registers tsx in the worker, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./csv-part-worker.ts');
