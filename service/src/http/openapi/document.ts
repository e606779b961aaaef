import { z } from 'zod';
import { createTokenBodySchema } from '../rest/tokens';
import { eraseBodySchema } from '../rest/subjects';

type Param = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description: string; schema: Record<string, unknown> };
type Op = {
  summary: string;
  role: 'none' | 'viewer' | 'analyst' | 'admin';
  params?: Param[];
  body?: Record<string, unknown>;
  ok: string;
  okType?: string;
  okStatus?: string;
};

const str = { type: 'string' };
const int = { type: 'integer', minimum: 0 };
const strList = { type: 'array', items: str };
const path = (name: string, description: string): Param => ({ name, in: 'path', required: true, description, schema: str });
const query = (name: string, description: string, schema: Record<string, unknown> = str): Param => ({
  name,
  in: 'query',
  description,
  schema,
});

const FILTERS: Param[] = [
  {
    name: 'jobcenter',
    in: 'query',
    description: 'Jobcenters (repeat or comma-separate); limited tokens may only name their own',
    schema: strList,
  },
  { name: 'period', in: 'query', description: 'Months YYYY-MM (repeat or comma-separate)', schema: strList },
  query('from', 'First month YYYY-MM'),
  query('to', 'Last month YYYY-MM'),
  { name: 'process', in: 'query', description: 'Processes', schema: strList },
  { name: 'variant', in: 'query', description: 'Variant keys (16 hex)', schema: strList },
  { name: 'activity', in: 'query', description: 'Keep variants containing one of these activities', schema: strList },
];
const PAGING: Param[] = [query('limit', 'Rows (1..10000, default 100)', int), query('offset', 'Rows to skip', int)];
const ODATA: Param[] = [
  query('$select', 'Comma-separated properties'),
  query(
    '$filter',
    "eq ne gt ge lt le, and or not, parentheses, contains/startswith/endswith; literals: 'text' ('' for a quote), numbers, true/false, null, 2024-01-31T00:00:00Z",
  ),
  query('$orderby', 'property [asc|desc], ...'),
  query('$top', 'Rows in all', int),
  query('$skip', 'Rows to skip', int),
  query('$skiptoken', 'Continuation token from @odata.nextLink'),
  query('$count', 'true to include @odata.count', { type: 'boolean' }),
  { name: 'Prefer', in: 'header', description: 'odata.maxpagesize=N', schema: str },
];

