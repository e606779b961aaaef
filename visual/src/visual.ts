import type powerbi from 'powerbi-visuals-api';
import { FormattingSettingsService } from 'powerbi-visuals-utils-formattingmodel';
import '../style/visual.less';
import { Behavior } from './behavior';
import { DataStage } from './data-stage';
import { createFormatter } from './format/formatter';
import { groupCountLabel } from './format/group-count';
import { createLocalizer, type Localizer, type UiStringKey } from './i18n';
import { LayoutCache } from './layout/layout-cache';
import { buildViewModel, type ViewState } from './model/build-view-model';
import type { PreparedSteps } from './model/prepare';
import { resolveColors } from './render/colors';
import { drawMap } from './render/draw-map';
import { createFrame, showMessage, type Frame } from './render/frame';
import { renderLandingPage, toggleLandingPage } from './render/landing-page';
import { MapCanvas } from './render/map-canvas';
import { Toolbar } from './render/toolbar';
import { renderVariantPane } from './render/variant-pane';
import { resolveSettings, SagsflowSettings, type ResolvedSettings } from './settings';
import { persistViewState, sameViewSettings, viewStateFrom } from './view-state';

type UpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;

/** Narrower visuals hide the variant pane and give the map the whole width. */
const MIN_WIDTH_WITH_PANE = 480;

/**
 * Sagsflow's Power BI visual. `update()` only runs the pipeline: rendering started →
 * settings → convert (data stage) → view model → lay out and render → rendering finished
 * (or failed). It never throws. Sliders, view toggles and variant clicks re-run the view
 * model and render steps without re-reading the data.
 */
export class Visual implements powerbi.extensibility.visual.IVisual {
  private readonly host: powerbi.extensibility.visual.IVisualHost;
  private readonly frame: Frame;
  private readonly formatting: FormattingSettingsService;
  private readonly localizer: Localizer;
  private readonly data: DataStage;
  private readonly behavior: Behavior;
  private readonly toolbar: Toolbar;
  private readonly canvas: MapCanvas;
  private readonly layouts = new LayoutCache();
  private model = new SagsflowSettings();
  private settings: ResolvedSettings = resolveSettings(this.model);
  private state: ViewState;
  private prepared: PreparedSteps | null = null;
  private messages: UiStringKey[] = [];
  private lastDataView: powerbi.DataView | undefined;
  private lastNodeSet = '';
  private renderCount = 0;

  constructor(options?: powerbi.extensibility.visual.VisualConstructorOptions) {
    if (!options) throw new Error('Visual: constructor options are missing; the host must pass { element, host }');
    this.host = options.host;
    this.localizer = createLocalizer(this.host.createLocalizationManager?.());
    this.formatting = new FormattingSettingsService(this.host.createLocalizationManager?.());
    this.frame = createFrame(options.element);
    this.data = new DataStage(this.host);
    this.state = viewStateFrom(this.settings, new Set());
    this.behavior = new Behavior({
      host: this.host,
      idsForVariant: (key) => this.data.idsForVariant(key),
      onSelectionChanged: (selected) => this.rerender({ ...this.state, selected }),
    });
    this.toolbar = new Toolbar(this.frame.toolbar, {
      onMode: (mode) => this.rerender({ ...this.state, mode }, true),
      onMetric: (metric) => this.rerender({ ...this.state, metric, mode: 'performance' }, true),
      onActivities: (activitiesPercent) => this.rerender({ ...this.state, activitiesPercent }),
      onPaths: (pathsPercent) => this.rerender({ ...this.state, pathsPercent }),
      onSlidersCommitted: () => persistViewState(this.host, this.state),
      onFit: () => this.canvas.fit(),
    });
    this.canvas = new MapCanvas(this.frame.mapHost);
    this.behavior.bindBackground(this.frame.mapHost);
  }

  update(options: UpdateOptions): void {
    const started = performance.now();
    const events = this.host.eventService;
    events?.renderingStarted(options);
    try {
      this.readSettings(options.dataViews?.[0]);
      const dataView = options.dataViews?.[0];
      if (dataView !== this.lastDataView) this.loadData(dataView, options.operationKind);
      this.render(options.viewport);
      this.frame.root.dataset['renderMs'] = (performance.now() - started).toFixed(1);
      events?.renderingFinished(options);
    } catch (error) {
      showMessage(this.frame, this.localizer.t('Message_Failed'));
      events?.renderingFailed(options, error instanceof Error ? error.message : String(error));
    }
  }

  getFormattingModel(): powerbi.visuals.FormattingModel {
    return this.formatting.buildFormattingModel(this.model);
  }

  private readSettings(dataView: powerbi.DataView | undefined): void {
    this.model = this.formatting.populateFormattingSettingsModel(SagsflowSettings, dataView as powerbi.DataView);
    const next = resolveSettings(this.model);
    if (!sameViewSettings(next, this.settings)) this.state = { ...viewStateFrom(next, this.state.selected) };
    this.settings = next;
  }

