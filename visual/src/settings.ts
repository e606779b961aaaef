import type powerbi from 'powerbi-visuals-api';
import { formattingSettings } from 'powerbi-visuals-utils-formattingmodel';

/** Which numbers the map shows: case/transition counts or durations. */
export type ViewMode = 'frequency' | 'performance';
/** The duration statistic of the performance view. */
export type PerformanceMetric = 'mean' | 'median' | 'p90' | 'total';

/** The view modes, in toolbar order. */
export const VIEW_MODES: readonly ViewMode[] = ['frequency', 'performance'];
/** The performance metrics, in dropdown order. */
export const PERFORMANCE_METRICS: readonly PerformanceMetric[] = ['mean', 'median', 'p90', 'total'];

// ValidatorType is an ambient const enum (0 = Min, 1 = Max), unusable as a value under isolatedModules.
const MIN = 0 as powerbi.visuals.ValidatorType.Min;
const MAX = 1 as powerbi.visuals.ValidatorType.Max;

/** Every setting's default and range, in one place. */
export const SETTING_LIMITS = {
  activitiesPercent: { default: 100, min: 0, max: 100 },
  pathsPercent: { default: 100, min: 0, max: 100 },
  bottleneckCount: { default: 3, min: 0, max: 20 },
  fontSize: { default: 11, min: 8, max: 24 },
  maxRows: { default: 50, min: 5, max: 500 },
  minimumGroupSize: { default: 5, min: 1, max: 100 },
} as const;

type LimitName = keyof typeof SETTING_LIMITS;

function numUpDown(name: LimitName, displayNameKey: string): formattingSettings.NumUpDown {
  const limit = SETTING_LIMITS[name];
  return new formattingSettings.NumUpDown({
    name,
    displayNameKey,
    value: limit.default,
    options: {
      minValue: { type: MIN, value: limit.min },
      maxValue: { type: MAX, value: limit.max },
    },
  });
}

function enumItems(values: readonly string[], keyPrefix: string): { value: string; displayNameKey: string }[] {
  return values.map((value) => ({ value, displayNameKey: `${keyPrefix}_${value}` }));
}

/** "View" card: frequency/performance, the metric, and the two simplification knobs. */
export class ViewCard extends formattingSettings.SimpleCard {
  mode = new formattingSettings.ItemDropdown({
    name: 'mode',
    displayNameKey: 'Setting_Mode',
    items: enumItems(VIEW_MODES, 'Mode'),
    value: { value: 'frequency', displayNameKey: 'Mode_frequency' },
  });
  metric = new formattingSettings.ItemDropdown({
    name: 'metric',
    displayNameKey: 'Setting_Metric',
    items: enumItems(PERFORMANCE_METRICS, 'Metric'),
    value: { value: 'mean', displayNameKey: 'Metric_mean' },
  });
  autoSimplify = new formattingSettings.ToggleSwitch({ name: 'autoSimplify', displayNameKey: 'Setting_AutoSimplify', value: true });
  activitiesPercent = numUpDown('activitiesPercent', 'Setting_ActivitiesPercent');
  pathsPercent = numUpDown('pathsPercent', 'Setting_PathsPercent');
  override name = 'view';
  override displayNameKey = 'Card_View';
  override slices = [this.mode, this.metric, this.autoSimplify, this.activitiesPercent, this.pathsPercent];
}

/** "Map" card: colours, bottlenecks and label size. Empty colours mean "use the report palette". */
export class MapCard extends formattingSettings.SimpleCard {
  nodeColor = new formattingSettings.ColorPicker({ name: 'nodeColor', displayNameKey: 'Setting_NodeColor', value: { value: '' } });
  edgeColor = new formattingSettings.ColorPicker({ name: 'edgeColor', displayNameKey: 'Setting_EdgeColor', value: { value: '' } });
  bottleneckColor = new formattingSettings.ColorPicker({
    name: 'bottleneckColor',
    displayNameKey: 'Setting_BottleneckColor',
    value: { value: '' },
  });
  bottleneckCount = numUpDown('bottleneckCount', 'Setting_BottleneckCount');
  fontSize = numUpDown('fontSize', 'Setting_FontSize');
  override name = 'map';
  override displayNameKey = 'Card_Map';
  override slices = [this.nodeColor, this.edgeColor, this.bottleneckColor, this.bottleneckCount, this.fontSize];
}

