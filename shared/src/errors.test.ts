import { describe, expect, it } from 'vitest';
import { InvalidLogError, InvalidModelError, MisuseError, NotFoundError, SagsflowError } from './errors';

describe('errors', () => {
  it.each([
    [InvalidLogError, 'InvalidLogError'],
    [NotFoundError, 'NotFoundError'],
    [MisuseError, 'MisuseError'],
    [InvalidModelError, 'InvalidModelError'],
  ] as const)('%o sets name %s, extends SagsflowError and keeps cause', (Kind, name) => {
    const cause = new Error('root');
    const error = new Kind('op: bad, got 1, expected 2', { cause });
    expect(error).toBeInstanceOf(SagsflowError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('op: bad, got 1, expected 2');
  });
});
