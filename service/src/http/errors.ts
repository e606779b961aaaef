import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ODataQueryError, odataErrorBody } from './odata/odata-error';
import { isDatabaseBusy } from '../db/connection';

/** A 4xx answer with a clear one-line message (`{ "error": message }`). */
export function httpError(status: 400 | 403 | 404 | 409 | 413 | 415, message: string): HTTPException {
  return new HTTPException(status, { message });
}

/**
 * The single error handler of the app: known errors keep their status and message
 * (JSON `{ error }`, or the OData error format under `/odata`); anything else is logged
 * and answered with a generic 500 that leaks nothing; a database busy with a load is a 503.
 */
export function errorHandler(log: (message: string) => void): ErrorHandler {
  return (err: Error, c: Context) => {
    if (err instanceof ODataQueryError) {
      const code =
        err.status === 400 ? 'BadRequest' : err.status === 403 ? 'Forbidden' : err.status === 405 ? 'MethodNotAllowed' : 'NotFound';
      const headers: Record<string, string> = { 'OData-Version': '4.0' };
      if (err.status === 405) headers['Allow'] = 'GET, HEAD';
      return c.json(odataErrorBody(code, err.message), err.status, headers);
    }
    if (err instanceof HTTPException) {
      if (err.res && c.req.path.startsWith('/odata')) {
        // A 401 from the token check: the OData error format, keeping its challenge header.
        const headers: Record<string, string> = { 'OData-Version': '4.0' };
        const challenge = err.res.headers.get('WWW-Authenticate');
        if (challenge) headers['WWW-Authenticate'] = challenge;
        return c.json(odataErrorBody(err.status === 401 ? 'Unauthorized' : String(err.status), err.message), err.status, headers);
      }
      if (err.res) return err.res;
      if (c.req.path.startsWith('/odata')) {
        return c.json(odataErrorBody(String(err.status), err.message), err.status, { 'OData-Version': '4.0' });
      }
      return c.json({ error: err.message }, err.status);
    }
    if (isDatabaseBusy(err)) {
      // The server's connection waits briefly for a lock: a write that meets a running load is a 503.
      return c.json({ error: 'the database is busy with a load: try again in a moment' }, 503, { 'Retry-After': '5' });
    }
    log(`${c.req.method} ${c.req.path}: ${err.stack ?? err.message}`);
    return c.json({ error: 'internal server error' }, 500);
  };
}
