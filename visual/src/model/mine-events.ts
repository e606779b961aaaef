import { discoverSteps, discoverVariants, EventLogBuilder, type StepRow } from '@sagsflow/shared';
import type { EventColumns } from '../converter/types';

/** A plain event table turned into step rows, plus each case's variant key. */
export interface MinedEvents {
  readonly rows: StepRow[];
  /** Variant key per case id (for cross-filtering a variant back to its event rows). */
  readonly variantOfCase: ReadonlyMap<string, string>;
}

/**
 * Mines a plain event table in the browser with the shared core: builds the event log,
 * discovers the variants and the step rows, so the rest of the visual works the same as
 * with the service's precomputed step table.
 */
export function mineEvents(events: EventColumns): MinedEvents {
  const builder = new EventLogBuilder();
  const { caseIds, activities, timestamps, resources } = events;
  for (let i = 0; i < caseIds.length; i++) builder.addEvent(caseIds[i]!, activities[i]!, timestamps[i]!, resources[i]);
  const log = builder.build();
  const variants = discoverVariants(log);
  const rows: StepRow[] = discoverSteps(log, { variants });
  const variantOfCase = new Map<string, string>();
  log.caseIds.forEach((caseId, c) => {
    const variant = variants.variants[variants.variantOfCase[c]!];
    if (variant) variantOfCase.set(caseId, variant.key);
  });
  return { rows, variantOfCase };
}
