import { BUCKET_COLUMNS, FINE_COUNT_COLUMNS, FINE_SECONDS_COLUMNS } from '@sagsflow/shared';
import type { DataRole, VisualCapabilities } from '../custom-visual';
import type { ModelTable } from '../semantic-model';
import type { FieldRef } from './fields';

/** The fields bound to one data role of the process-map visual. */
export interface RoleBinding {
  role: DataRole;
  fields: FieldRef[];
}

/** The column families of the additive duration histograms: coarse `h00..h24`, fine `d00..d74` then `s00..s74`. */
const HISTOGRAM_FAMILIES: ReadonlyArray<readonly string[]> = [BUCKET_COLUMNS, [...FINE_COUNT_COLUMNS, ...FINE_SECONDS_COLUMNS]];

function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function allowedRoles(
  capabilities: VisualCapabilities,
  mapping: VisualCapabilities['dataViewMappings'][number],
): Array<{ role: DataRole; max: number }> {
  const condition = mapping.conditions?.[0] ?? {};
  return capabilities.dataRoles
    .map((role) => ({ role, max: condition[role.name]?.max ?? Number.POSITIVE_INFINITY }))
    .filter((r) => r.max > 0);
}

function bindRole(role: DataRole, max: number, steps: ModelTable): FieldRef[] | undefined {
  const has = (c: string) => steps.columns.some((col) => col.name === c);
  if (role.kind === 'Measure' && max > 1) {
    const family = HISTOGRAM_FAMILIES.find((f) => f.length === max && f.every(has));
    return family?.map((column) => ({ kind: 'sum', table: steps.name, column }));
  }
  const column = snakeCase(role.name);
  if (!has(column)) return undefined;
  return [{ kind: role.kind === 'Measure' ? 'sum' : 'column', table: steps.name, column }];
}

/**
 * Binds the process-map visual to the Steps table from its `capabilities.json`: takes the
 * first data-view mapping whose every allowed role (max > 0 in its condition) names a Steps
 * column (role `variantKey` -> column `variant_key`, a measure role summed, a many-field
 * measure role -> the histogram family of that size summed: 25 -> `h00..h24`, 150 ->
 * `d00..d74, s00..s74`), so the bindings are exactly that mapping's roles.
 */
export function processMapBindings(capabilities: VisualCapabilities, steps: ModelTable): RoleBinding[] {
  for (const mapping of capabilities.dataViewMappings) {
    const bindings: RoleBinding[] = [];
    for (const { role, max } of allowedRoles(capabilities, mapping)) {
      const fields = bindRole(role, max, steps);
      if (!fields) break;
      bindings.push({ role, fields });
    }
    if (bindings.length > 0 && bindings.length === allowedRoles(capabilities, mapping).length) return bindings;
  }
  throw new Error(`powerbi: no data-view mapping of the visual's capabilities binds to columns of ${steps.name}`);
}
