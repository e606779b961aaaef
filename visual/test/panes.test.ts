import { describe, expect, test } from 'vitest';
import { choosePanes, MIN_WIDTH_WITH_PANE } from '../src/panes';

const inputs = { width: MIN_WIDTH_WITH_PANE, comparing: false, jobcenters: 2, showVariants: true, variantCount: 3 };

describe('choosePanes', () => {
  test('choosePanes of a wide visual with variants shows the variant pane', () => {
    expect(choosePanes(inputs)).toEqual({ comparing: false, variants: true });
  });

  test('choosePanes one pixel under MIN_WIDTH_WITH_PANE hides the variant pane', () => {
    expect(choosePanes({ ...inputs, width: MIN_WIDTH_WITH_PANE - 1 })).toEqual({ comparing: false, variants: false });
  });

  test('choosePanes while comparing two jobcenters shows the comparison instead of the variants', () => {
    expect(choosePanes({ ...inputs, comparing: true })).toEqual({ comparing: true, variants: false });
  });

  test('choosePanes while comparing with one jobcenter falls back to the variant pane', () => {
    expect(choosePanes({ ...inputs, comparing: true, jobcenters: 1 })).toEqual({ comparing: false, variants: true });
  });

  test('choosePanes without variants, or with the pane switched off, shows no pane', () => {
    expect(choosePanes({ ...inputs, variantCount: 0 })).toEqual({ comparing: false, variants: false });
    expect(choosePanes({ ...inputs, showVariants: false })).toEqual({ comparing: false, variants: false });
  });
});