  private loadData(dataView: powerbi.DataView | undefined, operationKind: number | undefined): void {
    this.lastDataView = dataView;
    const result = this.data.load(dataView, operationKind);
    this.messages = [...result.messages];
    if (result.moreData && this.host.fetchMoreData?.(true)) {
      this.frame.root.dataset['state'] = 'loading';
      return;
    }
    if (result.moreData) {
      this.messages.push('Message_RowLimit');
      this.host.displayWarningIcon?.(this.localizer.t('Message_RowLimitTitle'), this.localizer.t('Message_RowLimit'));
    }
    const { prepared, message } = this.data.prepare();
    this.prepared = prepared;
    if (message) this.messages.push(message);
    const keys = new Set(prepared?.all.variants.map((v) => v.variantKey) ?? []);
    this.behavior.retain(keys);
    this.state = { ...this.state, selected: this.behavior.selectedVariants };
    this.lastNodeSet = '';
  }

  private rerender(state: ViewState, persist = false): void {
    const started = performance.now();
    this.state = state;
    this.render();
    this.frame.root.dataset['renderMs'] = (performance.now() - started).toFixed(1);
    if (persist) persistViewState(this.host, state);
  }

  /** The map area's size: measured from the laid-out DOM, else derived from the viewport. */
  private mapSize(viewport: powerbi.IViewport | undefined, showPane: boolean): { width: number; height: number } {
    const { mapHost, toolbar, message } = this.frame;
    if (mapHost.clientWidth > 0 && mapHost.clientHeight > 0) return { width: mapHost.clientWidth, height: mapHost.clientHeight };
    const width = (viewport?.width ?? 0) - (showPane ? PANE_WIDTH : 0);
    const height = (viewport?.height ?? 0) - toolbar.offsetHeight - message.offsetHeight;
    return { width: Math.max(0, width), height: Math.max(0, height) };
  }

  private render(viewport?: powerbi.IViewport): void {
    const t = this.localizer.t;
    const { frame, settings } = this;
    const landing = this.data.isLanding && this.messages.length === 0;
    toggleLandingPage(frame.landing, frame.main, landing);
    if (landing) {
      renderLandingPage(frame.landing, t);
      frame.root.dataset['state'] = 'landing';
      return;
    }
    if (frame.root.dataset['state'] === 'loading' && !this.prepared) return;
    const colors = resolveColors(this.host.colorPalette, settings);
    frame.root.style.background = colors.highContrast ? colors.background : '';
    frame.root.style.color = colors.foreground;
    frame.root.style.fontSize = `${settings.fontSize}px`;
    const formatter = createFormatter(this.host.locale);
    const groupCount = (count: number) => groupCountLabel(count, settings.minimumGroupSize, formatter);
    const model = this.prepared
      ? buildViewModel(this.prepared, this.state, { formatter, t, groupCount, ...settings })
      : null;
    this.toolbar.update({ ...this.state, mode: model?.mode ?? this.state.mode, hasDurations: model?.hasDurations ?? false }, t);
    const roomy = (viewport?.width ?? frame.root.clientWidth) >= MIN_WIDTH_WITH_PANE;
    const showPane = settings.showVariants && roomy && model !== null && model.variants.length > 0;
    const rows = renderVariantPane(frame.variantPane, model?.variants ?? [], colors, t, showPane);
    this.behavior.bindVariantRows(rows);
    this.behavior.bindTooltips(rows, (d) => d.tooltip);
    showMessage(frame, this.messages.map((key) => t(key)).join(' ') || null);
    const size = this.mapSize(viewport, showPane);
    this.canvas.resize(size.width, size.height, { edge: colors.edge, bottleneck: colors.bottleneck });
    this.canvas.svg.attr('aria-label', t('Map_Label'));
    const drawn = drawMap(this.canvas, this.layouts, model ?? emptyModel(this.state), colors, settings.fontSize);
    this.behavior.bindTooltips(drawn.nodes, (d) => d.view.tooltip);
    this.behavior.bindTooltips(drawn.edges, (d) => d.view.tooltip);
    const nodeSet = (model?.nodes ?? []).map((n) => n.id).join('\u001f');
    if (nodeSet !== this.lastNodeSet || viewport) this.canvas.fit();
    this.lastNodeSet = nodeSet;
    frame.root.dataset['state'] = model ? 'map' : 'empty';
    frame.root.dataset['renderCount'] = String(++this.renderCount);
  }
}

/** Width of the variant pane when the map area cannot be measured (see visual.less). */
const PANE_WIDTH = 240;

function emptyModel(state: ViewState) {
  return { mode: state.mode, metric: state.metric, nodes: [], edges: [], variants: [], totalCases: 0, highlighting: false, hasDurations: false };
}
