import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { STEP_END, STEP_START } from '@sagsflow/shared';
import { ARTIFACTS } from './harness';

/** START/END markers of the step model: drawn as pills, not activities. */
const MARKERS = new Set<string>([STEP_START, STEP_END]);

export interface MapState {
  /** Activity -> node label text (markers left out). */
  nodes: Record<string, string>;
  /** `from->to` -> edge label text (edges from START / to END left out). */
  edges: Record<string, string>;
}

/** Reads the drawn process map of the visual. */
export async function readMap(page: Page): Promise<MapState> {
  const raw = await page.evaluate(() => ({
    nodes: [...document.querySelectorAll<SVGGElement>('g[data-testid=node]')].map((g) => [
      g.dataset['activity'] ?? '',
      g.querySelector('[data-testid=node-label]')?.textContent ?? '',
    ]),
    edges: [...document.querySelectorAll<SVGGElement>('g[data-testid=edge]')].map((g) => [
      g.dataset['from'] ?? '',
      g.dataset['to'] ?? '',
      g.querySelector('[data-testid=edge-label]')?.textContent ?? '',
    ]),
  }));
  const nodes: Record<string, string> = {};
  for (const [activity, label] of raw.nodes) if (!MARKERS.has(activity!)) nodes[activity!] = label!;
  const edges: Record<string, string> = {};
  for (const [from, to, label] of raw.edges) if (!MARKERS.has(from!) && !MARKERS.has(to!)) edges[`${from}->${to}`] = label!;
  return { nodes, edges };
}

/** The integer a count label shows ("1,234" / "1.234" -> 1234). */
export function count(label: string | undefined): number {
  return Number((label ?? '').replace(/[^\d]/g, ''));
}

/** Days a duration label shows ("3.5 days", "3,5 dage", "12 hours" -> 0.5). */
export function days(label: string | undefined): number {
  const m = /(-?[\d.,]+)\s*(\p{L}+)/u.exec(label ?? '');
  if (!m) return Number.NaN;
  const value = Number(m[1]!.replace(/\./g, m[1]!.includes(',') ? '' : '.').replace(',', '.'));
  const unit = m[2]!.toLowerCase();
  if (unit.startsWith('d')) return value;
  if (unit.startsWith('h') || unit.startsWith('t')) return value / 24;
  if (unit.startsWith('m')) return value / 1440;
  return value / 86400;
}

/** Number of finished (or failed) renders the visual reported so far. */
export function renders(page: Page): Promise<number> {
  return page.evaluate(() => window.sagsflowPreview?.events.filter((e) => e.kind !== 'started').length ?? 0);
}

/** True once the visual finished rendering the last update the host sent and no window is pending. */
function settled(): boolean {
  const p = window.sagsflowPreview;
  if (!p || p.feed.pending()) return false;
  return p.events.some((e) => e.kind !== 'started' && e.at >= p.feed.lastUpdateAt);
}

/** Runs `act` and waits for the visual's next finished render after it. */
export async function afterRender(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await renders(page);
  await act();
  await page.waitForFunction((n) => (window.sagsflowPreview?.events.filter((e) => e.kind !== 'started').length ?? 0) > n, before);
  await page.waitForFunction(settled);
}

/** Runs `act` and waits until the root's `data-render-ms` is written again (in-visual redraws). */
export async function afterRedraw(page: Page, act: () => Promise<unknown>): Promise<void> {
  await page.evaluate(() => {
    const root = document.querySelector('.sagsflow')!;
    (window as unknown as { redrawn: boolean }).redrawn = false;
    new MutationObserver((_, observer) => {
      (window as unknown as { redrawn: boolean }).redrawn = true;
      observer.disconnect();
    }).observe(root, { attributes: true, attributeFilter: ['data-render-ms'] });
  });
  await act();
  await page.waitForFunction(() => (window as unknown as { redrawn: boolean }).redrawn);
}

/**
 * Moves a toolbar slider (`activities-slider`, `paths-slider`) to `value` as a user drags and
 * releases it (`input`, then `change`), and waits for the visual's redraw.
 */
export async function setSlider(page: Page, testid: string, value: string): Promise<void> {
  const slider = page.locator(`[data-testid=${testid}]`);
  await afterRedraw(page, () =>
    slider.evaluate((el: HTMLInputElement, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }, value),
  );
}

/** Opens the preview page and waits until the slicers loaded and the visual drew its data. */
export async function openPreview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('[data-testid=host-status]')?.getAttribute('data-state') === 'ready');
  await page.waitForFunction(settled);
}

/** Saves a screenshot of the page to `test-artifacts/<name>.png`. */
export async function snapshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