const ROUTES: Record<string, Record<string, Op>> = {
  '/healthz': { get: { summary: 'Liveness check, no token needed', role: 'none', ok: 'ok' } },
  '/': {
    get: {
      summary:
        'First contact: a page that lists the preview, the feed, this document and how to get a token (Danish with ?lang=da), no token needed',
      role: 'none',
      ok: 'HTML page',
    },
  },
  '/api/openapi.json': { get: { summary: 'This document', role: 'viewer', ok: 'OpenAPI 3.1 document' } },
  '/api/logs': {
    get: {
      summary: 'Logs with current version and cases/events (scoped to the token\'s jobcenters, counts below k as "<k")',
      role: 'viewer',
      ok: 'logs',
    },
  },
  '/api/logs/{name}': {
    get: {
      summary:
        'A log: purpose, legal basis, data controller, retention, versions with their lineage (files masked, bytes, SHA-256, mapping, rules, model, loaded by) and the current load report (no load reports for limited tokens)',
      role: 'viewer',
      params: [path('name', 'Log name')],
      ok: 'log',
    },
    delete: { summary: 'Deletes a log with all its versions and rows', role: 'analyst', params: [path('name', 'Log name')], ok: 'deleted' },
  },
  '/api/logs/{name}/map': {
    get: {
      summary: 'Process map rebuilt from step rows (aggregateSteps); counts below k as "<k", durations hidden below k',
      role: 'viewer',
      params: [path('name', 'Log name'), ...FILTERS],
      ok: 'map',
    },
  },
  '/api/logs/{name}/variants': {
    get: {
      summary: 'Variants from step rows; variants under k cases merged into "other variants"',
      role: 'viewer',
      params: [path('name', 'Log name'), ...FILTERS],
      ok: 'variants',
    },
  },
  '/api/logs/{name}/activities': {
    get: { summary: 'Activity statistics', role: 'viewer', params: [path('name', 'Log name'), ...FILTERS], ok: 'activities' },
  },
  '/api/logs/{name}/compliance': {
    get: {
      summary:
        'Rule compliance per rule and jobcenter (counts per status, rate, mean days late, share target); counts below k as "<k"; viewer tokens get the viewer-grade rows (months of the viewer cells, statuses under k merged as `other`)',
      role: 'viewer',
      params: [
        path('name', 'Log name'),
        ...FILTERS,
        query('month', 'Month(s) of the anchor, YYYY-MM', strList),
        query('rule', 'Rule id(s)', strList),
      ],
      ok: 'compliance',
    },
  },
  '/api/logs/{name}/cases': {
    get: {
      summary: 'Cases (pseudonymised), paged',
      role: 'analyst',
      params: [path('name', 'Log name'), ...FILTERS, ...PAGING],
      ok: 'cases',
    },
  },
  '/api/logs/{name}/whatif': {
    get: {
      summary:
        "What a change to one activity would do, replayed on the log's own finished cases: throughput time before and after with 95% intervals, work hours a year saved (exactly one of processing, waiting, remove, cutRework)",
      role: 'analyst',
      params: [
        path('name', 'Log name'),
        query('activity', 'The activity (required)'),
        query('processing', 'Processing time × factor', { type: 'number', minimum: 0 }),
        query('waiting', 'Waiting time before the activity × factor', { type: 'number', minimum: 0 }),
        query('from', 'With waiting: only the wait after this activity'),
        query('remove', 'true: the activity is no longer done', { type: 'boolean' }),
        query('cutRework', 'true: repeats of the activity no longer happen', { type: 'boolean' }),
      ],
      ok: 'prediction',
    },
  },
  '/api/logs/{name}/effect': {
    get: {
      summary:
        'Key figures before and after a change on a date, with 95% intervals; difference in differences against the other jobcenters when jobcenters are named (limited tokens: their own cases only)',
      role: 'analyst',
      params: [
        path('name', 'Log name'),
        query('date', 'Local date YYYY-MM-DD the change took effect (required)'),
        { name: 'jobcenter', in: 'query', description: 'The jobcenters that changed (repeat)', schema: strList },
      ],
      ok: 'effect',
    },
  },
  '/api/logs/{name}/conformance': {
    get: {
      summary:
        'Conformance to the attached BPMN model: fitness overall and per jobcenter, log and model moves per activity (counts below k as "<k"); viewer tokens get the viewer-grade rows (the variants they see as themselves)',
      role: 'viewer',
      params: [path('name', 'Log name'), ...FILTERS],
      ok: 'conformance',
    },
  },
  '/api/logs/{name}/conformance/cases': {
    get: {
      summary: 'Per case: alignment fitness, cost and deviations (pseudonymised), worst first, paged',
      role: 'analyst',
      params: [path('name', 'Log name'), ...FILTERS, ...PAGING],
      ok: 'conformance cases',
    },
  },
  '/api/logs/{name}/findings': {
    get: {
      summary:
        "Findings (bottlenecks, rule violations, deviations, automation candidates, best practice) in the token's scope; viewer tokens get them without figures (no cases, value or evidence; the summary names the kind and where)",
      role: 'viewer',
      params: [
        path('name', 'Log name'),
        query('jobcenter', "Findings computed on one jobcenter (default: all, or the token's only jobcenter)"),
        query('lang', 'da or en'),
      ],
      ok: 'findings',
    },
  },
  '/api/logs/{name}/findings/{id}/cases': {
    get: {
      summary: 'Pseudonymised cases behind a finding',
      role: 'analyst',
      params: [path('name', 'Log name'), path('id', 'Finding id'), query('jobcenter', 'Scope')],
      ok: 'case ids',
    },
  },
  '/api/logs/{name}/report.html': {
    get: {
      summary:
        "The evaluation report (one self-contained HTML file) for the token's scope (built on the exact tables: analyst and admin tokens)",
      role: 'analyst',
      params: [
        path('name', 'Log name'),
        query('jobcenter', "Report on one jobcenter (default: all, or the token's only jobcenter)"),
        query('lang', 'da or en'),
      ],
      ok: 'HTML',
      okType: 'text/html',
    },
  },
  '/api/logs/{name}/uploads': {
    post: {
      summary:
        "Uploads an extract (multipart/form-data file part, optional process field and rules field with a YAML rule catalogue, else the process's catalogue; or a raw body with ?filename=) and ingests it as a background job",
      role: 'analyst',
      params: [
        path('name', 'Log name'),
        query('process', 'Process of every case'),
        query('filename', 'File name of a raw body (its extension picks the reader)'),
        query('maxQuarantineShare', 'Load policy: refuse above this share of quarantined rows (0..1, default 0.05)'),
        query('maxCaseDrop', 'Load policy: refuse a drop in cases above this share (0..1, default 0.1)'),
        query(
          'purpose',
          'Why the log is processed (also a form field); required once per log with pseudonymised columns besides the case id',
        ),
        query('legalBasis', 'Legal basis of the processing (also a form field); required like purpose'),
        query('controller', 'Data controller (also a form field); required like purpose'),
        query('retentionYears', 'Years a case is kept after its last event; applied by this and every later load'),
        query('append', "true: add the files to the current version (as ingest --append; also a multipart field 'append')"),
      ],
      body: {
        'multipart/form-data': {
          schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, process: str, rules: str, append: str } },
        },
        'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
      },
      ok: 'the queued job',
      okStatus: '202',
    },
  },
  // versions (issue 13)
  '/api/logs/{name}/versions': {
    get: {
      summary:
        'The versions of a log, newest first: loaded when and by whom, files (masked), rows read/accepted/duplicates/quarantined, cases, events, current, kept (not for tokens limited to jobcenters)',
      role: 'analyst',
      params: [path('name', 'Log name')],
      ok: 'versions',
    },
  },
  '/api/logs/{name}/versions/{n}/current': {
    post: {
      summary:
        'Makes an earlier kept version current again: its events and model tables are served from then on (audited); 404 for an unknown version, 409 for the current one or one whose events were pruned',
      role: 'analyst',
      params: [path('name', 'Log name'), { ...path('n', 'Version number'), schema: int }],
      ok: 'from, to, cases and events of the version made current',
    },
  },
  '/api/jobs/{id}': {
    get: {
      summary: 'Job state (queued/running/done/failed/cancelled), progress 0..1, load report or error',
      role: 'analyst',
      params: [path('id', 'Job id')],
      ok: 'job',
    },
    delete: {
      summary: 'Cancels a queued or running job (its load rolls back, its upload is removed); 409 once it has ended',
      role: 'analyst',
      params: [path('id', 'Job id')],
      ok: 'the cancelled job',
    },
  },
  '/api/loads': {
    get: {
      summary: 'Load history (not for tokens limited to jobcenters)',
      role: 'viewer',
      params: [query('log', 'Only this log')],
      ok: 'loads',
    },
  },
  '/api/loads/{id}': {
    get: { summary: 'One load report', role: 'viewer', params: [{ ...path('id', 'Load id'), schema: int }], ok: 'load' },
  },
  '/api/quarantine': {
    get: {
      summary: 'Quarantined rows with file, line, reason (pseudonymised raw)',
      role: 'analyst',
      params: [query('log', 'Only this log'), ...PAGING],
      ok: 'rows',
    },
  },
  '/api/tokens': {
    get: { summary: 'Tokens (without secrets)', role: 'admin', ok: 'tokens' },
    post: {
      summary: 'Creates a token; the secret is in the answer only',
      role: 'admin',
      body: { 'application/json': { schema: z.toJSONSchema(createTokenBodySchema) } },
      ok: 'the new token',
      okStatus: '201',
    },
  },
  '/api/tokens/{id}': { delete: { summary: 'Revokes a token', role: 'admin', params: [path('id', 'Token id')], ok: 'revoked' } },
  '/api/subjects': {
    delete: {
      summary:
        "Erases a citizen's or a case's data (one of cpr, case, value in the body), rebuilds the model and vacuums; answers counts only",
      role: 'admin',
      body: { 'application/json': { schema: z.toJSONSchema(eraseBodySchema, { unrepresentable: 'any' }) } },
      ok: 'what was erased (counts)',
    },
  },
  '/api/tables/{name}.csv': {
    get: {
      summary: 'CSV of a table (UTF-8 with BOM, RFC 4180), streamed; same filters as the analysis routes plus log, $filter and $select',
      role: 'viewer',
      params: [
        path('name', 'Table (steps, variants, ...)'),
        query('log', 'Only this log'),
        ...FILTERS,
        query('$filter', 'OData filter'),
        query('$select', 'Columns'),
        query('delimiter', 'comma (default) or semicolon'),
      ],
      ok: 'CSV',
      okType: 'text/csv',
    },
  },
  '/api/powerbi.zip': {
    get: {
      summary: "Power BI project (PBIP: semantic model, report, visual) over this service's feed, as a zip",
      role: 'analyst',
      params: [
        query('lang', 'da (default) or en'),
        query('process', 'Load only this process'),
        query('caseTables', 'false leaves out case-level tables (Cases)'),
      ],
      ok: 'zip',
      okType: 'application/zip',
    },
  },
  '/odata': { get: { summary: 'OData v4 service document', role: 'viewer', ok: 'service document' } },
  '/odata/$metadata': { get: { summary: 'OData CSDL', role: 'viewer', ok: 'CSDL XML', okType: 'application/xml' } },
  '/odata/{entitySet}': {
    get: {
      summary:
        'Entity set page (Steps, Variants, Activities, Edges, Jobcenters, Periods, Logs, Loads; Cases, Events, Quarantine for analysts)',
      role: 'viewer',
      params: [path('entitySet', 'Entity set'), ...ODATA],
      ok: 'page with @odata.context, value, @odata.nextLink',
    },
  },
  '/odata/{entitySet}/$count': {
    get: {
      summary: 'Count of rows (with $filter)',
      role: 'viewer',
      params: [path('entitySet', 'Entity set'), query('$filter', 'OData filter')],
      ok: 'count as text',
      okType: 'text/plain',
    },
  },
};

