// Worker entry when running from the TypeScript sources (the build runs the compiled
// ingest-worker.mjs instead). The worker inherits `--import tsx` from the parent's execArgv, but
// on Node 20 the module hooks that flag installs do not reach worker threads, so TypeScript would
// not load; registering tsx's ESM hooks here makes it load under `node --import tsx` and vitest alike.
import { register } from 'tsx/esm/api';

register();
await import('./ingest-worker.ts');
