import { createHash } from 'node:crypto';
import { describeSchema } from '../http/model/table-info';
import * as schema from '../db/schema';
import type { TableInfo } from '../http/model/table-info';
import { captionsFor, type ReportLang } from './captions';
import type { CustomVisual } from './custom-visual';
import { selectFeedTables } from './feed-tables';
import { reportPages } from './report/pages';
import { reportFiles } from './report/report-files';
import { SCHEMAS } from './report/schemas';
import { buildSemanticModel } from './semantic-model';
import { semanticModelFiles } from './tmdl';

/** The project's name: `Sagsflow.pbip`, `Sagsflow.SemanticModel/`, `Sagsflow.Report/`. */
export const PROJECT_NAME = 'Sagsflow';

/** Options of `buildPowerBiProject`. */
export interface PowerBiProjectOptions {
  /** The OData feed, e.g. `https://sagsflow.example.org/odata`. */
  feedUrl: string;
  lang: ReportLang;
  /** Load only this process's rows; all processes when absent. */
  process?: string;
  /** The packaged process-map visual. */
  visual: CustomVisual;
  /** The served tables (the registry behind `$metadata`); default the store's schema. */
  tables?: ReadonlyMap<string, TableInfo>;
  /** Load case-level tables (Cases): refreshing then needs an analyst token. Default true. */
  caseLevel?: boolean;
}

/** The project as files, path -> text or bytes, plus what was left out and why. */
export interface PowerBiProject {
  files: Map<string, string | Uint8Array>;
  notes: string[];
}

/**
 * The `.platform` file of an item folder (Fabric git integration; Power BI Desktop also looks
 * for it). The logical id is derived from the feed and the item type, so the same service
 * always gives the same ids.
 */
function platformFile(type: 'SemanticModel' | 'Report', feedUrl: string): string {
  const h = createHash('sha1').update(`${feedUrl}|${type}`).digest('hex');
  const logicalId = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  return `${JSON.stringify({ $schema: SCHEMAS.platform, metadata: { type, displayName: PROJECT_NAME }, config: { version: '2.0', logicalId } }, null, 2)}\n`;
}

/** Checks a feed URL: absolute http(s), no query or fragment; returns it without a trailing slash. */
export function normaliseFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--url: expected the feed's address like https://HOST/odata, got "${url}"`);
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.search || parsed.hash) {
    throw new Error(`--url: expected an http(s) address without ?query or #fragment, got "${url}"`);
  }
  return parsed.href.replace(/\/+$/, '');
}

/**
 * Builds the Power BI project (PBIP) for a Sagsflow feed: `Sagsflow.pbip`, the semantic model
 * in TMDL (the feed URL and process as parameters, the feed's tables as `$metadata` declares
 * them, relationships and key-figure measures) and the report in PBIR (overview with the
 * process map, rules and findings pages when the feed has those tables, the visual embedded).
 *
 * @example
 * const { files } = buildPowerBiProject({ feedUrl: 'https://host/odata', lang: 'da', visual: readBuiltVisual('dist') });
 */
export function buildPowerBiProject(options: PowerBiProjectOptions): PowerBiProject {
  const feedUrl = normaliseFeedUrl(options.feedUrl);
  if (options.process !== undefined && !/^[\p{L}\p{N} _.-]{1,100}$/u.test(options.process)) {
    throw new Error(`--process: expected a process name (letters, digits, space, _ . -), got "${options.process}"`);
  }
  const captions = captionsFor(options.lang);
  const feed = selectFeedTables(options.tables ?? describeSchema(schema), { caseLevel: options.caseLevel ?? true });
  const model = buildSemanticModel(feed, { feedUrl, lang: options.lang, process: options.process });
  const pages = reportPages({ model, feed, visual: options.visual, captions, lang: options.lang });
  const modelFolder = `${PROJECT_NAME}.SemanticModel`;
  const reportFolder = `${PROJECT_NAME}.Report`;
  const files = new Map<string, string | Uint8Array>();
  files.set(
    `${PROJECT_NAME}.pbip`,
    `${JSON.stringify({ $schema: SCHEMAS.pbip, version: '1.0', artifacts: [{ report: { path: reportFolder } }], settings: { enableAutoRecovery: true } }, null, 2)}\n`,
  );
  files.set(`${modelFolder}/.platform`, platformFile('SemanticModel', feedUrl));
  files.set(`${reportFolder}/.platform`, platformFile('Report', feedUrl));
  files.set(`${modelFolder}/definition.pbism`, `${JSON.stringify({ $schema: SCHEMAS.pbism, version: '4.0', settings: {} }, null, 2)}\n`);
  for (const [path, text] of semanticModelFiles(model)) files.set(`${modelFolder}/definition/${path}`, text);
  for (const [path, content] of reportFiles(pages, options.visual, modelFolder)) files.set(`${reportFolder}/${path}`, content);
  files.set('.gitignore', '**/.pbi/localSettings.json\n**/.pbi/cache.abf\n');
  const notes: string[] = [];
  if (!/\/odata$/.test(new URL(feedUrl).pathname))
    notes.push(`the feed URL ${feedUrl} does not end in /odata, where sagsflow serve puts the feed`);
  if (!feed.compliance) notes.push('no rules page: the feed has no compliance table');
  if (!feed.findings) notes.push('no findings page: the feed has no findings table');
  if (!feed.cases) notes.push('no Cases table: case-level tables left out');
  return { files, notes };
}
