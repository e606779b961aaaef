import type { CustomVisual } from '../custom-visual';
import type { ReportPage } from './pages';
import { SCHEMAS } from './schemas';

/** Version of the PBIR definition folder (`definition/version.json`). */
export const PBIR_DEFINITION_VERSION = '2.0.0';

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * The files of `Sagsflow.Report/` by path: `definition.pbir` (bound by path to the semantic
 * model), the PBIR `definition/` folder (report, version, pages and visuals) and the private
 * custom visual, laid out as Power BI Desktop saves a visual imported from a file: the
 * package extracted to `CustomVisuals/GUID/` (`package.json`, `resources/GUID.pbiviz.json`)
 * and one `CustomVisual` resource package in `report.json` naming `GUID.pbiviz.json`.
 */
export function reportFiles(pages: ReportPage[], visual: CustomVisual, semanticModelFolder: string): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  files.set(
    'definition.pbir',
    json({ $schema: SCHEMAS.pbir, version: '4.0', datasetReference: { byPath: { path: `../${semanticModelFolder}` } } }),
  );
  files.set('definition/version.json', json({ $schema: SCHEMAS.version, version: PBIR_DEFINITION_VERSION }));
  files.set(
    'definition/report.json',
    json({
      $schema: SCHEMAS.report,
      themeCollection: {},
      resourcePackages: [
        {
          name: visual.guid,
          type: 'CustomVisual',
          items: [{ name: `${visual.guid}.pbiviz.json`, path: `${visual.guid}.pbiviz.json`, type: 'CustomVisualMetadata' }],
        },
      ],
      settings: { useStylableVisualContainerHeader: true, defaultDrillFilterOtherVisuals: true },
    }),
  );
  files.set(
    'definition/pages/pages.json',
    json({ $schema: SCHEMAS.pages, pageOrder: pages.map((p) => p.page.name), activePageName: pages[0]!.page.name }),
  );
  for (const p of pages) {
    files.set(`definition/pages/${p.page.name}/page.json`, json(p.page));
    for (const v of p.visuals) files.set(`definition/pages/${p.page.name}/visuals/${v.name}/visual.json`, json(v));
  }
  for (const [path, bytes] of visual.files) files.set(`CustomVisuals/${visual.guid}/${path}`, bytes);
  return files;
}
