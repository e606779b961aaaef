import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UI_STRINGS_EN } from '../src/i18n';
import { SagsflowSettings } from '../src/settings';

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8')) as Record<string, unknown>;
const capabilities = read('../capabilities.json');
const en = read('../stringResources/en-US/resources.resjson') as Record<string, string>;
const da = read('../stringResources/da-DK/resources.resjson') as Record<string, string>;

/** Every object in `value` (recursively) that has a `displayName`. */
function named(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((v) => named(v, out));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('displayName' in record) out.push(record);
    Object.values(record).forEach((v) => named(v, out));
  }
  return out;
}

describe('capabilities.json localization', () => {
  it('has a displayNameKey for every displayName, present in both en-US and da-DK', () => {
    const entries = named(capabilities);
    expect(entries.length).toBeGreaterThanOrEqual(11);
    for (const entry of entries) {
      const key = entry['displayNameKey'];
      expect(typeof key, `displayNameKey of ${String(entry['displayName'])}`).toBe('string');
      expect(en[key as string], `en-US ${String(key)}`).toBe(entry['displayName']);
      expect(da[key as string], `da-DK ${String(key)}`).toBeTruthy();
      if ('description' in entry) {
        expect(en[entry['descriptionKey'] as string]).toBe(entry['description']);
        expect(da[entry['descriptionKey'] as string]).toBeTruthy();
      }
    }
  });

  it('translates every en-US key into Danish', () => {
    const missing = Object.keys(en).filter((key) => !da[key]);
    expect(missing).toEqual([]);
  });

  it('keeps the code fallback strings equal to en-US', () => {
    for (const [key, text] of Object.entries(UI_STRINGS_EN)) expect(en[key], key).toBe(text);
  });

  it('has resjson entries for every formatting-model key (cards, slices, dropdown items)', () => {
    const keys: string[] = [];
    for (const card of new SagsflowSettings().cards) {
      keys.push(card.displayNameKey!);
      for (const slice of card.slices ?? []) {
        keys.push(slice.displayNameKey!);
        const items = (slice as { items?: { displayNameKey: string }[] }).items ?? [];
        keys.push(...items.map((item) => item.displayNameKey));
      }
    }
    expect(keys.filter((key) => !en[key] || !da[key])).toEqual([]);
  });

  it('declares every formatting-model card and slice as an object property', () => {
    const objects = capabilities['objects'] as Record<string, { properties: Record<string, unknown> }>;
    for (const card of new SagsflowSettings().cards) {
      for (const slice of card.slices ?? [])
        expect(
          objects[card.name]?.properties[(slice as { name: string }).name],
          `${card.name}.${(slice as { name: string }).name}`,
        ).toBeDefined();
    }
  });
});
