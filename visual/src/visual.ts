import type powerbi from 'powerbi-visuals-api';
import { FormattingSettingsService } from 'powerbi-visuals-utils-formattingmodel';
import '../style/visual.less';
import { Behavior } from './behavior';
import { DataStage } from './data-stage';
import { createFormatter, type Formatter } from './format/formatter';
import { groupCountLabel } from './format/group-count';
import { createLocalizer, type Localizer, type UiStringKey } from './i18n';
import { MapStage, type MapDraw } from './map-stage';
import type { ViewState } from './model/build-view-model';
import { jobcenterFigures, type JobcenterFigures } from './model/compare-jobcenters';
import { keyFigures, type KeyFigures } from './model/key-figures';
import type { PreparedSteps } from './model/prepare';
import { resolveColors, type Colors } from './render/colors';
import { renderCompareTable } from './render/compare-table';
import { createFrame, showMessage, type Frame } from './render/frame';
import { renderLandingPage, toggleLandingPage } from './render/landing-page';
import { renderLegend } from './render/legend';
import { renderSummary } from './render/summary';
import { Toolbar } from './render/toolbar';
import { renderVariantPane } from './render/variant-pane';
import { resolveSettings, SagsflowSettings, type ResolvedSettings } from './settings';
import { persistViewState, sameViewSettings, viewStateFrom } from './view-state';

type UpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;

/** Narrower visuals hide the variant pane and give the map the whole width. */
const MIN_WIDTH_WITH_PANE = 960;

/** The visual's font stack (see visual.less), used to measure labels. */
const FONT_FAMILY = '"Segoe UI", wf_segoe-ui_normal, helvetica, arial, sans-serif';

/**
 * Sagsflow's Power BI visual. `update()` only runs the pipeline: rendering started →
 * settings → convert (data stage) → key figures → view model → lay out and render →
 * rendering finished (or failed). It never throws. Sliders, view toggles, variant clicks
 * and the comparison re-run the view model and render steps without re-reading the data.
 */
