/**
 * A bad OData request (query option, filter, key): answered with status 400 (or the
 * given status) in the OData JSON error format. The message names the bad token.
 */
export class ODataQueryError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 405 = 400,
  ) {
    super(message);
    this.name = 'ODataQueryError';
  }
}

/** The body of an OData v4 JSON error response. */
export function odataErrorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
