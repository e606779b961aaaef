/**
 * The Sagsflow store schema (drizzle, SQLite). Tables live in `tables/` by concern:
 * `store.ts` (logs, loads, events, quarantine), `model.ts` (the precomputed model tables of
 * the data contract: steps, cases, variants, activities, edges, jobcenters, periods) and
 * `access.ts` (tokens, audit). Migrations in `service/drizzle/` are generated from this file
 * with `npx drizzle-kit generate`.
 */
import { relations } from 'drizzle-orm';
import { loads, logs, quarantine } from './tables/store';

export { events, loads, logs, quarantine } from './tables/store';
export type { EventRow, LoadRow, LoadStatus, LogRow, QuarantineRow } from './tables/store';
export { activities, cases, edges, jobcenters, periods, steps, variants } from './tables/model';
export type { ActivityDbRow, CaseDbRow, EdgeDbRow, JobcenterDbRow, PeriodDbRow, StepDbRow, VariantDbRow } from './tables/model';
export { conformanceActivities, conformanceCases, conformanceModels, conformanceVariants } from './tables/conformance';
export type { ConformanceActivityRow, ConformanceCaseRow, ConformanceModelRow, ConformanceVariantRow } from './tables/conformance';
export { audit, tokens } from './tables/access';
export { findingCases, findings } from './tables/findings';
export type { FindingCaseDbRow, FindingDbRow } from './tables/findings';
export { viewerActivities, viewerBuilds, viewerEdges, viewerJobcenters, viewerPeriods, viewerSteps, viewerVariants } from './tables/viewer';
export type { ViewerBuildRow } from './tables/viewer';
export { viewerCompliance, viewerConformanceActivities, viewerConformanceVariants } from './tables/viewer-analyses';
export { caseCompliance, compliance, ruleCatalogues, rules } from './tables/compliance';
export type { CaseComplianceDbRow, ComplianceDbRow, RuleCatalogueDbRow, RuleDbRow } from './tables/compliance';
export type { AuditRow, Role, TokenRow } from './tables/access';
export { HISTOGRAM_KEYS } from './tables/buckets';
export type { HistogramKey } from './tables/buckets';
export { FINE_HISTOGRAM_KEYS } from './tables/fine-buckets';
export { attachedModels, teams } from './tables/teams';
export type { AttachedModelRow, TeamDbRow } from './tables/teams';

export const logsRelations = relations(logs, ({ many }) => ({ loads: many(loads) }));

export const loadsRelations = relations(loads, ({ one, many }) => ({
  logRow: one(logs, { fields: [loads.log], references: [logs.name] }),
  quarantine: many(quarantine),
}));

export const quarantineRelations = relations(quarantine, ({ one }) => ({
  load: one(loads, { fields: [quarantine.loadId], references: [loads.id] }),
}));
// versions (issue 13): kept log versions and persisted upload jobs
export { jobs, logVersions, versionCases, versionEvents } from './tables/versions';
export type { JobDbRow, JobStateColumn, LogVersionRow } from './tables/versions';
