import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/client';
import { ingestFiles } from '../../ingest';
import { catalogueForLoad } from '../../rules/attach';
import type { IngestJobSpec, WorkerMessage } from './job-types';
import { attachedModel } from '../../conformance/attached-model';

// On Linux a nice value is per thread: lowering this thread's priority lets the server thread
// answer readers first while a load runs (the load just takes longer on a busy machine).
try {
  setPriority(10);
} catch {
  // not permitted or not supported: run at normal priority
}

const PHASE_BASE = { hash: 0, read: 0.05, precompute: 0.85, commit: 0.95 } as const;

async function run(spec: IngestJobSpec): Promise<void> {
  const post = (m: WorkerMessage) => parentPort?.postMessage(m);
  const store = openDatabase(spec.dbPath);
  let last = 0;
  try {
    const rules = await catalogueForLoad({ rulesText: spec.rulesText, process: spec.process });
    const model = await attachedModel(spec.model, spec.process, undefined);
    const report = await ingestFiles(store, {
      files: spec.files,
      log: spec.log,
      process: spec.process,
      ...(rules ? { rules } : {}),
      ...(model ? { model } : {}),
      minGroupSize: spec.minGroupSize,
      ...(spec.policy ? { policy: spec.policy } : {}),
      ...(spec.governance ? { governance: spec.governance } : {}),
      ...(spec.loadedBy ? { loadedBy: spec.loadedBy } : {}),
      ...(spec.append ? { append: true } : {}),
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 100 && p.phase === 'read') return;
        last = now;
        const read = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 0;
        const progress = p.phase === 'read' ? PHASE_BASE.read + 0.8 * read : PHASE_BASE[p.phase];
        post({ type: 'progress', progress, phase: p.phase });
      },
    });
    post({ type: 'done', report });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', message: message.split('\n')[0] ?? 'ingest failed' });
  } finally {
    store.close();
  }
}

void run(workerData as IngestJobSpec);
