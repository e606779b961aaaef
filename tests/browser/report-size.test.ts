import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROCESS_KEYS } from '../../service/src/generate/index';
import { A, I, JOBCENTERS, LOG, M, V } from './fixtures/known-answers';
import { ensureVisualBuilt, launchChromium, type PreviewServer } from './harness';
import { afterRedraw, days, openPreview, snapshot } from './page-model';
import { startPilotServer } from './pilot-server';

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  ensureVisualBuilt();
  [server, browser] = await Promise.all([startPilotServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const SIZES = [
  { width: 800, height: 500 },
  { width: 1280, height: 720 },
] as const;

/** A page with the preview of `log` in a visual of exactly `size`. */
async function reportPage(log: string, size: { width: number; height: number }, extra = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: size.width + 420, height: size.height + 140 } });
  page.setDefaultTimeout(20_000);
  await openPreview(page, `${server.url}/preview?token=${server.tokens.analyst}&log=${log}&size=${size.width}x${size.height}${extra}`);
  return page;
}

interface Label {
  text: string;
  px: number;
  box: { left: number; top: number; right: number; bottom: number };
}

/** Every text drawn on the map: its rendered font size in CSS px (font size x zoom) and its box. */
function mapLabels(page: Page): Promise<Label[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('.sagsflow-map text')]
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const r = t.getBoundingClientRect();
        const m = t.getScreenCTM()!;
        return {
          text: t.textContent ?? '',
          px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
          box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
        };
      }),
  );
}

function overlapping(labels: readonly Label[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const a = labels[i]!.box;
      const b = labels[j]!.box;
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        out.push(`${labels[i]!.text} × ${labels[j]!.text}`);
    }
  }
  return out;
}

describe('the map of a generated pilot log at report size', () => {
  for (const size of SIZES) {
    for (const log of PROCESS_KEYS) {
      test(`${log} at ${size.width}×${size.height}: left to right, every label at least 11 px, no two labels overlapping`, async () => {
        const page = await reportPage(log, size);
        try {
          expect(await page.locator('.sagsflow').getAttribute('data-direction')).toBe('LR');
          for (const view of ['frequency', 'performance'] as const) {
            if (view === 'performance') await afterRedraw(page, () => page.click('[data-testid=view-performance]'));
            const labels = await mapLabels(page);
            expect(labels.length, view).toBeGreaterThan(8);
            expect(Math.min(...labels.map((l) => l.px)), view).toBeGreaterThanOrEqual(11);
            expect(overlapping(labels), view).toEqual([]);
            const box = await page.locator('[data-testid=process-map]').boundingBox();
            const drawn = await page.locator('[data-testid=process-map] g.viewport').boundingBox();
            expect(drawn!.width / box!.width, 'the map fills the width or the height').toBeGreaterThan(0.5);
          }
          expect(await page.locator('[data-testid=map-legend]').textContent()).toMatch(
            /longest median waits between activities|No bottleneck/,
          );
          if (size.width === 1280) await snapshot(page, `report-${log}-${size.width}x${size.height}`);
        } finally {
          await page.close();
        }
      });
    }
  }

  test('pan and zoom: + and - and the keyboard change the zoom, fit shows the whole map', async () => {
    const page = await reportPage('dagpenge', SIZES[1]);
    try {
      const zoom = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('g.viewport')!).transform).a);
      const opened = await zoom();
      await page.click('[data-testid=zoom-in]');
      await expect.poll(zoom).toBeGreaterThan(opened * 1.2);
      await page.focus('[data-testid=process-map]');
      await page.keyboard.press('-');
      await page.keyboard.press('-');
      await expect.poll(zoom).toBeLessThan(opened);
      await page.click('[data-testid=fit]');
      await expect.poll(zoom).toBeCloseTo(opened, 2);
    } finally {
      await page.close();
    }
  });
});

