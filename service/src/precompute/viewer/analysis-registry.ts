import type { ViewerAnalysisBuilder } from './analysis-input';
import { COMPLIANCE_VIEWER_TABLE } from './compliance-viewer-table';
import { CONFORMANCE_VIEWER_TABLES } from './conformance-viewer-tables';

/**
 * Viewer-grade builders of the analysis tables, run after the load's rule compliance and
 * conformance (`buildViewerAnalyses`) with the same cell decisions as the model's.
 */
export const VIEWER_ANALYSIS_BUILDERS: readonly ViewerAnalysisBuilder[] = [COMPLIANCE_VIEWER_TABLE, CONFORMANCE_VIEWER_TABLES];
