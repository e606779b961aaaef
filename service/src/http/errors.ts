import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ODataQueryError, odataErrorBody } from './odata/odata-error';

/** A 4xx answer with a clear one-line message (`{ "error": message }`). */
export function httpError(status: 400 | 403 | 404 | 409 | 413 | 415, message: string): HTTPException {
  return new HTTPException(status, { message });
}

/**
 * The single error handler of the app: known errors keep their status and message
 * (JSON `{ error }`, or the OData error format under `/odata`); anything else is logged
 * and answered with a generic 500 that leaks nothing.
 */
export function errorHandler(log: (message: string) => void): ErrorHandler {
  return (err: Error, c: Context) => {
    if (err instanceof ODataQueryError) {
      const code = err.status === 400 ? 'BadRequest' : err.status === 403 ? 'Forbidden' : 'NotFound';
      return c.json(odataErrorBody(code, err.message), err.status, { 'OData-Version': '4.0' });
    }
    if (err instanceof HTTPException) {
      if (err.res) return err.res;
      if (c.req.path.startsWith('/odata')) {
        return c.json(odataErrorBody(String(err.status), err.message), err.status, { 'OData-Version': '4.0' });
      }
      return c.json({ error: err.message }, err.status);
    }
    log(`${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json({ error: 'internal server error' }, 500);
  };
}
