import type { Captions, ReportLang } from '../captions';
import type { CustomVisual } from '../custom-visual';
import type { FeedSelection } from '../feed-tables';
import type { ModelTable, SemanticModel } from '../semantic-model';
import { processMapBindings } from './process-map-bindings';
import { SCHEMAS } from './schemas';
import { card, slicer, visualContainer, type Box, type RoleFields, type VisualContainer } from './visuals';

/** A page of the report: its `page.json` and its visuals. */
export interface ReportPage {
  page: { $schema: string; name: string; displayName: string; displayOption: 'FitToPage'; width: number; height: number };
  visuals: VisualContainer[];
}

/** What the pages are built from. */
export interface PageInputs {
  model: SemanticModel;
  feed: FeedSelection;
  visual: CustomVisual;
  captions: Captions;
  lang: ReportLang;
}

const WIDTH = 1280;
const HEIGHT = 720;
const MARGIN = 16;
const TOP_ROW = { y: MARGIN, height: 96 };
const BODY = { y: TOP_ROW.y + TOP_ROW.height + MARGIN, height: HEIGHT - (TOP_ROW.height + 3 * MARGIN) };
/** Columns that identify rows rather than describe them, left out of the findings table (as are texts in the other language, `*_da` / `*_en`). */
const TECHNICAL_COLUMNS = new Set(['id', 'log', 'version']);

function page(name: string, displayName: string, visuals: VisualContainer[]): ReportPage {
  return { page: { $schema: SCHEMAS.page, name, displayName, displayOption: 'FitToPage', width: WIDTH, height: HEIGHT }, visuals };
}

function table(model: SemanticModel, name: string): ModelTable | undefined {
  return model.tables.find((t) => t.name === name);
}

function measureHome(model: SemanticModel, measure: string): string | undefined {
  return model.tables.find((t) => t.measures.some((m) => m.name === measure))?.name;
}

function slicers(inputs: PageInputs, prefix: string): VisualContainer[] {
  const { captions, model } = inputs;
  const dims = [captions.jobcenterDimension, captions.periodDimension, captions.processDimension]
    .map((name) => table(model, name))
    .filter((t): t is ModelTable => t !== undefined && t.distinctColumn !== null);
  return dims.map((dim, i) =>
    slicer(
      `${prefix}Slicer${i}`,
      i,
      { x: MARGIN + i * 216, y: TOP_ROW.y, width: 200, height: TOP_ROW.height },
      { kind: 'column', table: dim.name, column: dim.distinctColumn! },
      dim.name,
    ),
  );
}

function localRoleName(inputs: PageInputs, key: string | undefined, fallback: string): string {
  const locale = inputs.lang === 'da' ? 'da-DK' : 'en-US';
  return (key && inputs.visual.stringResources[locale]?.[key]) || fallback;
}

function overviewPage(inputs: PageInputs): ReportPage {
  const { captions, model } = inputs;
  const visuals = slicers(inputs, 'overview');
  const cardMeasures = [captions.casesMeasure, captions.finishedShareMeasure, captions.medianThroughputMeasure];
  let x = MARGIN + 3 * 216 + MARGIN;
  for (const measure of cardMeasures) {
    const home = measureHome(model, measure);
    if (!home) continue;
    visuals.push(
      card(
        `overviewCard${visuals.length}`,
        visuals.length,
        { x, y: TOP_ROW.y, width: 190, height: TOP_ROW.height },
        { kind: 'measure', table: home, measure },
        measure,
      ),
    );
    x += 200;
  }
  const steps = table(model, inputs.feed.steps.entitySet)!;
  const roles: RoleFields = {};
  for (const b of processMapBindings(inputs.visual.capabilities, steps)) {
    const caption = b.fields.length === 1 ? localRoleName(inputs, b.role.displayNameKey, b.role.displayName ?? b.role.name) : undefined;
    roles[b.role.name] = b.fields.map((ref) => (caption === undefined ? { ref } : { ref, displayName: caption }));
  }
  const box: Box = { x: MARGIN, y: BODY.y, width: WIDTH - 2 * MARGIN, height: BODY.height };
  visuals.push(visualContainer('overviewProcessMap', visuals.length, box, inputs.visual.guid, roles, captions.processMap));
  return page('overview', captions.overviewPage, visuals);
}

function rulesPage(inputs: PageInputs): ReportPage | undefined {
  const { captions, feed } = inputs;
  if (!feed.compliance) return undefined;
  const t = feed.compliance.table.entitySet;
  const visuals = slicers(inputs, 'rules');
  const roles: RoleFields = {
    Rows: [{ ref: { kind: 'column', table: t, column: feed.compliance.ruleColumn } }],
    Values: [{ ref: { kind: 'measure', table: t, measure: captions.complianceRateMeasure } }],
  };
  if (feed.compliance.table.columns.some((c) => c.name === 'jobcenter'))
    roles['Columns'] = [{ ref: { kind: 'column', table: t, column: 'jobcenter' } }];
  const box: Box = { x: MARGIN, y: BODY.y, width: WIDTH - 2 * MARGIN, height: BODY.height };
  visuals.push(visualContainer('rulesMatrix', visuals.length, box, 'pivotTable', roles, captions.complianceByRule));
  return page('rules', captions.rulesPage, visuals);
}

function findingsPage(inputs: PageInputs): ReportPage | undefined {
  const { captions, feed } = inputs;
  if (!feed.findings) return undefined;
  const t = feed.findings.entitySet;
  const visuals = slicers(inputs, 'findings');
  const otherLanguage = inputs.lang === 'da' ? '_en' : '_da';
  const columns = feed.findings.columns.filter((c) => !TECHNICAL_COLUMNS.has(c.name) && !c.name.endsWith(otherLanguage));
  const roles: RoleFields = { Values: columns.map((c) => ({ ref: { kind: 'column', table: t, column: c.name } })) };
  const box: Box = { x: MARGIN, y: BODY.y, width: WIDTH - 2 * MARGIN, height: BODY.height };
  visuals.push(visualContainer('findingsTable', visuals.length, box, 'tableEx', roles, captions.findingsTable));
  return page('findings', captions.findingsPage, visuals);
}

/**
 * The report's pages: the overview (slicers, key-figure cards, the process map bound per the
 * visual's capabilities), the rules page when the feed has a compliance table, and the
 * findings page when it has a findings table.
 */
export function reportPages(inputs: PageInputs): ReportPage[] {
  return [overviewPage(inputs), rulesPage(inputs), findingsPage(inputs)].filter((p): p is ReportPage => p !== undefined);
}
