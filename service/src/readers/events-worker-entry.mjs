// Entry of the events worker when running from the TypeScript sources (the build runs the
// compiled events-worker.mjs instead): registers tsx in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./events-worker.ts');
