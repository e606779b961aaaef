import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../app-env';
import { requireRole } from '../auth/middleware';
import { zodMessage } from '../rest/filters';
import type { JobRunner } from './job-runner';
import type { Job } from './job-types';
import { receiveUpload } from './receive-upload';
import { parseCatalogue } from '../../rules/parse-catalogue';
import { uploadGovernance } from './upload-governance';
import { LOG_NAME } from '../../ingest/log-name';

const share = z.coerce.number().min(0).max(1).optional();
const uploadParamsSchema = z.object({
  process: z.string().min(1).max(100).optional(),
  filename: z.string().min(1).max(255).optional(),
  /** Load policy overrides, as `ingest --max-quarantine-share` / `--max-case-drop`. */
  maxQuarantineShare: share,
  maxCaseDrop: share,
  /** `true` adds the files to the current version (`ingest --append`). */
  append: z.enum(['true', 'false']).optional(),
});

/** A job as `/api/jobs/:id` shows it. */
export function jobJson(job: Job): Record<string, unknown> {
  return {
    id: job.id,
    log: job.log,
    files: job.files,
    state: job.state,
    progress: job.progress,
    phase: job.phase,
    createdAt: new Date(job.createdAt).toISOString(),
    finishedAt: job.finishedAt === null ? null : new Date(job.finishedAt).toISOString(),
    report: job.report,
    error: job.error,
  };
}

/**
 * Uploads (`POST /api/logs/:name/uploads`, analyst): the body — multipart/form-data with a
 * file part (and an optional `process` field; a `.bpmn` part is the model to check the cases
 * against, else the process's model), or a raw file with `?filename=` — is streamed
 * to a private folder under `uploadDir`, then ingested by a background job; answers 202 with
 * the job and a `Location` of `/api/jobs/:id`. The uploaded files are deleted when the job ends.
 * `?maxQuarantineShare=` and `?maxCaseDrop=` (0..1) override the load policy. The fields (or
 * query parameters) `purpose`, `legalBasis`, `controller` and `retentionYears` set the log's
 * governance (see `uploadGovernance`).
 */
export function uploadRoutes(ctx: AppContext, runner: JobRunner): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.post('/:name/uploads', requireRole('analyst'), async (c) => {
    const log = c.req.param('name');
    const principal = c.get('principal');
    if (principal.jobcenters !== null) {
      throw new HTTPException(403, { message: 'a load replaces the log for every jobcenter; a token limited to jobcenters cannot load' });
    }
    if (ctx.dbPath === ':memory:')
      throw new HTTPException(409, { message: 'uploads need a database file; this server runs on an in-memory database' });
    if (!LOG_NAME.test(log))
      throw new HTTPException(400, { message: `log name '${log}' is invalid: use 1-100 letters, digits, '_', '-' or '.'` });
    const params = uploadParamsSchema.safeParse({
      process: c.req.query('process'),
      filename: c.req.query('filename'),
      maxQuarantineShare: c.req.query('maxQuarantineShare'),
      maxCaseDrop: c.req.query('maxCaseDrop'),
      append: c.req.query('append'),
    });
    if (!params.success) throw new HTTPException(400, { message: zodMessage(params.error, 'query') });
    const dir = join(ctx.uploadDir, `up_${randomBytes(8).toString('hex')}`);
    const upload = await receiveUpload(c.req.raw, dir, { maxBytes: ctx.maxUploadBytes, rawName: params.data.filename ?? 'upload.csv' });
    const models = upload.files.filter((f) => f.bytes > 0 && /\.bpmn$/i.test(f.name));
    const files = upload.files.filter((f) => f.bytes > 0 && !/\.bpmn$/i.test(f.name));
    if (models.length > 1)
      throw new HTTPException(400, { message: `upload: at most one .bpmn model per load, got ${models.map((m) => m.name).join(', ')}` });
    if (files.length === 0)
      throw new HTTPException(400, { message: 'upload: no file in the request (send a multipart file part or a raw body)' });
    const appendField = upload.fields['append'];
    if (appendField !== undefined && appendField !== 'true' && appendField !== 'false')
      throw new HTTPException(400, { message: `upload: field 'append' must be true or false, got '${appendField.slice(0, 20)}'` });
    const rulesText = upload.fields['rules'];
    if (rulesText !== undefined) {
      try {
        parseCatalogue(rulesText, 'rules');
      } catch (error) {
        throw new HTTPException(400, { message: `upload: ${(error as Error).message}` });
      }
    }
    const governance = uploadGovernance(ctx.sqlite, principal.tokenId, (name) => c.req.query(name) ?? upload.fields[name]);
    const job = runner.submit(
      {
        dbPath: ctx.dbPath,
        files: files.map((f) => f.path),
        log,
        process: params.data.process ?? upload.fields['process'] ?? undefined,
        ...(rulesText !== undefined ? { rulesText } : {}),
        ...(models[0] ? { model: models[0].path } : {}),
        minGroupSize: ctx.minGroupSize,
        governance,
        loadedBy: principal.tokenId,
        ...((params.data.append ?? appendField) === 'true' ? { append: true } : {}),
        policy: {
          ...(params.data.maxQuarantineShare !== undefined ? { maxQuarantineShare: params.data.maxQuarantineShare } : {}),
          ...(params.data.maxCaseDrop !== undefined ? { maxCaseDrop: params.data.maxCaseDrop } : {}),
        },
      },
      { tokenId: principal.tokenId, cleanupDir: dir },
    );
    ctx.audit.record({
      tokenId: principal.tokenId,
      action: 'upload',
      target: log,
      detail: JSON.stringify({ job: job.id, files: job.files }),
    });
    return c.json(jobJson(job), 202, { Location: `/api/jobs/${job.id}` });
  });
  return r;
}

/**
 * Job progress (`GET /api/jobs/:id`, analyst): state, progress 0..1, the load report or a
 * one-line error; `DELETE /api/jobs/:id` cancels a queued or running job (409 once it has ended).
 */
export function jobRoutes(ctx: AppContext, runner: JobRunner): Hono<AppEnv> {
  const r = new Hono<AppEnv>({ strict: false });
  r.get('/:id', requireRole('analyst'), (c) => {
    const job = runner.get(c.req.param('id'));
    if (!job) throw new HTTPException(404, { message: `no job with id '${c.req.param('id')}'` });
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'read', target: `api/jobs/${job.id}`, detail: null });
    return c.json(jobJson(job));
  });
  r.delete('/:id', requireRole('analyst'), async (c) => {
    const job = runner.get(c.req.param('id'));
    if (!job) throw new HTTPException(404, { message: `no job with id '${c.req.param('id')}'` });
    if (!(await runner.cancel(job.id))) throw new HTTPException(409, { message: `job ${job.id} has already ended (${job.state})` });
    ctx.audit.record({ tokenId: c.get('principal').tokenId, action: 'cancel-job', target: job.id, detail: job.log });
    return c.json(jobJson(job));
  });
  return r;
}
