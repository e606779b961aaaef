import { literal, projection, type FieldRef, type Projection } from './fields';
import { SCHEMAS } from './schemas';

/** Where a visual sits on its page (pixels of a 1280 x 720 page). */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A `visual.json` (PBIR visual container). */
export interface VisualContainer {
  $schema: string;
  name: string;
  position: Box & { z: number; tabOrder: number };
  visual: {
    visualType: string;
    query: { queryState: Record<string, { projections: Projection[] }> };
    objects?: Record<string, Array<{ properties: Record<string, unknown> }>>;
    visualContainerObjects: { title: Array<{ properties: Record<string, unknown> }> };
    syncGroup?: { groupName: string; fieldChanges: boolean; filterChanges: boolean };
  };
}

/** One field (or several) per role, with optional captions per role. */
export type RoleFields = Record<string, Array<{ ref: FieldRef; displayName?: string }>>;

/** A visual container of any type: the roles' projections, a title and a position. */
export function visualContainer(
  name: string,
  order: number,
  box: Box,
  visualType: string,
  roles: RoleFields,
  title: string,
): VisualContainer {
  const queryState: Record<string, { projections: Projection[] }> = {};
  for (const [role, fields] of Object.entries(roles)) {
    queryState[role] = { projections: fields.map((f) => projection(f.ref, f.displayName)) };
  }
  return {
    $schema: SCHEMAS.visual,
    name,
    position: { ...box, z: order * 1000, tabOrder: order * 1000 },
    visual: {
      visualType,
      query: { queryState },
      visualContainerObjects: { title: [{ properties: { show: literal(true), text: literal(title) } }] },
    },
  };
}

/** A drop-down slicer on one column, synchronised across pages by its group name. */
export function slicer(name: string, order: number, box: Box, ref: FieldRef, title: string): VisualContainer {
  const v = visualContainer(name, order, box, 'slicer', { Values: [{ ref, displayName: title }] }, title);
  v.visual.objects = { data: [{ properties: { mode: literal('Dropdown') } }] };
  v.visual.syncGroup = { groupName: `${ref.table}.${'column' in ref ? ref.column : ref.measure}`, fieldChanges: true, filterChanges: true };
  return v;
}

/** A card showing one measure. */
export function card(name: string, order: number, box: Box, ref: FieldRef, title: string): VisualContainer {
  return visualContainer(name, order, box, 'card', { Values: [{ ref, displayName: title }] }, title);
}
