import { checkLoadPolicy, DEFAULT_LOAD_POLICY } from './load-policy';
import { IngestError } from './errors';
import type { LoadCounts } from './load-sink';
import type { LoadRun } from './load-run';
import type { ReadTally } from './read-files';
import { loadPurposeRefusal } from '../governance/load-governance';
import type { currentLoad } from '../db/load-queries';
import type { AppendSeed } from '../versions/append-seed';

/** Refuses a load that accepted no row, or (`--append`) none that is not already in the version appended to. */
export function refuseNothingLoaded(what: string, read: number, got: LoadCounts, appended: AppendSeed | null): void {
  if (got.accepted === 0) {
    const reasons = Object.entries(got.quarantinedByReason)
      .map(([r, n]) => `${r}: ${n}`)
      .join(', ');
    throw new IngestError(
      'nothing-loaded',
      `${what}: nothing could be loaded: ${read} rows read, none accepted${reasons ? ` (quarantined ${reasons})` : ''}`,
    );
  }
  if (appended && got.accepted - appended.duplicates === 0)
    throw new IngestError(
      'nothing-loaded',
      `${what}: nothing new to append: all ${read} rows read are already in version ${appended.from} or quarantined`,
    );
}

/**
 * Refuses (`purpose-missing`) a load the governance refuses for want of a purpose (see
 * `loadPurposeRefusal`); a dry run is not refused but gets the reason back, to report it.
 */
export function purposeRefusal(run: LoadRun, tally: ReadTally): string | null {
  const { options } = run;
  const noPurpose = loadPurposeRefusal(run.store.sqlite, options.log, options.governance, tally.columns);
  if (noPurpose !== null && !options.dryRun) throw new IngestError('purpose-missing', `${run.what}: ${noPurpose}`);
  return noPurpose;
}

/**
 * Refuses (`policy-refused`) a load the load policy rejects (too many quarantined rows, too few
 * cases); a dry run is not refused but gets the policy's reasons, and the purpose refusal, back.
 */
export function policyRefusals(
  run: LoadRun,
  tally: ReadTally,
  got: LoadCounts,
  cases: number,
  current: ReturnType<typeof currentLoad>,
  noPurpose: string | null,
): string[] {
  const { options } = run;
  const refusals = checkLoadPolicy(
    {
      read: tally.read,
      quarantined: got.quarantined,
      byReason: got.quarantinedByReason,
      cases,
      previousCases: current?.cases ?? null,
    },
    { ...DEFAULT_LOAD_POLICY, ...options.policy },
  );
  if (refusals.length > 0 && !options.dryRun)
    throw new IngestError('policy-refused', `${run.what}: refused by the load policy: ${refusals.join('; ')}`);
  if (noPurpose !== null) refusals.push(noPurpose);
  return refusals;
}
