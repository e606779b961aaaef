/**
 * The typed error hierarchy of the mining core. Every error sets `name` and keeps
 * `cause`; messages follow `operation: what is wrong, the value you got, what was expected`.
 *
 * @example
 * throw new MisuseError('simplifyMap: activityPercent is out of range, got 140, expected 0..100');
 */
export class SagsflowError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SagsflowError';
  }
}

/** The event log (or a step table) is malformed, e.g. a timestamp that is not a number. */
export class InvalidLogError extends SagsflowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidLogError';
  }
}

/** A named thing (activity, attribute, variant) does not exist in the log. */
export class NotFoundError extends SagsflowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NotFoundError';
  }
}

/** A function was called wrongly, e.g. an option out of range or a builder used twice. */
export class MisuseError extends SagsflowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MisuseError';
  }
}

/** Quotes a value for an error message, shortening long strings. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A process model (workflow net or BPMN graph) cannot be used, e.g. a net with two source places. */
export class InvalidModelError extends SagsflowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InvalidModelError';
  }
}
