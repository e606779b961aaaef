/**
 * Browser benchmark of the packaged visual in the stand-in Power BI host (`/preview/bench`),
 * in headless Debian chromium:
 *   - 50,000 step rows handed over in 30,000-row windows (fetchMoreData) -> drawn map;
 *   - an activities-slider change and a variant click -> redrawn map;
 *   - a plain event table of 200,000 events -> mined and drawn;
 *   - the size of the packaged `.pbiviz`.
 * Run: `node --import tsx bench/visual-bench.ts` (builds the visual first when stale).
 * Prints a table and writes `bench/out/visual-bench.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { previewRoutes } from '../service/src/preview/index';
import type { Load } from '../preview/src/host/bench';
import { findPbiviz } from '../service/src/preview/visual-package';
import { ensureVisualBuilt, launchChromium, ROOT } from '../tests/browser/harness';

const RUNS = 5;

interface Bench {
  steps(rows: number): Promise<Load>;
  events(events: number): Promise<Load>;
  interaction(act: () => void): Promise<number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (x: number) => Math.round(x * 10) / 10;
/** `median ms (best ms)` of a series. */
const spread = (xs: number[]) => ({ median: round(median(xs)), best: round(Math.min(...xs)) });

async function load(page: Page, kind: 'steps' | 'events', n: number): Promise<Load> {
  return page.evaluate(
    ([k, count]) => (window as unknown as { sagsflowBench: Bench }).sagsflowBench[k as 'steps' | 'events'](count as number),
    [kind, n] as const,
  );
}

async function slider(page: Page, value: number): Promise<number> {
  return page.evaluate((v) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=activities-slider]')!;
    return (window as unknown as { sagsflowBench: Bench }).sagsflowBench.interaction(() => {
      input.value = String(v);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }, value);
}

async function variantClick(page: Page, index: number): Promise<number> {
  return page.evaluate((i) => {
    const rows = document.querySelectorAll<HTMLElement>('[data-testid=variant-row]');
    const row = rows[i % rows.length]!;
    return (window as unknown as { sagsflowBench: Bench }).sagsflowBench.interaction(() => row.click());
  }, index);
}

async function main(): Promise<void> {
  ensureVisualBuilt();
  const pbiviz = findPbiviz(join(ROOT, 'dist'))!;
  const app = new Hono().route('/preview', previewRoutes({ distDir: join(ROOT, 'dist') }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  const { port } = server.address() as AddressInfo;
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${port}/preview/bench`);
    await page.waitForFunction(() => document.querySelector('[data-testid=host-status]')?.textContent === 'bench ready', null, {
      timeout: 60_000,
    });

    await load(page, 'steps', 50_000);
    const steps: Load[] = [];
    for (let i = 0; i < RUNS; i++) steps.push(await load(page, 'steps', 50_000));
    mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'bench/out/visual-bench-50k-steps.png') });
    const sliderMs: number[] = [];
    for (let i = 0; i < RUNS; i++) sliderMs.push(await slider(page, i % 2 ? 60 : 100));
    const clickMs: number[] = [];
    for (let i = 0; i < RUNS; i++) clickMs.push(await variantClick(page, i));
    await page.screenshot({ path: join(ROOT, 'bench/out/visual-bench-variant-click.png') });

    await load(page, 'events', 20_000);
    const events: Load[] = [];
    for (let i = 0; i < 3; i++) events.push(await load(page, 'events', 200_000));
    await page.screenshot({ path: join(ROOT, 'bench/out/visual-bench-200k-events.png') });

    const figures = {
      loadAverage: loadavg().map(round),
      stepRows: steps[0]!.rows,
      stepsToMapMs: spread(steps.map((s) => s.ms)),
      stepsVisualUpdateMs: spread(steps.map((s) => s.visualMs)),
      stepsUpdates: steps[0]!.updates,
      sliderRedrawMs: spread(sliderMs),
      variantClickRedrawMs: spread(clickMs),
      eventRows: events[0]!.rows,
      eventsMinedAndDrawnMs: spread(events.map((e) => e.ms)),
      eventsVisualUpdateMs: spread(events.map((e) => e.visualMs)),
      eventsUpdates: events[0]!.updates,
      pbivizBytes: pbiviz.bytes,
    };
    const ms = (x: { median: number; best: number }) => `${x.median} ms (best ${x.best})`;
    const lines = [
      [`50,000 step rows -> drawn map, ${figures.stepsUpdates} update() calls (fetchMoreData)`, ms(figures.stepsToMapMs), '<= 500 ms'],
      ["  of which inside the visual's update()", ms(figures.stepsVisualUpdateMs), ''],
      ['activities slider -> redrawn map', ms(figures.sliderRedrawMs), '<= 100 ms'],
      ['variant click -> redrawn map', ms(figures.variantClickRedrawMs), '<= 100 ms'],
      [`200,000-event table -> mined and drawn, ${figures.eventsUpdates} update() calls`, ms(figures.eventsMinedAndDrawnMs), '<= 1500 ms'],
      ["  of which inside the visual's update()", ms(figures.eventsVisualUpdateMs), ''],
      ['packaged .pbiviz', `${(figures.pbivizBytes / 1024).toFixed(1)} KiB`, '< 1 MB'],
    ];
    console.log(
      `visual benchmark, headless chromium, load average ${figures.loadAverage.join(' ')} (median of ${RUNS}; events median of 3)`,
    );
    for (const [what, value, target] of lines)
      console.log(`${what!.padEnd(70)} ${value!.padStart(24)}   ${target ? `target ${target}` : ''}`);
    writeFileSync(
      join(ROOT, 'bench/out/visual-bench.json'),
      `${JSON.stringify({ ...figures, runs: { steps, sliderMs, clickMs, events } }, null, 2)}\n`,
    );
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(`visual-bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
