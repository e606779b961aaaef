/**
 * The reader worker of a load: reads the files and cleans their rows (`createLoadTransform`:
 * pseudonyms, masks, scrubbed quarantine) while the loading thread stores the rows of the
 * previous batch, so parsing and the SQLite writes overlap. Case ids and personal case
 * attributes go out in clear and flagged (`deferPseudonyms`): the loading thread, which has
 * time to spare, computes those HMACs before it stores anything. It posts batches of cleaned rows
 * in input order, coded (`createEventBatchWriter`), and waits while too many are unstored (a
 * shared counter), so memory stays bounded. See `readInWorker` for the other side. The worker may
 * start before its load is ready to read (`startReadWorker`): the request comes as its first message.
 */
import { parentPort } from 'node:worker_threads';
import { zoneFormat } from '@sagsflow/shared/calendar/local-date';
import { createPseudonymizer } from '../privacy/index';
// Deep imports, not the readers' index: that pulls in the mapping's zod schema, ~40 ms more at the worker's start.
import { ReadError } from '../readers/errors';
import { readLog } from '../readers/read-log';
import { createLoadTransform } from './load-transform';
import { isPersonalKey } from './personal-keys';
import { createTextScrubber } from './text-scrubber';
import { batchTransfer, createEventBatchWriter } from './event-batch-writer';
import { FIRST_BATCH_EVENTS, MAX_UNSTORED_BATCHES, type LoadReadRequest, type LoadReadMessage } from './load-read-protocol';

const post = (message: LoadReadMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function run(request: LoadReadRequest): Promise<void> {
  const unstored = new Int32Array(request.unstored);
  const { output, flush } = createEventBatchWriter((batch) => {
    while (Atomics.load(unstored, 0) >= MAX_UNSTORED_BATCHES) Atomics.wait(unstored, 0, Atomics.load(unstored, 0), 1000);
    Atomics.add(unstored, 0, 1);
    post({ type: 'batch', batch }, batchTransfer(batch));
  }, FIRST_BATCH_EVENTS);
  const pseudonymizer = createPseudonymizer(Buffer.from(request.secret));
  const personalColumns = new Set(request.personalColumns);
  const text = createTextScrubber(pseudonymizer);
  const freeText = new Set(request.freeText);
  const transform = createLoadTransform(
    { pseudonymizer, isPersonal: (key) => isPersonalKey(key, personalColumns), freeText, text, deferPseudonyms: true },
    output,
  );
  for (let i = 0; i < request.files.length; i++) {
    const sink = { ...transform.sink, onProgress: (bytes: number) => post({ type: 'progress', fileIndex: i, bytes }) };
    const result = await readLog(request.files[i]!, { mapping: request.mapping, sink, keepDuplicates: request.keepDuplicates });
    flush();
    const { rows, duplicatePolicy, identical, mapping, columns, mappingGuessed } = result;
    post({
      type: 'file',
      fileIndex: i,
      result: { rows, duplicatePolicy, identical, mapping, columns, mappingGuessed },
      counts: transform.counts(),
    });
  }
  transform.flushQuarantine();
  flush();
  post({ type: 'done', counts: transform.counts(), fileNames: request.fileNames.map((name) => text.scrub(name)) });
}

parentPort!.once('message', (request: LoadReadRequest) => {
  run(request).catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'failed', message: message.split('\n')[0] ?? 'read failed', readError: error instanceof ReadError });
  });
});
// ICU loads its date data once a process, at the first date formatter (~15 ms): here, while the
// request is on its way, rather than in the first batch (the readers' time zone offsets).
zoneFormat('UTC').format(0);
