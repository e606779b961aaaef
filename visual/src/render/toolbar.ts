import type { Localizer } from '../i18n';
import { INSIGHT_OVERLAYS, type InsightOverlay } from '../model/insight-views';
import { PERFORMANCE_METRICS, type PerformanceMetric, type ViewMode } from '../settings';

/** What the toolbar reports back. */
export interface ToolbarHandlers {
  onMode(mode: ViewMode): void;
  onMetric(metric: PerformanceMetric): void;
  onActivities(percent: number): void;
  onPaths(percent: number): void;
  /** Fired on `change` (slider released): a good moment to persist the slider values. */
  onSlidersCommitted(): void;
  onFit(): void;
  onZoom(factor: number): void;
  onCompare(on: boolean): void;
  onInsight(overlay: InsightOverlay): void;
}

/** The state the toolbar shows. */
export interface ToolbarState {
  mode: ViewMode;
  metric: PerformanceMetric;
  activitiesPercent: number;
  pathsPercent: number;
  hasDurations: boolean;
  /** Comparison mode is on. */
  comparing: boolean;
  /** Comparison is possible: the jobcenter field is bound with two jobcenters or more. */
  canCompare: boolean;
  /** The insight overlay shown, and which ones the rows can show. */
  insight: InsightOverlay;
  insightAvailable: { rules: boolean; deviations: boolean };
}

const OVERLAY_TEXT = { none: 'Insight_None', rules: 'Insight_Rules', deviations: 'Insight_Deviations' } as const;
const OVERLAY_TITLE = { none: 'Insight_None', rules: 'Insight_RulesTitle', deviations: 'Insight_DeviationsTitle' } as const;

/** The toolbar: view toggle, metric, the activities/paths sliders, fit-to-view, comparison and the insight overlay. */
export class Toolbar {
  private readonly frequency: HTMLButtonElement;
  private readonly performance: HTMLButtonElement;
  private readonly metric: HTMLSelectElement;
  private readonly activities: HTMLInputElement;
  private readonly paths: HTMLInputElement;
  private readonly fit: HTMLButtonElement;
  private readonly zoomIn: HTMLButtonElement;
  private readonly zoomOut: HTMLButtonElement;
  private readonly compare: HTMLButtonElement;
  private readonly insight: HTMLSelectElement;

  constructor(container: HTMLDivElement, handlers: ToolbarHandlers) {
    const doc = container.ownerDocument;
    const button = (testid: string, onClick: () => void) => {
      const node = doc.createElement('button');
      node.type = 'button';
      node.dataset['testid'] = testid;
      node.addEventListener('click', onClick);
      container.appendChild(node);
      return node;
    };
    this.frequency = button('view-frequency', () => handlers.onMode('frequency'));
    this.performance = button('view-performance', () => handlers.onMode('performance'));
    this.metric = doc.createElement('select');
    this.metric.dataset['testid'] = 'metric';
    for (const value of PERFORMANCE_METRICS) {
      const option = doc.createElement('option');
      option.value = value;
      this.metric.appendChild(option);
    }
    this.metric.addEventListener('change', () => handlers.onMetric(this.metric.value as PerformanceMetric));
    container.appendChild(this.metric);
    const slider = (testid: string, onInput: (value: number) => void) => {
      const label = doc.createElement('label');
      label.className = 'sagsflow-slider';
      const caption = doc.createElement('span');
      const input = doc.createElement('input');
      input.type = 'range';
      input.min = '0';
      input.max = '100';
      input.step = '1';
      input.dataset['testid'] = testid;
      input.addEventListener('input', () => onInput(Number(input.value)));
      input.addEventListener('change', () => handlers.onSlidersCommitted());
      label.append(caption, input);
      container.appendChild(label);
      return input;
    };
    this.activities = slider('activities-slider', handlers.onActivities);
    this.paths = slider('paths-slider', handlers.onPaths);
    this.zoomOut = button('zoom-out', () => handlers.onZoom(0.8));
    this.zoomIn = button('zoom-in', () => handlers.onZoom(1.25));
    this.fit = button('fit', handlers.onFit);
    this.compare = button('compare', () => handlers.onCompare(this.compare.getAttribute('aria-pressed') !== 'true'));
    this.insight = doc.createElement('select');
    this.insight.dataset['testid'] = 'insight-overlay';
    for (const value of INSIGHT_OVERLAYS) {
      const option = doc.createElement('option');
      option.value = value;
      this.insight.appendChild(option);
    }
    this.insight.addEventListener('change', () => handlers.onInsight(this.insight.value as InsightOverlay));
    container.appendChild(this.insight);
  }

  /** Sets texts (localized) and the current state. */
  update(state: ToolbarState, t: Localizer['t']): void {
    this.frequency.textContent = t('View_Frequency');
    this.performance.textContent = t('View_Performance');
    this.frequency.setAttribute('aria-pressed', String(state.mode === 'frequency'));
    this.performance.setAttribute('aria-pressed', String(state.mode === 'performance'));
    this.performance.disabled = !state.hasDurations;
    this.metric.setAttribute('aria-label', t('View_Metric'));
    Array.from(this.metric.options).forEach((option) => {
      option.textContent = t(`Metric_${option.value as PerformanceMetric}`);
    });
    this.metric.value = state.metric;
    this.metric.disabled = !state.hasDurations;
    this.metric.hidden = state.mode !== 'performance';
    this.setSlider(this.activities, state.activitiesPercent, t('Toolbar_Activities'));
    this.setSlider(this.paths, state.pathsPercent, t('Toolbar_Paths'));
    this.fit.textContent = '⤢';
    this.fit.title = t('Toolbar_Fit');
    this.fit.setAttribute('aria-label', t('Toolbar_Fit'));
    this.zoomIn.textContent = '+';
    this.zoomIn.title = t('Toolbar_ZoomIn');
    this.zoomIn.setAttribute('aria-label', t('Toolbar_ZoomIn'));
    this.zoomOut.textContent = '−';
    this.zoomOut.title = t('Toolbar_ZoomOut');
    this.zoomOut.setAttribute('aria-label', t('Toolbar_ZoomOut'));
    this.compare.textContent = t('Compare_Short');
    this.compare.title = t('Compare_Button');
    this.compare.setAttribute('aria-pressed', String(state.comparing));
    this.compare.hidden = !state.canCompare;
    const available = state.insightAvailable;
    this.insight.hidden = !available.rules && !available.deviations;
    this.insight.setAttribute('aria-label', t('Insight_RulesTitle'));
    Array.from(this.insight.options).forEach((option) => {
      const value = option.value as InsightOverlay;
      option.textContent = t(OVERLAY_TEXT[value]);
      option.title = t(OVERLAY_TITLE[value]);
      option.disabled = value !== 'none' && !available[value];
    });
    this.insight.value = state.insight;
    this.insight.disabled = state.comparing;
  }

  private setSlider(input: HTMLInputElement, value: number, caption: string): void {
    if (input.value !== String(value)) input.value = String(value);
    input.setAttribute('aria-label', caption);
    const text = input.previousElementSibling;
    if (text) text.textContent = `${caption} ${value}%`;
  }
}
