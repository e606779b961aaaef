import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, test } from 'vitest';
import { variantKey } from '../../shared/src/index';
import { A, ALL, I, JOBCENTERS, LOG, M, MEAN_DAYS, NORD, SHORT_VARIANT, SYD, V, type Answers } from './fixtures/known-answers';
import { ensureVisualBuilt, launchChromium, startPreviewServer, type PreviewServer } from './harness';
import { afterRedraw, afterRender, count, days, openPreview, readMap, snapshot } from './page-model';

let server: PreviewServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ensureVisualBuilt();
  [server, browser] = await Promise.all([startPreviewServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  page.setDefaultTimeout(10_000);
});

afterEach(async () => {
  await page.close();
});

const preview = (token: string, extra = '') => `${server.url}/preview?token=${token}&log=${LOG}${extra}`;

async function expectMap(answers: Answers): Promise<void> {
  const map = await readMap(page);
  expect(Object.keys(map.nodes).sort()).toEqual(Object.keys(answers.events).sort());
  for (const [activity, events] of Object.entries(answers.events)) expect(count(map.nodes[activity]), activity).toBe(events);
  expect(Object.keys(map.edges).sort()).toEqual(Object.keys(answers.transitions).sort());
  for (const [edge, transitions] of Object.entries(answers.transitions)) expect(count(map.edges[edge]), edge).toBe(transitions);
}

async function pickSlicer(name: string, value: string): Promise<void> {
  await afterRender(page, () => page.selectOption(`[data-testid=slicer-${name}]`, value));
  await page.waitForFunction(() => document.querySelector('[data-testid=host-status]')?.getAttribute('data-state') === 'ready');
}

