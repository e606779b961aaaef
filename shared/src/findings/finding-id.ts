import { Fnv1a64, utf8 } from '../variants/fnv1a64';
import type { FindingKind } from './types';

/** Where a finding is: the parts its id is made from. */
export interface FindingPlace {
  kind: FindingKind;
  process: string;
  jobcenter: string;
  activity: string | null;
  fromActivity: string | null;
  toActivity: string | null;
  rule: string | null;
  /** What else tells two findings at the same place apart (the measure of a best practice, the kind of deviation). */
  detail?: string;
}

/**
 * The stable id of a finding: `F` + 16 hex digits of FNV-1a 64 over its kind and place, so the
 * same bottleneck, rule or activity keeps its id from load to load and can be followed.
 *
 * @example findingId({ kind: 'bottleneck', process: 'dagpenge', jobcenter: '', activity: null, fromActivity: 'A', toActivity: 'B', rule: null })
 */
export function findingId(place: FindingPlace): string {
  const parts = [
    place.kind,
    place.process,
    place.jobcenter,
    place.activity ?? '',
    place.fromActivity ?? '',
    place.toActivity ?? '',
    place.rule ?? '',
    place.detail ?? '',
  ];
  return `F${new Fnv1a64().update(utf8(parts.join('\u001f'))).hex()}`;
}

/** A finding's state against the previous load: first seen, seen before, or gone. */
export type FindingStatus = 'new' | 'open' | 'resolved';

/**
 * The status of each current finding (`new` or `open`) and the ids of earlier findings that are
 * gone (`resolved`), from the ids of the previous load's open findings.
 */
export function trackFindings(
  current: readonly string[],
  previousOpen: readonly string[],
): { status: Map<string, FindingStatus>; resolved: string[] } {
  const before = new Set(previousOpen);
  const now = new Set(current);
  const status = new Map<string, FindingStatus>(current.map((id) => [id, before.has(id) ? 'open' : 'new']));
  return { status, resolved: previousOpen.filter((id) => !now.has(id)) };
}
