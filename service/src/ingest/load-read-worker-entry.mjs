// Entry of the load's reader worker when running from the TypeScript sources (the build runs
// the compiled load-read-worker.mjs instead): registers tsx in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./load-read-worker.ts');