describe('key figures, filter summary and jobcenter comparison of the known log', () => {
  test('the key figures: 24 cases, median 5 days, 90 % within 11 days; the filters as the visual sees them', async () => {
    const page = await reportPage(LOG, SIZES[1]);
    try {
      const text = (id: string) => page.locator(`[data-testid=${id}] .key-value`).textContent();
      expect(await text('key-cases')).toBe('24');
      // Exact: 14 cases of 5 days, 5 of 10, 5 of 11 (median 5, p90 11); the histograms' estimates are within 10 %.
      expect(Math.abs(days((await text('key-median'))!) / 5 - 1)).toBeLessThanOrEqual(0.1);
      expect(Math.abs(days((await text('key-p90'))!) / 11 - 1)).toBeLessThanOrEqual(0.1);
      expect(await text('key-finished')).toBe('100%');
      expect(await text('key-median')).toMatch(/^≈ /);
      expect(await page.locator('[data-testid=filter-jobcenter]').textContent()).toBe(`Jobcenter: ${JOBCENTERS.join(', ')}`);
      expect(await page.locator('[data-testid=filter-period]').textContent()).toBe('Period: 2024-03 – 2024-04');
      expect(await page.locator('[data-testid=filter-process]').textContent()).toMatch(/^Process: \S/);
      await page.selectOption('[data-testid=slicer-jobcenter]', JOBCENTERS[1]);
      await expect.poll(() => text('key-cases')).toBe('13');
      expect(await page.locator('[data-testid=filter-jobcenter]').textContent()).toBe(`Jobcenter: ${JOBCENTERS[1]}`);
    } finally {
      await page.close();
    }
  });

  test('comparison mode: the jobcenters side by side, and the map coloured by Syd against Nord', async () => {
    const page = await reportPage(LOG, SIZES[1], '&locale=da-DK');
    try {
      await afterRedraw(page, () => page.click('[data-testid=compare]'));
      const rows = page.locator('[data-testid=compare-row]');
      expect(await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset['jobcenter']))).toEqual([...JOBCENTERS]);
      expect(await rows.nth(0).locator('[data-testid=compare-cases]').textContent()).toBe('11');
      expect(Math.abs(days((await rows.nth(0).locator('[data-testid=compare-p90]').textContent())!) / 11 - 1)).toBeLessThanOrEqual(0.1);
      expect(await rows.nth(1).locator('[data-testid=compare-cases]').textContent()).toBe('13');
      expect(Math.abs(days((await rows.nth(1).locator('[data-testid=compare-p90]').textContent())!) / 10 - 1)).toBeLessThanOrEqual(0.1);
      await afterRedraw(page, () => rows.nth(1).click());
      expect(await rows.nth(1).getAttribute('aria-selected')).toBe('true');
      const tone = (selector: string) => page.locator(selector).getAttribute('data-tone').then(Number);
      expect(await tone(`g[data-testid=node][data-activity="${I}"]`)).toBeLessThan(0);
      expect(await tone(`g[data-testid=edge][data-from="${M}"][data-to="${A}"]`)).toBeGreaterThan(0);
      expect(await page.locator('[data-testid=legend-compare]').textContent()).toContain(`${JOBCENTERS[1]} mod de øvrige jobcentre`);
      await snapshot(page, 'report-compare-1280x720');
    } finally {
      await page.close();
    }
  });

  test('stable variant numbers: the rework variant keeps its number under the jobcenter slicer, and its hover shows its path', async () => {
    const page = await reportPage(LOG, SIZES[1]);
    try {
      const rework = [M, V, I, V, A].join(' → ');
      const labelOf = () =>
        page.evaluate((path) => {
          const row = [...document.querySelectorAll<HTMLElement>('[data-testid=variant-row]')].find((r) => r.title === path);
          return row?.querySelector('.variant-label')?.textContent ?? null;
        }, rework);
      const all = await labelOf();
      expect(all).toMatch(/^Variant \d+$/);
      await page.selectOption('[data-testid=slicer-jobcenter]', JOBCENTERS[0]);
      await expect.poll(() => page.locator('[data-testid=key-figures] [data-testid=key-cases] .key-value').textContent()).toBe('11');
      expect(await page.locator('[data-testid=variant-row]').count()).toBe(2);
      expect(await labelOf()).toBe(all);
      await page.hover(`[data-testid=variant-row][title="${rework}"]`);
      await expect.poll(() => page.locator('[data-testid=host-tooltip]').textContent()).toContain(rework);
    } finally {
      await page.close();
    }
  });
});
