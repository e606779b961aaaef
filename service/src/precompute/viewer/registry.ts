import { CORE_VIEWER_TABLES } from './core-viewer-tables';
import type { ViewerTableBuilder } from './viewer-input';

/**
 * Every viewer-grade builder run at load time. A model table added later (rule compliance,
 * conformance, findings) declares its viewer-grade form by adding a `viewer_<name>` table to
 * `db/tables/viewer.ts` (same columns) and its builder here; viewer tokens are refused a table
 * until then.
 */
export const VIEWER_TABLE_BUILDERS: readonly ViewerTableBuilder[] = [CORE_VIEWER_TABLES];