/** "Variants" card: the variant pane. */
export class VariantsCard extends formattingSettings.SimpleCard {
  show = new formattingSettings.ToggleSwitch({ name: 'show', displayNameKey: 'Setting_ShowVariants', value: true });
  maxRows = numUpDown('maxRows', 'Setting_MaxRows');
  override name = 'variants';
  override displayNameKey = 'Card_Variants';
  override slices = [this.show, this.maxRows];
}

/** "Privacy" card: the minimum group size k (counts under k read "<k"). */
export class PrivacyCard extends formattingSettings.SimpleCard {
  minimumGroupSize = numUpDown('minimumGroupSize', 'Setting_MinimumGroupSize');
  override name = 'privacy';
  override displayNameKey = 'Card_Privacy';
  override slices = [this.minimumGroupSize];
}

/** The visual's formatting model: four cards mirroring `objects` in capabilities.json. */
export class SagsflowSettings extends formattingSettings.Model {
  view = new ViewCard();
  map = new MapCard();
  variants = new VariantsCard();
  privacy = new PrivacyCard();
  override cards = [this.view, this.map, this.variants, this.privacy];
}

/** The settings the pipeline uses, validated and clamped: plain values, no formatting-model classes. */
export interface ResolvedSettings {
  mode: ViewMode;
  metric: PerformanceMetric;
  /** Open simplified to what is readable at the visual's size (until a slider is moved). */
  autoSimplify: boolean;
  activitiesPercent: number;
  pathsPercent: number;
  nodeColor: string;
  edgeColor: string;
  bottleneckColor: string;
  bottleneckCount: number;
  fontSize: number;
  showVariants: boolean;
  maxRows: number;
  minimumGroupSize: number;
}

/** Clamps `value` into the setting's range and rounds it; NaN or non-numbers give the default. */
export function clampSetting(name: LimitName, value: unknown): number {
  const limit = SETTING_LIMITS[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) return limit.default;
  return Math.min(limit.max, Math.max(limit.min, Math.round(value)));
}

function enumValue<T extends string>(allowed: readonly T[], raw: unknown, fallback: T): T {
  const value = typeof raw === 'object' && raw !== null && 'value' in raw ? (raw as { value: unknown }).value : raw;
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;
}

/** Reads the formatting model into plain values, validating every one. */
export function resolveSettings(model: SagsflowSettings): ResolvedSettings {
  return {
    mode: enumValue(VIEW_MODES, model.view.mode.value, 'frequency'),
    metric: enumValue(PERFORMANCE_METRICS, model.view.metric.value, 'mean'),
    autoSimplify: model.view.autoSimplify.value !== false,
    activitiesPercent: clampSetting('activitiesPercent', model.view.activitiesPercent.value),
    pathsPercent: clampSetting('pathsPercent', model.view.pathsPercent.value),
    nodeColor: model.map.nodeColor.value?.value ?? '',
    edgeColor: model.map.edgeColor.value?.value ?? '',
    bottleneckColor: model.map.bottleneckColor.value?.value ?? '',
    bottleneckCount: clampSetting('bottleneckCount', model.map.bottleneckCount.value),
    fontSize: clampSetting('fontSize', model.map.fontSize.value),
    showVariants: model.variants.show.value !== false,
    maxRows: clampSetting('maxRows', model.variants.maxRows.value),
    minimumGroupSize: clampSetting('minimumGroupSize', model.privacy.minimumGroupSize.value),
  };
}
