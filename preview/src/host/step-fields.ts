import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS } from '@sagsflow/shared';
import { mappingRoles, type FieldBinding } from './data-view';
import type { Capabilities } from './types';

type Kind = FieldBinding['kind'];

/**
 * Which step-table column a report author drags onto each role of the visual, found from
 * the role's name (`variantKey` -> `variant_key`, `histogram` -> `h00`..`h24`, `durations` ->
 * `d00`..`d74` and `s00`..`s74`, `variantRank` -> `variant_rank`, the insight roles
 * `violationCases` -> `violation_cases`, `findings` -> `findings`, ...).
 * Roles of the event-table input (case, activity, timestamp) stay unbound here.
 */
export function stepFields(capabilities: Capabilities): FieldBinding[] {
  return allRoles(capabilities).flatMap((role) => {
    const n = role.toLowerCase().replace(/[^a-z0-9]/g, '');
    const one = (column: string, summed: boolean, kind: Kind): FieldBinding[] => [{ role, column, displayName: column, summed, kind }];
    if (n === 'jobcenter' || n === 'period' || n === 'process') return one(n, false, 'text');
    if (n === 'variantrank') return one('variant_rank', false, 'integer');
    if (n === 'violationcases' || n === 'logmovecases' || n === 'modelmovecases') return one(snakeCase(role), true, 'integer');
    if (n === 'violatedrules' || n === 'skippedactivities' || n === 'findings') return one(snakeCase(role), false, 'text');
    if (n === 'finished') return one('finished', false, 'integer');
    if (n === 'durations') {
      return [
        ...FINE_COUNT_COLUMNS.map((column) => ({ role, column, displayName: column, summed: true, kind: 'integer' as const })),
        ...FINE_SECONDS_COLUMNS.map((column) => ({ role, column, displayName: column, summed: true, kind: 'numeric' as const })),
      ];
    }
    if (n.includes('variant')) return one('variant_key', false, 'text');
    if (n.includes('stepindex') || n === 'step' || n === 'index') return one('step_index', false, 'integer');
    if (n.startsWith('from')) return one('from_activity', false, 'text');
    if (n.startsWith('to')) return one('to_activity', false, 'text');
    if (n.includes('hist') || n.includes('bucket')) {
      return BUCKET_COLUMNS.map((column) => ({ role, column, displayName: column, summed: true, kind: 'integer' as const }));
    }
    if (n.includes('second') || n.includes('duration') || n.includes('sum')) return one('sum_seconds', true, 'numeric');
    if (n === 'cases' || n.includes('casecount') || n === 'count') return one('cases', true, 'integer');
    return [];
  });
}

/** Roles of the plain event-table input, bound to a synthetic event table in the benchmark. */
export function eventFields(capabilities: Capabilities): FieldBinding[] {
  return allRoles(capabilities).flatMap((role): FieldBinding[] => {
    const n = role.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (n === 'case' || n === 'caseid') return [{ role, column: 'case_id', displayName: 'case', summed: false, kind: 'text' }];
    if (n === 'activity' || n === 'eventactivity')
      return [{ role, column: 'activity', displayName: 'activity', summed: false, kind: 'text' }];
    if (n.includes('timestamp') || n === 'time')
      return [{ role, column: 'timestamp', displayName: 'timestamp', summed: false, kind: 'dateTime' }];
    if (n.includes('resource')) return [{ role, column: 'resource', displayName: 'resource', summed: false, kind: 'text' }];
    return [];
  });
}

function allRoles(capabilities: Capabilities): string[] {
  return [...new Set((capabilities.dataViewMappings ?? []).flatMap(mappingRoles))];
}

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
