/**
 * `sagsflow powerbi`: a Power BI project (PBIP) over the service's OData feed. The semantic
 * model (TMDL) and the report (PBIR) are derived from the table registry behind `$metadata`
 * and from the packaged visual's `capabilities.json`.
 */
export { buildPowerBiProject, normaliseFeedUrl, PROJECT_NAME, type PowerBiProject, type PowerBiProjectOptions } from './project';
export { REPO_DIST, readBuiltVisual, readCustomVisual, type CustomVisual } from './custom-visual';
export { writeProjectFolder, zipProject } from './write-project';
export type { ReportLang } from './captions';
