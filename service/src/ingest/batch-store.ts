import type { EventLogBuilder } from '@sagsflow/shared';
import type { StoredEventFields } from '../db/append-seed';
import type { BatchInserter, SqlValue } from '../db/batch-insert';
import { LoadDictionary } from './load-dictionary';
import type { EventBatch } from './load-read-protocol';

/** Where a load's batches go: the builder for precompute, the events and quarantine inserters. */
export interface BatchTarget {
  builder: EventLogBuilder;
  events: BatchInserter;
  quarantine: BatchInserter;
  /** Drops an event (and its case attributes) when true, see `createLoadStore`. */
  skipEvent?: ((event: StoredEventFields) => boolean) | undefined;
}

/**
 * Stores the reader worker's coded batches (`EventBatch`), in order: the same rows and builder
 * state as handing each event to `createLoadStore`'s output, with each repeating value decoded,
 * pseudonymised, interned and UTF-8 encoded once per code instead of once per event. The text
 * columns are bound as their UTF-8 bytes (the events insert casts them to text).
 */
export function createBatchStore(target: BatchTarget, pseudonym: (clear: string) => string): (batch: EventBatch) => void {
  const { builder, events, quarantine, skipEvent } = target;
  const dictionary = new LoadDictionary(pseudonym);
  const text = dictionary.text;
  const row: SqlValue[] = new Array<SqlValue>(8).fill(null);
  const bytesOrNull = (code: number) => (code < 0 ? null : dictionary.bytesOf(code));
  const textOrNull = (code: number) => (code < 0 ? null : text[code]!);
  // The per-event loop is a function of its own (made once), which ends with the loop: compiled on
  // stack (OSR) inside the per-batch closure, it left the code after it without type feedback, to
  // deoptimise at every batch.
  const storeEvents = (b: EventBatch): void => {
    const { caseIds, activityIds, resourceIds, lifecycleCodes, hashes } = dictionary;
    const strings = b.strings;
    const stringBytes = strings.map((s) => Buffer.from(s, 'utf8'));
    const triples = b.caseAttributes;
    const tripleEnd = b.caseAttributeCount;
    let t = 0;
    for (let i = 0; i < b.size; i++) {
      const c = b.caseId[i]!;
      const a = b.activity[i]!;
      const r = b.resource[i]!;
      const l = b.lifecycle[i]!;
      const j = b.jobcenter[i]!;
      const at = b.attributes[i]!;
      const timestamp = b.timestamp[i]!;
      const endTimestamp = Number.isNaN(b.endTimestamp[i]!) ? null : b.endTimestamp[i]!;
      const skipped =
        skipEvent?.([
          text[c]!,
          text[a]!,
          timestamp,
          endTimestamp,
          textOrNull(r),
          textOrNull(l),
          textOrNull(j),
          at < 0 ? null : strings[at]!,
        ]) ?? false;
      if (!skipped) {
        let caseId = caseIds[c]!;
        if (caseId < 0) caseIds[c] = caseId = builder.caseIdOfHashed(text[c]!, hashes[c]!);
        let activity = activityIds[a]!;
        if (activity < 0) activityIds[a] = activity = builder.activityIdOf(text[a]!);
        let resource = -1;
        if (r >= 0) {
          resource = resourceIds[r]!;
          if (resource === -2) resourceIds[r] = resource = builder.resourceIdOf(text[r]!);
        }
        let lifecycle = 0;
        if (l >= 0) {
          lifecycle = lifecycleCodes[l]!;
          if (lifecycle < 0) lifecycleCodes[l] = lifecycle = builder.lifecycleCodeOf(text[l]!);
        }
        builder.addIds(caseId, activity, timestamp, resource, lifecycle, text[c]!);
        row[0] = dictionary.bytesOf(c);
        row[1] = dictionary.bytesOf(a);
        row[2] = timestamp;
        row[3] = endTimestamp;
        row[4] = bytesOrNull(r);
        row[5] = bytesOrNull(l);
        row[6] = bytesOrNull(j);
        row[7] = at < 0 ? null : stringBytes[at]!;
        events.add(row);
      }
      for (; t < tripleEnd && triples[t] === i; t += 3) {
        if (skipped) continue;
        const value = triples[t + 2]!;
        const hash = hashes[value]!;
        builder.setCaseAttributeOwn(text[triples[t + 1]!]!, text[value]!, hash === 0 ? undefined : hash);
      }
    }
  };
  return (b) => {
    dictionary.add(b.names, b.namesClear);
    storeEvents(b);
    for (const q of b.quarantine) quarantine.add(q);
  };
}
