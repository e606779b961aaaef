import { describe, expect, it } from 'vitest';
import { variantKey } from './variant-key';

function fnv1a64Reference(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) {
    h ^= BigInt(b);
    h = BigInt.asUintN(64, h * 0x100000001b3n);
  }
  return h.toString(16).padStart(16, '0');
}

describe('variantKey', () => {
  it('variantKey([]) is the FNV-1a 64 offset basis', () => {
    expect(variantKey([])).toBe('cbf29ce484222325');
  });

  it('variantKey(["a"]) is the published FNV-1a 64 of "a"', () => {
    expect(variantKey(['a'])).toBe('af63dc4c8601ec8c');
  });

  it('matches a BigInt FNV-1a 64 over UTF-8 with U+001F separators, Danish letters and emoji included', () => {
    const names = ['Første jobsamtale', 'Fællessamtale med a-kasse', 'Afmeldt ✓', '🦀 x'];
    expect(variantKey(names)).toBe(fnv1a64Reference(names.join('\u001f')));
    expect(variantKey(names)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('distinguishes ["ab"] from ["a", "b"]', () => {
    expect(variantKey(['ab'])).not.toBe(variantKey(['a', 'b']));
  });
});
