import { describe, expect, test } from 'vitest';
import { ALL, I, JOBCENTERS, M, SYD, V } from './fixtures/known-answers';
import { count, openPreview, readMap, snapshot } from './page-model';
import { expectMap, page, pickSlicer, preview, server, usePreview } from './use-preview';

usePreview();

describe('the stand-in host: landing page, access, data windows, warnings, tooltips, palette', () => {
  test('the landing page appears when no fields are bound', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await pickSlicer('fields', 'none');
    await expect.poll(() => page.locator('[data-testid=landing]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=process-map]').isVisible()).toBe(false);
    await snapshot(page, 'preview-landing');
  });

  test('without a token the page asks for one, and with a wrong one it says 401 and draws no data', async () => {
    await page.goto(`${server.url}/preview?log=known`);
    await page.waitForFunction(() => document.querySelector('[data-testid=host-status]')?.getAttribute('data-state') === 'needs-token');
    await page.goto(preview('sf_not-a-real-token'));
    await page.waitForFunction(() => document.querySelector('[data-testid=host-status]')?.getAttribute('data-state') === 'failed');
    expect(await page.locator('[data-testid=host-status]').textContent()).toMatch(/401/);
    expect(await page.locator('g[data-testid=node]').count()).toBe(0);
  });

  test('a viewer token limited to one jobcenter sees only its viewer-grade numbers and no case-level rows', async () => {
    await openPreview(page, preview(server.tokens.sydViewer));
    // Viewer-grade: Syd's rows of at least k cases (3 of its 13 cases pool with other jobcenters), never Nord's.
    const map = await readMap(page);
    expect(Object.keys(map.nodes)).not.toContain(I);
    for (const [activity, events] of Object.entries(SYD.events)) expect(count(map.nodes[activity]), activity).toBeLessThanOrEqual(events);
    expect(count(map.nodes[M])).toBeGreaterThanOrEqual(5);
    const offered = await page.$$eval('[data-testid=slicer-jobcenter] option', (os) =>
      os.map((o) => (o as HTMLOptionElement).value).filter(Boolean),
    );
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

  test('when the host refuses more rows (fetchMoreData false) the visual raises the warning icon', async () => {
    await openPreview(page, preview(server.tokens.analyst, '&window=4&maxRows=8'));
    await expect.poll(() => page.locator('[data-testid=host-warning]').textContent()).toMatch(/\S/);
    expect(await page.evaluate(() => window.sagsflowPreview!.warnings.length)).toBeGreaterThan(0);
    await snapshot(page, 'preview-warning-icon');
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
});
