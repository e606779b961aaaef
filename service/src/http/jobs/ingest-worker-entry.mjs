// Worker entry. The worker inherits `--import tsx` from the parent's execArgv, but on Node 20
// the module hooks that flag installs do not reach worker threads, so TypeScript would not
// load; registering tsx's ESM hooks here makes it load under `node --import tsx` and vitest alike.
// On Linux a nice value is per thread: lowering this thread's priority lets the server thread
// answer readers first while a load runs (the load just takes longer on a busy machine).
import { setPriority } from 'node:os';
import { register } from 'tsx/esm/api';

try {
  setPriority(10);
} catch {
  // not permitted or not supported: run at normal priority
}
register();
await import('./ingest-worker.ts');