export class Visual implements powerbi.extensibility.visual.IVisual {
  private readonly host: powerbi.extensibility.visual.IVisualHost;
  private readonly frame: Frame;
  private readonly formatting: FormattingSettingsService;
  private readonly localizer: Localizer;
  private readonly data: DataStage;
  private readonly behavior: Behavior;
  private readonly toolbar: Toolbar;
  private readonly map: MapStage;
  private model = new SagsflowSettings();
  private settings: ResolvedSettings = resolveSettings(this.model);
  private state: ViewState;
  private prepared: PreparedSteps | null = null;
  private figures: KeyFigures | null = null;
  private centers: JobcenterFigures[] = [];
  private messages: UiStringKey[] = [];
  private lastDataView: powerbi.DataView | undefined;
  private lastView = '';
  private lastDraw: MapDraw | null = null;
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
    const shown = () => this.lastDraw?.shown ?? this.state;
    this.toolbar = new Toolbar(this.frame.toolbar, {
      onMode: (mode) => this.rerender({ ...this.state, mode }, true),
      onMetric: (metric) => this.rerender({ ...this.state, metric, mode: 'performance' }, true),
      onActivities: (activitiesPercent) => this.rerender({ ...this.state, ...shown(), activitiesPercent, autoSimplify: false }),
      onPaths: (pathsPercent) => this.rerender({ ...this.state, ...shown(), pathsPercent, autoSimplify: false }),
      onSlidersCommitted: () => persistViewState(this.host, this.state),
      onFit: () => this.map.canvas.fit(),
      onZoom: (factor) => this.map.canvas.zoomBy(factor),
      onCompare: (on) => this.rerender({ ...this.state, comparing: on ? (this.centers[0]?.jobcenter ?? null) : null }),
    });
    this.map = new MapStage(this.frame.mapHost, FONT_FAMILY);
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
    if (!sameViewSettings(next, this.settings))
      this.state = { ...viewStateFrom(next, this.state.selected), comparing: this.state.comparing };
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
    this.figures = prepared ? keyFigures(prepared.rows, prepared.dimensions) : null;
    this.centers = prepared ? jobcenterFigures(prepared.rows, prepared.dimensions) : [];
    if (this.state.comparing !== null && !this.centers.some((c) => c.jobcenter === this.state.comparing)) {
      this.state = { ...this.state, comparing: this.centers.length > 1 ? this.centers[0]!.jobcenter : null };
    }
    const keys = new Set(prepared?.all.variants.map((v) => v.variantKey) ?? []);
    this.behavior.retain(keys);
    this.state = { ...this.state, selected: this.behavior.selectedVariants };
    this.lastView = '';
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
    const { mapHost, toolbar, message, summary, legend } = this.frame;
    if (mapHost.clientWidth > 0 && mapHost.clientHeight > 0) return { width: mapHost.clientWidth, height: mapHost.clientHeight };
    const width = (viewport?.width ?? 0) - (showPane ? PANE_WIDTH : 0);
    const height = (viewport?.height ?? 0) - toolbar.offsetHeight - message.offsetHeight - summary.offsetHeight - legend.offsetHeight;
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
    frame.root.style.fontSize = `${Math.max(11, settings.fontSize)}px`;
    const formatter = createFormatter(this.host.locale);
    renderSummary(frame.summary, this.figures, formatter, t);
    const comparing = this.state.comparing !== null && this.centers.length > 1;
    const roomy = (viewport?.width ?? frame.root.clientWidth) >= MIN_WIDTH_WITH_PANE;
    const showPane = !comparing && settings.showVariants && roomy && (this.prepared?.all.variants.length ?? 0) > 0;
    frame.comparePane.hidden = !comparing;
    if (comparing)
      renderCompareTable(frame.comparePane, this.centers, this.state.comparing, formatter, t, (jobcenter) =>
        this.rerender({ ...this.state, comparing: jobcenter }),
      );
    frame.variantPane.hidden = !showPane;
    showMessage(frame, this.messages.map((key) => t(key)).join(' ') || null);
    this.toolbar.update(this.toolbarState(this.lastDraw), t);
    const draw = this.prepared ? this.drawMap(formatter, colors, showPane, viewport) : null;
    this.lastDraw = draw;
    this.toolbar.update(this.toolbarState(draw), t);
    const rows = renderVariantPane(frame.variantPane, draw?.model.variants ?? [], colors, t, showPane);
    this.behavior.bindVariantRows(rows);
    this.behavior.bindTooltips(rows, (d) => d.tooltip);
    renderLegend(
      frame.legend,
      draw?.model ?? null,
      {
        hidden:
          draw && this.state.autoSimplify
            ? { shown: draw.model.nodes.filter((n) => n.kind === 'activity').length, total: draw.activityCount }
            : null,
      },
      colors,
      t,
    );
    frame.root.dataset['state'] = draw ? 'map' : 'empty';
    frame.root.dataset['direction'] = draw?.direction ?? '';
    frame.root.dataset['renderCount'] = String(++this.renderCount);
  }

  private drawMap(formatter: Formatter, colors: Colors, showPane: boolean, viewport: powerbi.IViewport | undefined): MapDraw {
    const { settings } = this;
    const groupCount = (count: number) => groupCountLabel(count, settings.minimumGroupSize, formatter);
    const size = this.mapSize(viewport, showPane);
    const canvas = this.map.canvas;
    canvas.resize(size.width, size.height, { edge: colors.edge, bottleneck: colors.bottleneck });
    canvas.svg.attr('aria-label', this.localizer.t('Map_Keys'));
    const context = { formatter, t: this.localizer.t, groupCount, ...settings };
    const draw = this.map.draw(this.prepared!, this.state, context, size, colors, settings.fontSize);
    this.behavior.bindTooltips(draw.drawn.nodes, (d) => d.view.tooltip);
    this.behavior.bindTooltips(draw.drawn.edges, (d) => d.view.tooltip);
    const view = [draw.model.nodes.map((n) => n.id).join('\u001f'), size.width, size.height, draw.direction].join('\u001e');
    if (view !== this.lastView || viewport) canvas.open(draw.minScale, draw.direction);
    this.lastView = view;
    return draw;
  }

  private toolbarState(draw: MapDraw | null) {
    const shown = draw?.shown ?? this.state;
    return {
      ...this.state,
      activitiesPercent: Math.round(shown.activitiesPercent),
      pathsPercent: Math.round(shown.pathsPercent),
      mode: draw?.model.mode ?? this.state.mode,
      hasDurations: draw?.model.hasDurations ?? false,
      comparing: this.state.comparing !== null,
      canCompare: this.centers.length > 1,
    };
  }
}

/** Width of the variant pane when the map area cannot be measured (see visual.less). */
const PANE_WIDTH = 240;
