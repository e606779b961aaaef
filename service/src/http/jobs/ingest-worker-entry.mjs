// Worker entry: makes TypeScript loadable in the worker thread whether or not the parent runs
// under `node --import tsx` (vitest does not), then runs the ingest worker.
import { register } from 'tsx/esm/api';

if (!process.execArgv.some((a) => a.includes('tsx'))) register();
await import('./ingest-worker.ts');
