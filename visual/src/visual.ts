import type powerbi from 'powerbi-visuals-api';
import { FormattingSettingsService } from 'powerbi-visuals-utils-formattingmodel';
import '../style/visual.less';
import { Behavior } from './behavior';
import { DataStage } from './data-stage';
import { legendContext, markRendered, toolbarState } from './controls-state';
import { createFormatter, type Formatter } from './format/formatter';
import { groupCountLabel } from './format/group-count';
import { createLocalizer, type Localizer, type UiStringKey } from './i18n';
import { MapStage, type MapDraw } from './map-stage';
import { choosePanes, mapAreaSize, type Panes } from './panes';
import type { ViewState } from './model/build-view-model';
import { jobcenterFigures, type JobcenterFigures } from './model/compare-jobcenters';
import { keyFigures, type KeyFigures } from './model/key-figures';
import type { PreparedSteps } from './model/prepare';
import type { Colors } from './render/colors';
import { renderCompareTable } from './render/compare-table';
import { createFrame, showMessage, type Frame } from './render/frame';
import { renderLandingPage, toggleLandingPage } from './render/landing-page';
import { renderLegend } from './render/legend';
import { renderSummary } from './render/summary';
import { applyTheme } from './render/theme';
import { Toolbar } from './render/toolbar';
import { renderVariantPane } from './render/variant-pane';
import { resolveSettings, SagsflowSettings, type ResolvedSettings } from './settings';
import { persistViewState, sameViewSettings, viewStateFrom } from './view-state';

type UpdateOptions = powerbi.extensibility.visual.VisualUpdateOptions;

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
      onInsight: (insight) => this.rerender({ ...this.state, insight }),
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
      this.state = { ...viewStateFrom(next, this.state.selected), comparing: this.state.comparing, insight: this.state.insight };
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

  private render(viewport?: powerbi.IViewport): void {
    if (this.renderLanding()) return;
    const { frame, localizer } = this;
    if (frame.root.dataset['state'] === 'loading' && !this.prepared) return;
    const colors = applyTheme(frame.root, this.host.colorPalette, this.settings);
    const formatter = createFormatter(this.host.locale);
    renderSummary(frame.summary, this.figures, formatter, localizer.t);
    const panes = this.renderPanes(viewport, formatter);
    showMessage(frame, this.messages.map((key) => localizer.t(key)).join(' ') || null);
    this.toolbar.update(toolbarState(this.state, this.lastDraw, this.centers.length), localizer.t);
    const draw = this.prepared ? this.drawMap(formatter, colors, panes.variants, viewport) : null;
    this.lastDraw = draw;
    this.toolbar.update(toolbarState(this.state, draw, this.centers.length), localizer.t);
    this.renderVariants(draw, colors, panes.variants);
    renderLegend(frame.legend, draw?.model ?? null, legendContext(this.state, draw), colors, localizer.t);
    markRendered(frame.root, draw, ++this.renderCount);
  }

  /** Shows the landing page when no field is bound (and nothing to say); true when it did. */
  private renderLanding(): boolean {
    const { frame } = this;
    const landing = this.data.isLanding && this.messages.length === 0;
    toggleLandingPage(frame.landing, frame.main, landing);
    if (!landing) return false;
    renderLandingPage(frame.landing, this.localizer.t);
    frame.root.dataset['state'] = 'landing';
    return true;
  }

  /** Decides the side pane and fills the comparison table when comparing. */
  private renderPanes(viewport: powerbi.IViewport | undefined, formatter: Formatter): Panes {
    const { frame } = this;
    const panes = choosePanes({
      width: viewport?.width ?? frame.root.clientWidth,
      comparing: this.state.comparing !== null,
      jobcenters: this.centers.length,
      showVariants: this.settings.showVariants,
      variantCount: this.prepared?.all.variants.length ?? 0,
    });
    frame.comparePane.hidden = !panes.comparing;
    if (panes.comparing)
      renderCompareTable(frame.comparePane, this.centers, this.state.comparing, formatter, this.localizer.t, (jobcenter) =>
        this.rerender({ ...this.state, comparing: jobcenter }),
      );
    frame.variantPane.hidden = !panes.variants;
    return panes;
  }

  /** Lists the drawn map's variants in the variant pane and binds their selection and tooltips. */
  private renderVariants(draw: MapDraw | null, colors: Colors, show: boolean): void {
    const rows = renderVariantPane(this.frame.variantPane, draw?.model.variants ?? [], colors, this.localizer.t, show);
    this.behavior.bindVariantRows(rows);
    this.behavior.bindTooltips(rows, (d) => d.tooltip);
  }

  /** Sizes the canvas to the map area, draws the map and opens it at a readable zoom when the view changed. */
  private drawMap(formatter: Formatter, colors: Colors, showPane: boolean, viewport: powerbi.IViewport | undefined): MapDraw {
    const { settings } = this;
    const groupCount = (count: number) => groupCountLabel(count, settings.minimumGroupSize, formatter);
    const size = mapAreaSize(this.frame, viewport, showPane);
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
}
