// Entry of the summary's DFG worker when running from the TypeScript sources (the build runs the
// compiled summary-dfg-worker.mjs instead): registers tsx in the worker, then loads it.
import { register } from 'tsx/esm/api';

register();
await import('./summary-dfg-worker.ts');
