import { Lifecycle, type LifecycleCode } from './types';

const CODES = new Map<string, LifecycleCode>([
  ['start', Lifecycle.start],
  ['complete', Lifecycle.complete],
]);

/**
 * Maps raw lifecycle text to a `Lifecycle` code, case-insensitively:
 * `start` -> start, `complete` -> complete, any other text -> other,
 * null/undefined/empty -> none.
 */
export function lifecycleCode(text: string | null | undefined): LifecycleCode {
  if (text == null) return Lifecycle.none;
  const trimmed = text.trim();
  if (trimmed === '') return Lifecycle.none;
  return CODES.get(trimmed.toLowerCase()) ?? Lifecycle.other;
}