describe('the preview page with the known two-jobcenter log', () => {
  test('the frequency map shows one node per activity with its events and the transitions on every edge', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await expectMap(ALL);
    expect(await page.locator('[data-testid=case-row]').count()).toBe(ALL.cases);
    await snapshot(page, 'preview-frequency');
  });

  test('the activities slider hides the rarest activity and brings it back', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const slider = page.locator('[data-testid=activities-slider]');
    const setSlider = (value: string) =>
      afterRedraw(page, () => slider.evaluate((el: HTMLInputElement, v) => {
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, value));
    const min = (await slider.getAttribute('min')) ?? '0';
    await setSlider(min);
    const reduced = Object.keys((await readMap(page)).nodes);
    expect(reduced.length).toBeLessThan(4);
    expect(reduced).not.toContain(I);
    await snapshot(page, 'preview-activities-slider-min');
    await setSlider((await slider.getAttribute('max')) ?? '100');
    expect(Object.keys((await readMap(page)).nodes).sort()).toEqual([A, I, M, V].sort());
  });

  test('the paths slider hides the rarest path and brings it back', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const slider = page.locator('[data-testid=paths-slider]');
    const setSlider = (value: string) =>
      afterRedraw(page, () => slider.evaluate((el: HTMLInputElement, v) => {
        el.value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, value));
    await setSlider((await slider.getAttribute('min')) ?? '0');
    expect(Object.keys((await readMap(page)).edges).length).toBeLessThan(Object.keys(ALL.transitions).length);
    await snapshot(page, 'preview-paths-slider-min');
    await setSlider((await slider.getAttribute('max')) ?? '100');
    expect(Object.keys((await readMap(page)).edges).sort()).toEqual(Object.keys(ALL.transitions).sort());
  });

  test('clicking a variant filters the map and the case table to that variant', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const key = variantKey(SHORT_VARIANT);
    const row = page.locator(`[data-testid=variant-row][data-variant-key="${key}"]`);
    expect(count((await row.locator('[data-testid=variant-cases]').textContent()) ?? '')).toBe(5);
    await afterRedraw(page, () => row.click());
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=case-row]').length === 5);
    const map = await readMap(page);
    expect(Object.keys(map.nodes).sort()).toEqual([A, M].sort());
    expect(count(map.edges[`${M}->${A}`])).toBe(5);
    const keys = await page.$$eval('[data-testid=case-row]', (rows) => rows.map((r) => (r as HTMLElement).dataset['variantKey']));
    expect(new Set(keys)).toEqual(new Set([key]));
    await snapshot(page, 'preview-variant-selected');
  });

  test('clicking a case row cross-highlights its variant in the map, as a selection in another visual would', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const key = variantKey(SHORT_VARIANT);
    await afterRender(page, () => page.locator(`[data-testid=case-row][data-variant-key="${key}"]`).first().click());
    const dimmed = await page.$$eval('g[data-testid=node].dimmed', (gs) => gs.map((g) => (g as SVGGElement).dataset['activity']).sort());
    expect(dimmed).toEqual([I, V].sort());
    expect(await page.locator(`g[data-testid=edge][data-from="${M}"][data-to="${A}"]`).getAttribute('class')).not.toContain('dimmed');
    await snapshot(page, 'preview-cross-highlight');
  });

  test('the jobcenter slicer changes the numbers to each jobcenter’s known answers', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await pickSlicer('jobcenter', JOBCENTERS[0]);
    await expectMap(NORD);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=case-row]').length === n, NORD.cases);
    await snapshot(page, 'preview-jobcenter-nord');
    await pickSlicer('jobcenter', JOBCENTERS[1]);
    await expectMap(SYD);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=case-row]').length === n, SYD.cases);
    await snapshot(page, 'preview-jobcenter-syd');
  });

  test('the period slicer narrows to April, where counts under the minimum group size read "<5"', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await pickSlicer('period', '2024-04');
    const map = await readMap(page);
    expect(map.nodes).toEqual({ [M]: '8', [V]: '<5', [A]: '8' });
    expect(map.edges).toEqual({ [`${M}->${V}`]: '<5', [`${V}->${A}`]: '<5', [`${M}->${A}`]: '5' });
    await snapshot(page, 'preview-period-april-min-group-size');
  });

  test('the performance view shows the known mean durations on the edges', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await afterRedraw(page, () => page.click('[data-testid=view-performance]'));
    const metric = page.locator('[data-testid=metric]');
    if ((await metric.inputValue()) !== 'mean') await afterRedraw(page, () => metric.selectOption('mean'));
    const map = await readMap(page);
    for (const [edge, mean] of Object.entries(MEAN_DAYS)) expect(days(map.edges[edge]), edge).toBeCloseTo(mean, 1);
    await snapshot(page, 'preview-performance-mean');
  });

  test('the landing page appears when no fields are bound', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await pickSlicer('fields', 'none');
    await expect.poll(() => page.locator('[data-testid=landing]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=process-map]').isVisible()).toBe(false);
    await snapshot(page, 'preview-landing');
  });

  test('in Danish the labels use Danish number and duration formats', async () => {
    await openPreview(page, preview(server.tokens.analyst, '&locale=da-DK'));
    await afterRedraw(page, () => page.click('[data-testid=view-performance]'));
    const label = (await readMap(page)).edges[`${M}->${A}`];
    expect(label).toMatch(/10 dage/);
    await snapshot(page, 'preview-da-dk-performance');
  });

  test('a viewer token limited to one jobcenter sees only its numbers and no case-level rows', async () => {
    await openPreview(page, preview(server.tokens.sydViewer));
    await expectMap(SYD);
    const offered = await page.$$eval('[data-testid=slicer-jobcenter] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(offered).toEqual([JOBCENTERS[1]]);
    await expect.poll(() => page.locator('[data-testid=case-message]').textContent()).toMatch(/analyst token/);
    await snapshot(page, 'preview-viewer-syd');
  });

  test('with 4-row windows the visual fetches every window (fetchMoreData) and shows the exact numbers', async () => {
    await openPreview(page, preview(server.tokens.analyst, '&window=4'));
    await expectMap(ALL);
    expect(await page.evaluate(() => window.sagsflowPreview!.feed.updates)).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => window.sagsflowPreview!.warnings)).toEqual([]);
  });

  test('hovering an activity shows its tooltip and a right click the context menu, through the host', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const tooltip = page.locator('[data-testid=host-tooltip]');
    await page.hover(`g[data-testid=node][data-activity="${V}"]`);
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    expect(await tooltip.textContent()).toContain('24');
    await snapshot(page, 'preview-tooltip');
    await page.click(`g[data-testid=node][data-activity="${V}"]`, { button: 'right' });
    await expect.poll(() => tooltip.getAttribute('data-kind')).toBe('context-menu');
  });

  test('in high-contrast mode the visual draws on the palette background', async () => {
    await openPreview(page, preview(server.tokens.analyst, '&highContrast=1'));
    expect(await page.locator('.sagsflow').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(0, 0, 0)');
    await snapshot(page, 'preview-high-contrast');
  });

  test('the running example shows its 8 activities', async () => {
    await openPreview(page, `${server.url}/preview?token=${server.tokens.viewer}&log=running-example`);
    expect(Object.keys((await readMap(page)).nodes)).toHaveLength(8);
    await snapshot(page, 'preview-running-example');
  });
});

