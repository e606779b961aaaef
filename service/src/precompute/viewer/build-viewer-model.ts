import type Database from 'better-sqlite3';
import { upsertViewerBuild, viewerBuildOf } from '../../db/model-queries';
import { createModelWriter, type StepRowListener } from '../model-writer';
import type { ViewerModelInput } from './viewer-input';
import { viewerRows, type ViewerBuildSummary } from './viewer-rows';

/** Records the k and the price of a viewer-grade build in `viewer_builds`. */
export function recordViewerBuild(sqlite: Database.Database, target: { log: string; version: number }, summary: ViewerBuildSummary): void {
  upsertViewerBuild(sqlite, {
    log: target.log,
    version: target.version,
    k: summary.k,
    cases: summary.cases,
    mergedCellCases: summary.mergedCellCases,
    otherVariantCases: summary.otherVariantCases,
    suppressedCases: summary.suppressedCases,
  });
}

/**
 * Writes the viewer-grade model of one (log, version) in the caller's transaction from a
 * prepared input whose step sums hold every exact step row (`viewerRows`), and records the k and
 * the price in `viewer_builds`. `onStepRow` hears of every viewer step row written.
 */
export function writeViewerModel(
  sqlite: Database.Database,
  target: { log: string; version: number },
  input: ViewerModelInput,
  onStepRow?: StepRowListener,
): ViewerBuildSummary {
  const out = createModelWriter(sqlite, target.log, target.version, 'viewer_', onStepRow);
  const summary = viewerRows(input, out);
  out.finish();
  recordViewerBuild(sqlite, target, summary);
  return summary;
}

/** The viewer-grade build of a log's version as stored in `viewer_builds`, or null when there is none. */
export function readViewerBuild(sqlite: Database.Database, log: string, version: number): ViewerBuildSummary | null {
  const row = viewerBuildOf(sqlite, log, version);
  if (!row) return null;
  return {
    k: row.k,
    cases: row.cases,
    mergedCellCases: row.mergedCellCases,
    otherVariantCases: row.otherVariantCases,
    suppressedCases: row.suppressedCases,
    mergedShare: row.cases === 0 ? 0 : (row.mergedCellCases + row.otherVariantCases + row.suppressedCases) / row.cases,
  };
}
