import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppContext, AppEnv } from '../app-env';
import { tableDenial } from '../auth/principal';
import type { TableInfo } from '../model/table-info';
import { fetchPage, type TableQuery } from '../../db/sql/table-query';
import { readScope, servedSqlName } from '../model/read-scope';
import { filterToSql } from '../odata/filter-sql';
import { parseFilter } from '../odata/filter-parser';
import { columnOf } from '../odata/filter-sql';
import { effectiveJobcenters, readAnalysisFilters } from '../rest/filters';
import { filterConditions } from '../../db/sql/filter-conditions';
import { csvRecord, csvRows, UTF8_BOM } from './csv-format';

const CHUNK_ROWS = 5000;

function findTable(ctx: AppContext, name: string): TableInfo | undefined {
  const lower = name.toLowerCase();
  return [...ctx.tables.values()].find((t) => t.sqlName === lower || t.entitySet.toLowerCase() === lower);
}

/**
 * CSV download of every served table: `GET /api/tables/NAME.csv` with the analysis filters
 * (`log`, `jobcenter`, `period`, `from`, `to`, `process`, `variant`, `activity`) and optionally
 * `$filter`/`$select` as in OData. Streamed page by page (UTF-8 with BOM, CRLF, RFC 4180 quoting).
 */
export function csvRoutes(ctx: AppContext): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:file', (c) => {
    const file = c.req.param('file');
    const m = /^(.+)\.csv$/i.exec(file);
    if (!m) throw new HTTPException(404, { message: `ask for a table as NAME.csv, got '${file}'` });
    const found = findTable(ctx, m[1]!);
    if (!found)
      throw new HTTPException(404, { message: `no table '${m[1]}'; tables: ${[...ctx.tables.values()].map((t) => t.sqlName).join(', ')}` });
    const principal = c.get('principal');
    const denial = tableDenial(found, principal);
    if (denial) throw new HTTPException(403, { message: denial });
    const { table, where: scope } = readScope(ctx, found, principal);
    const delimiter = c.req.query('delimiter') === 'semicolon' ? ';' : ',';
    const filters = readAnalysisFilters(c);
    const jobcenters = effectiveJobcenters(filters, principal);
    const names = new Set(table.columns.map((col) => col.name));
    const where = [
      ...scope,
      ...filterConditions(filters, jobcenters, names, c.req.query('log') ?? null, servedSqlName(ctx, 'steps', principal)),
    ];
    const filterText = c.req.query('$filter');
    if (filterText) where.push(filterToSql(table, parseFilter(filterText)));
    const selectText = c.req.query('$select');
    const select = selectText ? selectText.split(',').map((s) => columnOf(table, s.trim(), '$select').name) : null;
    const columns = select ? table.columns.filter((col) => select.includes(col.name)) : table.columns;
    const query: TableQuery = { table, where, orderBy: [], select };
    ctx.audit.record({
      tokenId: principal.tokenId,
      action: 'read',
      target: `csv/${table.sqlName}`,
      detail: new URL(c.req.url).search || null,
    });
    const first = fetchPage(ctx.sqlite, query, { limit: CHUNK_ROWS, offset: 0, after: null });
    let after = first.rows.length === CHUNK_ROWS ? first.lastKey : null;
    let pending: string | null =
      UTF8_BOM +
      csvRecord(
        columns.map((col) => col.name),
        delimiter,
      ) +
      csvRows(first.rows, first.columns, columns, delimiter);
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pending !== null) {
          controller.enqueue(encoder.encode(pending));
          pending = null;
          return;
        }
        if (after === null) {
          controller.close();
          return;
        }
        const page = fetchPage(ctx.sqlite, query, { limit: CHUNK_ROWS, offset: 0, after });
        after = page.rows.length === CHUNK_ROWS ? page.lastKey : null;
        if (page.rows.length > 0) controller.enqueue(encoder.encode(csvRows(page.rows, page.columns, columns, delimiter)));
        else controller.close();
      },
    });
    return c.body(stream, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${table.sqlName}.csv"`,
    });
  });
  return r;
}
