import { describe, expect, it } from 'vitest';
import { clampSetting, resolveSettings, SagsflowSettings, SETTING_LIMITS } from '../src/settings';

describe('SagsflowSettings', () => {
  it('has the documented defaults', () => {
    const settings = resolveSettings(new SagsflowSettings());
    expect(settings).toMatchObject({
      mode: 'frequency',
      metric: 'mean',
      activitiesPercent: 100,
      pathsPercent: 100,
      bottleneckCount: 3,
      fontSize: 11,
      showVariants: true,
      maxRows: 50,
      minimumGroupSize: 5,
    });
  });

  it('declares min/max validators from SETTING_LIMITS on every number slice', () => {
    const model = new SagsflowSettings();
    const numbers = [
      model.view.activitiesPercent,
      model.view.pathsPercent,
      model.map.bottleneckCount,
      model.map.fontSize,
      model.variants.maxRows,
      model.privacy.minimumGroupSize,
    ];
    for (const slice of numbers) {
      const limit = SETTING_LIMITS[slice.name as keyof typeof SETTING_LIMITS];
      expect(slice.options?.minValue?.value).toBe(limit.min);
      expect(slice.options?.maxValue?.value).toBe(limit.max);
      expect(slice.value).toBe(limit.default);
    }
  });

  it('clamps and rounds out-of-range values and falls back to the default for non-numbers', () => {
    expect(clampSetting('minimumGroupSize', 0)).toBe(1);
    expect(clampSetting('minimumGroupSize', 7.6)).toBe(8);
    expect(clampSetting('activitiesPercent', 250)).toBe(100);
    expect(clampSetting('pathsPercent', Number.NaN)).toBe(100);
    expect(clampSetting('fontSize', '12')).toBe(11);
  });

  it('rejects unknown view modes and metrics', () => {
    const model = new SagsflowSettings();
    model.view.mode.value = { value: 'sideways', displayName: 'x' };
    model.view.metric.value = { value: 'p90', displayName: 'p90' };
    const settings = resolveSettings(model);
    expect(settings.mode).toBe('frequency');
    expect(settings.metric).toBe('p90');
  });
});
