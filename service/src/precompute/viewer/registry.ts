import type { ViewerAnalysisBuilder } from './analysis-input';
import { COMPLIANCE_VIEWER_TABLE } from './compliance-viewer-table';
import { CONFORMANCE_VIEWER_TABLES } from './conformance-viewer-tables';
import { CORE_VIEWER_TABLES } from './core-viewer-tables';
import type { ViewerTableBuilder } from './viewer-input';

/**
 * Every viewer-grade builder run at load time. A model table added later declares its
 * viewer-grade form by adding a `viewer_<name>` table to `db/tables/` (same columns) and its
 * builder here; viewer tokens are refused a table until then.
 */
export const VIEWER_TABLE_BUILDERS: readonly ViewerTableBuilder[] = [CORE_VIEWER_TABLES];

/**
 * Viewer-grade builders of the analysis tables, run after the load's rule compliance and
 * conformance (`buildViewerAnalyses`) with the same cell decisions as the model's.
 */
export const VIEWER_ANALYSIS_BUILDERS: readonly ViewerAnalysisBuilder[] = [COMPLIANCE_VIEWER_TABLE, CONFORMANCE_VIEWER_TABLES];