const ERROR = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

/** The OpenAPI 3.1 document of every route (`GET /api/openapi.json`). */
export function openapiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const [p, ops] of Object.entries(ROUTES)) {
    const item: Record<string, unknown> = {};
    for (const [method, op] of Object.entries(ops)) {
      const responses: Record<string, unknown> = {
        [op.okStatus ?? '200']: {
          description: op.ok,
          content: { [op.okType ?? 'application/json']: { schema: op.okType ? str : { type: 'object' } } },
        },
        400: ERROR,
      };
      if (op.role !== 'none') Object.assign(responses, { 401: ERROR, 403: ERROR, 404: ERROR });
      if (op.okStatus === '202') Object.assign(responses, { 413: ERROR });
      item[method] = {
        summary: op.summary,
        description: op.role === 'none' ? 'No token needed.' : `Needs a ${op.role} token or better.`,
        ...(op.role === 'none' ? { security: [] } : {}),
        parameters: op.params ?? [],
        ...(op.body ? { requestBody: { required: true, content: op.body } } : {}),
        responses,
      };
    }
    paths[p] = item;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Sagsflow', version: '0.1.0', description: 'Process mining service: REST, CSV and an OData v4 feed for Power BI.' },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { basic: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        basic: { type: 'http', scheme: 'basic', description: "Any user name; the token as the password (Power BI's dialog)" },
      },
      schemas: { Error: { type: 'object', properties: { error: { oneOf: [str, { type: 'object' }] } }, required: ['error'] } },
    },
    paths,
  };
}

/** Every (method, path) the document describes, for tests that compare it with the app's routes. */
export function documentedRoutes(): { method: string; path: string }[] {
  return Object.entries(ROUTES).flatMap(([p, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path: p })));
}
