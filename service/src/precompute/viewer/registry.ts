import { CORE_VIEWER_TABLES } from './core-viewer-tables';
import type { ViewerTableBuilder } from './viewer-input';

/**
 * Every viewer-grade builder run at load time. A model table added later declares its
 * viewer-grade form by adding a `viewer_<name>` table to `db/tables/` (same columns) and its
 * builder here; viewer tokens are refused a table until then. The analysis tables' builders are
 * in `analysis-registry.ts`: they write to the database, and this list is also read by the model
 * worker, which loads no database code.
 */
export const VIEWER_TABLE_BUILDERS: readonly ViewerTableBuilder[] = [CORE_VIEWER_TABLES];
