// Entry of the failing CSV part worker of `csv-blocks-fallback.test.ts` (from the TypeScript
// sources): registers tsx in the worker, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./failing-block-worker.ts');
