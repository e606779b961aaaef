import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../service/src/db/client';
import { generateLog } from '../../service/src/generate/index';
import { ingestFiles } from '../../service/src/ingest/ingest-files';
import { loadModel } from '../../service/src/conformance/load-model';
import { processEntry } from '../../service/src/processes/index';
import { catalogueForLoad } from '../../service/src/rules/attach';
import { readReportData } from '../../service/src/report/report-data';
import { renderReport, REPORT_SECTIONS } from '../../service/src/report/render-report';
import { ARTIFACTS, ROOT, launchChromium } from './harness';

/** A4 at 96 CSS pixels per inch. */
const A4 = { width: 794, height: 1123 };

let dir: string;
let browser: Browser;
const html: Record<'da' | 'en', string> = { da: '', en: '' };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sagsflow-report-'));
  process.env['SAGSFLOW_SECRET'] ??= 'browser-test-secret';
  const file = join(dir, 'dagpenge.csv');
  await generateLog({ process: 'dagpenge', cases: 1500, seed: 11, dirty: true, deviations: true, out: file });
  const store = openDatabase(join(dir, 'r.sqlite'));
  const rules = await catalogueForLoad({ process: 'dagpenge' });
  await ingestFiles(store, {
    files: [file],
    log: 'dagpenge',
    process: 'dagpenge',
    model: await loadModel(processEntry('dagpenge').modelPath),
    ...(rules ? { rules } : {}),
  });
  for (const lang of ['da', 'en'] as const)
    html[lang] = renderReport(readReportData(store.sqlite, { log: 'dagpenge', scope: '', lang, now: Date.UTC(2026, 10, 30, 9) }));
  store.close();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(lang: 'da' | 'en'): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: A4 });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setContent(html[lang], { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  return { page, requests, errors };
}

describe('the evaluation report in Chromium', () => {
  it.each(['da', 'en'] as const)('%s: every section is there with a heading, nothing is fetched, nothing fails', async (lang) => {
    const { page, requests, errors } = await open(lang);
    for (const id of REPORT_SECTIONS) {
      const heading = await page.locator(`section#${id} > h2`).textContent();
      expect(heading?.trim().length, id).toBeGreaterThan(0);
    }
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no broken element: every chart drawn, nothing wider than the page, no empty cell of a figure', async () => {
    const { page } = await open('da');
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      const width = document.body.clientWidth;
      for (const svg of Array.from(document.querySelectorAll('svg'))) {
        const box = svg.getBoundingClientRect();
        if (box.width < 50 || box.height < 20) out.push(`svg ${svg.getAttribute('aria-label')} is ${box.width}x${box.height}`);
        if (svg.querySelectorAll('rect, path, circle').length === 0) out.push(`svg ${svg.getAttribute('aria-label')} draws nothing`);
        for (const p of Array.from(svg.querySelectorAll('path')))
          if (/NaN|undefined/.test(p.getAttribute('d') ?? '')) out.push(`path with ${p.getAttribute('d')?.slice(0, 40)}`);
      }
      for (const el of Array.from(document.querySelectorAll('main *'))) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1) out.push(`${el.tagName}.${el.className} ends at ${Math.round(r.right)} > ${width}`);
      }
      if (/NaN|undefined|\[object/.test(document.body.innerText)) out.push('NaN/undefined in the text');
      return out;
    });
    expect(problems).toEqual([]);
    expect(await page.locator('#process-map svg .node').count()).toBeGreaterThan(5);
    expect(await page.locator('#bottlenecks .bar.hot').count()).toBeGreaterThan(0);
    expect(await page.locator('#automation .bar').count()).toBeGreaterThan(0);
    expect(await page.locator('#data-quality td').first().textContent()).toMatch(/\d/);
    await page.close();
  });

  it('prints to PDF in A4 pages, and writes two pages as PNG', async () => {
    const { page } = await open('da');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // A4 is 595.28 x 841.89 pt; Chromium rounds the page to 8.27 x 11.7 in (595.44 x 842.4 pt) or so.
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const [w, h] of boxes) {
      expect(Math.abs(w! - 595.28)).toBeLessThan(2);
      expect(Math.abs(h! - 841.89)).toBeLessThan(2);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'report-da.pdf'), pdf);
    const shots = [join(ARTIFACTS, 'report-page-1.png'), join(ARTIFACTS, 'report-page-2.png')];
    await page.screenshot({ path: shots[0]!, clip: { x: 0, y: 0, ...A4 } });
    const top = await page.locator('#bottlenecks').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await page.screenshot({ path: shots[1]!, fullPage: true, clip: { x: 0, y: Math.max(0, top - 20), ...A4 } });
    if (process.env['SAGSFLOW_UPDATE_DOCS'] === '1')
      shots.forEach((s, i) => copyFileSync(s, join(ROOT, 'docs', `report-page-${i + 1}.png`)));
    await page.close();
  });
});
