import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { LOG, type Answers } from './fixtures/known-answers';
import { ensureVisualBuilt, launchChromium, startPreviewServer, type PreviewServer } from './harness';
import { afterRender, count, readMap } from './page-model';

/** The running preview server, the browser and this test's page (live bindings, set by the hooks). */
export let server: PreviewServer;
export let browser: Browser;
export let page: Page;

/**
 * Registers the hooks of a browser test file: build the visual if stale, start the service
 * with the known logs and chromium once per file, a fresh page per test.
 */
export function usePreview(): void {
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
}

/** The preview page of the known log for a token, plus extra query text (`&locale=da-DK`). */
export const preview = (token: string, extra = '') => `${server.url}/preview?token=${token}&log=${LOG}${extra}`;

/** Asserts the drawn map has exactly the activities and edges of `answers`, with their counts. */
export async function expectMap(answers: Answers): Promise<void> {
  const map = await readMap(page);
  expect(Object.keys(map.nodes).sort()).toEqual(Object.keys(answers.events).sort());
  for (const [activity, events] of Object.entries(answers.events)) expect(count(map.nodes[activity]), activity).toBe(events);
  expect(Object.keys(map.edges).sort()).toEqual(Object.keys(answers.transitions).sort());
  for (const [edge, transitions] of Object.entries(answers.transitions)) expect(count(map.edges[edge]), edge).toBe(transitions);
}

/** Picks a slicer value and waits until the page reloaded and the visual drew it. */
export async function pickSlicer(name: string, value: string): Promise<void> {
  await afterRender(page, () => page.selectOption(`[data-testid=slicer-${name}]`, value));
  await page.waitForFunction(() => document.querySelector('[data-testid=host-status]')?.getAttribute('data-state') === 'ready');
}
