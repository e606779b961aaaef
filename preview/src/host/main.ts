import { installBench } from './bench';
import { PREVIEW_TEXT, previewLanguage } from './preview-text';
import { DataFeed } from './feed';
import type { PreviewHandle } from './handle';
import { startServiceMode } from './service-mode';
import { SelectionState } from './selection';
import type { VisualInstance, VisualMeta } from './types';
import { createVisualHost } from './visual-host';

interface PageConfig {
  basePath: string;
  mode: 'service' | 'bench';
  windowSize: number;
}

interface Plugin {
  create(options: { element: HTMLElement; host: unknown }): VisualInstance;
}

const byId = (id: string) => document.getElementById(id)!;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function start(): Promise<void> {
  const config = JSON.parse(byId('preview-config').textContent ?? '{}') as PageConfig;
  const params = new URLSearchParams(location.search);
  const locale = params.get('locale') ?? 'en-US';
  document.documentElement.lang = locale;
  const text = PREVIEW_TEXT[previewLanguage(locale)];
  document.title = text.title;
  byId('page-title').textContent = text.title;
  byId('cases-title').textContent = text.cases;
  const meta = (await (await fetch(`${config.basePath}/visual.json`)).json()) as VisualMeta;
  const pbi = { visuals: { plugins: {} as Record<string, Plugin> } };
  (window as unknown as { powerbi: typeof pbi }).powerbi = pbi;
  await loadScript(`${config.basePath}/visual.js`);
  const plugin = pbi.visuals.plugins[meta.guid];
  if (!plugin) throw new Error(`the visual did not register powerbi.visuals.plugins["${meta.guid}"]`);

  const frame = byId('visual-frame');
  if (config.mode === 'bench') frame.classList.add('bench');
  const size = /^(\d{2,4})x(\d{2,4})$/.exec(params.get('size') ?? '');
  if (size) {
    // A report-sized visual: `?size=800x500` gives the visual exactly that viewport.
    frame.style.cssText = `width:${size[1]}px;height:${size[2]}px;justify-self:start`;
  }
  const element = document.createElement('div');
  element.style.cssText = 'width:100%;height:100%;position:relative';
  frame.append(element);
  const selection = new SelectionState();
  const events: PreviewHandle['events'] = [];
  const warnings: string[] = [];
  // eslint-disable-next-line prefer-const -- the host callbacks below are made before the feed they call
  let feed: DataFeed | undefined;
  const host = createVisualHost({
    locale,
    highContrast: params.get('highContrast') === '1',
    stringResources: meta.stringResources,
    selection,
    fetchMoreData: (aggregate) => feed?.fetchMore(aggregate) ?? false,
    persistProperties: (changes) => feed?.persist(changes),
    onRenderingEvent: (kind, reason) => events.push({ kind, at: performance.now(), ...(reason ? { reason } : {}) }),
    onWarning: (hover, detail) => {
      warnings.push(`${hover}: ${detail}`);
      byId('warning').textContent = `⚠ ${hover}`;
      byId('warning').title = detail;
    },
    tooltip: byId('tooltip'),
    frame,
  });
  const visual = plugin.create({ element, host });
  const viewport = () => ({ width: frame.clientWidth, height: frame.clientHeight });
  const windowSize = Number(params.get('window')) > 0 ? Number(params.get('window')) : config.windowSize;
  const maxRows = Number(params.get('maxRows')) > 0 ? Number(params.get('maxRows')) : undefined;
  feed = new DataFeed(visual, windowSize, viewport, maxRows);
  let current = `${frame.clientWidth}x${frame.clientHeight}`;
  new ResizeObserver(() => {
    const now = `${frame.clientWidth}x${frame.clientHeight}`;
    if (now !== current) feed?.resize();
    current = now;
  }).observe(frame);
  const handle: PreviewHandle = { meta, feed, selection, events, warnings, loads: 0 };
  window.sagsflowPreview = handle;

  if (config.mode === 'bench') {
    installBench(handle);
    byId('cases').textContent = 'The benchmark page draws synthetic rows; no service, no cases.';
    byId('status').textContent = 'bench ready';
    return;
  }
  await startServiceMode(handle, { locale, params, status: byId('status'), slicers: byId('slicers'), cases: byId('cases') });
}

start().catch((error: unknown) => {
  const status = byId('status');
  status.textContent = `preview failed: ${error instanceof Error ? error.message : String(error)}`;
  status.dataset['state'] = 'failed';
});
