import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { attachedModel } from '../../service/src/conformance/attached-model';
import { openDatabase } from '../../service/src/db/client';
import { generateLog } from '../../service/src/generate/index';
import { ingestFiles } from '../../service/src/ingest/ingest-files';
import { catalogueForLoad } from '../../service/src/rules/attach';
import { startServer } from '../../service/src/server';
import { createToken } from '../../service/src/tokens/index';
import { ARTIFACTS, ensureVisualBuilt, launchChromium, type PreviewServer } from './harness';
import { afterRedraw, openPreview, snapshot } from './page-model';
import { PILOT_CASES } from './pilot-server';

const LOG = 'dagpenge';

/** A service with the generated dagpenge pilot log (seed 7) loaded with its process's rule catalogue and BPMN model. */
async function startInsightServer(): Promise<PreviewServer & { dbPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sagsflow-insight-'));
  process.env['SAGSFLOW_SECRET'] ??= 'browser-test-secret';
  const dbPath = join(dir, 'insight.sqlite');
  const store = openDatabase(dbPath);
  const file = join(dir, `${LOG}.csv`);
  await generateLog({ process: LOG, cases: PILOT_CASES, seed: 7, out: file });
  const rules = await catalogueForLoad({ process: LOG });
  const model = await attachedModel(undefined, LOG, undefined);
  await ingestFiles(store, { files: [file], log: LOG, process: LOG, ...(rules ? { rules } : {}), ...(model ? { model } : {}) });
  const analyst = createToken(store.db, { role: 'analyst' }).token;
  store.close();
  const server = await startServer({ dbPath, port: 0, log: () => {} });
  return {
    dbPath,
    url: server.url,
    tokens: { analyst, viewer: analyst, sydViewer: analyst },
    close: () => server.close().then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

let server: Awaited<ReturnType<typeof startInsightServer>>;
let browser: Browser;

beforeAll(async () => {
  ensureVisualBuilt();
  [server, browser] = await Promise.all([startInsightServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function reportPage(size = { width: 800, height: 500 }): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: size.width + 420, height: size.height + 140 } });
  page.setDefaultTimeout(20_000);
  await openPreview(page, `${server.url}/preview?token=${server.tokens.analyst}&log=${LOG}&size=${size.width}x${size.height}`);
  return page;
}

/** Saves a screenshot of the visual alone (as a report shows it) to `test-artifacts/<name>.png`. */
async function visualShot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  await page.locator('.sagsflow').screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Sets the toolbar's insight overlay and waits for the redraw. */
async function overlay(page: Page, value: 'none' | 'rules' | 'deviations'): Promise<void> {
  await afterRedraw(page, () => page.selectOption('[data-testid=insight-overlay]', value));
}

/** Per drawn activity: its `data-insight` (null when the overlay is off) and its box's fill. */
function nodeInsight(page: Page): Promise<{ activity: string; insight: number | null; fill: string }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>('g[data-testid=node][data-kind=activity]')].map((g) => ({
      activity: g.dataset['activity'] ?? '',
      insight: g.dataset['insight'] === undefined ? null : Number(g.dataset['insight']),
      fill: g.querySelector('rect')?.getAttribute('fill') ?? '',
    })),
  );
}

function redness(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  return ((n >> 16) & 255) - (n & 255);
}

describe('the insight on the map (generated dagpenge log with its rules and model, 800×500)', () => {
  test('the rules overlay colours the activities where rules were broken, with a legend and tooltips naming the rule', async () => {
    const page = await reportPage();
    await expect.poll(() => page.locator('[data-testid=insight-overlay]').isVisible()).toBe(true);
    expect((await nodeInsight(page)).every((n) => n.insight === null)).toBe(true);
    await overlay(page, 'rules');
    const nodes = await nodeInsight(page);
    const marked = nodes.filter((n) => n.insight !== null && n.insight > 0);
    expect(marked.length).toBeGreaterThan(0);
    const darkest = marked.reduce((a, b) => (b.insight! > a.insight! ? b : a));
    const clean = nodes.find((n) => n.insight === 0);
    if (clean) expect(redness(darkest.fill)).toBeGreaterThan(redness(clean.fill));
    const legend = await page.locator('[data-testid=legend-insight]').textContent();
    expect(legend).toMatch(/Red = share of the cases .* broke a rule there; darkest = [\d.]+ %/);
    await page.hover(`g[data-testid=node][data-activity="${darkest.activity}"] rect`);
    const tooltip = page.locator('[data-testid=host-tooltip]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    // A rule of processes/dagpenge/rules.yaml, by id and English title.
    const catalogue = (await catalogueForLoad({ process: LOG }))!.catalogue;
    const named = catalogue.rules.map((r) => `${r.id} ${r.title.en}`);
    const text = (await tooltip.textContent()) ?? '';
    expect(text).toContain('Rules broken');
    expect(named.filter((n) => text.includes(n)).length).toBeGreaterThan(0);
    await snapshot(page, 'report-dagpenge-rules-tooltip-800x500');
    await visualShot(page, 'report-dagpenge-rules-800x500');
    await page.close();
  });

  test('the model overlay colours by deviations from the BPMN model and says what red means', async () => {
    const page = await reportPage();
    await overlay(page, 'deviations');
    const legend = await page.locator('[data-testid=legend-insight]').textContent();
    expect(legend).toMatch(/Red activity = share of its cases that did it where the model does not allow it|No deviations from the model/);
    const insight = await page.evaluate(() =>
      [...document.querySelectorAll<SVGGElement>('g[data-testid=node][data-kind=activity], g[data-testid=edge]')].map(
        (g) => g.dataset['insight'],
      ),
    );
    expect(insight.every((v) => v !== undefined)).toBe(true);
    await visualShot(page, 'report-dagpenge-model-800x500');
    await page.close();
  });

  // The variant pane shows from 960 px wide (narrower visuals give the map the whole width).
  test('findings are listed beside the variants (1280×720)', async () => {
    const page = await reportPage({ width: 1280, height: 720 });
    const findings = page.locator('[data-testid=variant-finding]');
    await expect.poll(() => findings.count()).toBeGreaterThan(0);
    const first = await findings.first().evaluate((li) => ({
      id: li.getAttribute('data-finding-id') ?? '',
      text: li.textContent ?? '',
      row: li.closest('[data-testid=variant-row]')?.getAttribute('data-variant-key') ?? '',
    }));
    expect(first.id).toMatch(/^F[0-9a-f]{16}$/);
    expect(first.text.length).toBeGreaterThan(10);
    expect(first.row).not.toBe('');
    await overlay(page, 'rules');
    await visualShot(page, 'report-dagpenge-insight-1280x720');
    await page.close();
  });
});
