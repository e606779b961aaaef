import { describe, expect, test } from 'vitest';
import { variantKey } from '@sagsflow/shared';
import { A, ALL, I, JOBCENTERS, M, MEAN_DAYS, NORD, SHORT_VARIANT, SYD, V } from './fixtures/known-answers';
import { afterRedraw, afterRender, count, days, openPreview, readMap, setSlider, snapshot } from './page-model';
import { expectMap, page, pickSlicer, preview, server, usePreview } from './use-preview';

usePreview();

describe('the process map of the known two-jobcenter log in the preview host', () => {
  test('the frequency map shows one node per activity with its events and the transitions on every edge', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    await expectMap(ALL);
    expect(await page.locator('[data-testid=case-row]').count()).toBe(ALL.cases);
    await snapshot(page, 'preview-frequency');
  });

  test('the activities slider hides the rarest activity and brings it back', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const slider = page.locator('[data-testid=activities-slider]');
    await setSlider(page, 'activities-slider', (await slider.getAttribute('min')) ?? '0');
    const reduced = Object.keys((await readMap(page)).nodes);
    expect(reduced.length).toBeLessThan(4);
    expect(reduced).not.toContain(I);
    await snapshot(page, 'preview-activities-slider-min');
    await setSlider(page, 'activities-slider', (await slider.getAttribute('max')) ?? '100');
    expect(Object.keys((await readMap(page)).nodes).sort()).toEqual([A, I, M, V].sort());
  });

  test('the paths slider hides the rarest path and brings it back', async () => {
    await openPreview(page, preview(server.tokens.analyst));
    const slider = page.locator('[data-testid=paths-slider]');
    await setSlider(page, 'paths-slider', (await slider.getAttribute('min')) ?? '0');
    expect(Object.keys((await readMap(page)).edges).length).toBeLessThan(Object.keys(ALL.transitions).length);
    await snapshot(page, 'preview-paths-slider-min');
    await setSlider(page, 'paths-slider', (await slider.getAttribute('max')) ?? '100');
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

  test('in Danish the labels use Danish number and duration formats', async () => {
    await openPreview(page, preview(server.tokens.analyst, '&locale=da-DK'));
    await afterRedraw(page, () => page.click('[data-testid=view-performance]'));
    const label = (await readMap(page)).edges[`${M}->${A}`];
    expect(label).toMatch(/10 dage/);
    await snapshot(page, 'preview-da-dk-performance');
  });

  test('the running example opens for an analyst simplified to what reads at 11 px, and the slider shows its 8 activities', async () => {
    await openPreview(page, `${server.url}/preview?token=${server.tokens.analyst}&log=running-example`);
    const shown = Object.keys((await readMap(page)).nodes).length;
    expect(await page.locator('[data-testid=legend-hidden]').textContent()).toContain(`${shown} of 8 activities`);
    await setSlider(page, 'activities-slider', '100');
    expect(Object.keys((await readMap(page)).nodes)).toHaveLength(8);
    await snapshot(page, 'preview-running-example');
  });
});
