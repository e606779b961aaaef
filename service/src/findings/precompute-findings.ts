import type Database from 'better-sqlite3';
import type { EventLog } from '@sagsflow/shared';
import { createFindingWriter, deleteFindingsOfOtherVersions, unresolvedFindingsBefore } from '../db/findings-queries';
import { computeFindings, type FindingsSpec, type ScopeFindings } from './compute-findings';
import { readFindingSources } from './read-finding-sources';
import { describeFinding } from './wording';
import type { StepVariantsCollector } from '../precompute/step-variants';
import { writeStepFindings } from './write-step-findings';

/** Where findings are written and what they are computed with. */
export interface FindingsContext extends Omit<FindingsSpec, 'log'> {
  sqlite: Database.Database;
  log: string;
  version: number;
}

/**
 * Computes the findings of one (log, version) for every scope (per process: all jobcenters,
 * and each jobcenter with at least k cases) and writes them in the caller's transaction
 * (`writeFindings`). The compliance and conformance rows of the version must be written.
 * Returns the number of findings written.
 *
 * @example precomputeFindings(eventLog, { sqlite, log: 'dagpenge', version: 3, process: null, minGroupSize: 5 })
 */
export function precomputeFindings(log: EventLog, ctx: FindingsContext): number {
  const { sqlite, version, ...spec } = ctx;
  return writeFindings(ctx, computeFindings(log, spec, readFindingSources(sqlite, ctx.log, version)));
}

/**
 * Writes computed findings of one (log, version) in the caller's transaction with their status
 * against the previous version (new, open, resolved); then deletes the previous version's
 * findings, and lists them beside the variants in the step tables (`writeStepFindings`, from
 * `stepVariants` when the load collected them while writing the step rows).
 * Returns the number of findings written.
 */
export function writeFindings(
  ctx: { sqlite: Database.Database; log: string; version: number },
  scopes: readonly ScopeFindings[],
  stepVariants?: StepVariantsCollector,
): number {
  const previous = unresolvedFindingsBefore(ctx.sqlite, ctx.log, ctx.version);
  const before = new Map(previous.map((r) => [`${r.jobcenter}\u0000${r.findingId}`, r]));
  const out = createFindingWriter(ctx.sqlite);
  const seen = new Set<string>();
  let written = 0;
  for (const scope of scopes) {
    for (const { finding: f, id } of scope.findings) {
      const key = `${scope.jobcenter}\u0000${id}`;
      seen.add(key);
      const prior = before.get(key);
      const row = { ...f, id, jobcenter: scope.jobcenter };
      out.finding({
        log: ctx.log,
        version: ctx.version,
        process: scope.process,
        jobcenter: scope.jobcenter,
        findingId: id,
        kind: f.kind,
        rank: f.rank,
        status: prior ? 'open' : 'new',
        firstVersion: prior ? prior.firstVersion : ctx.version,
        activity: f.activity,
        fromActivity: f.fromActivity,
        toActivity: f.toActivity,
        rule: f.rule,
        cases: f.cases,
        valueDkk: f.valueDkk,
        evidence: JSON.stringify(f.evidence),
        summaryEn: describeFinding(row, 'en'),
        summaryDa: describeFinding(row, 'da'),
      });
      for (const caseId of f.caseIds) {
        out.findingCase({ log: ctx.log, version: ctx.version, process: scope.process, jobcenter: scope.jobcenter, findingId: id, caseId });
      }
      written++;
    }
  }
  for (const [key, r] of before) {
    if (seen.has(key)) continue;
    out.finding({ ...r, log: ctx.log, version: ctx.version, status: 'resolved' });
    written++;
  }
  deleteFindingsOfOtherVersions(ctx.sqlite, ctx.log, ctx.version);
  writeStepFindings(ctx.sqlite, ctx.log, ctx.version, stepVariants?.tables, stepVariants?.listed);
  return written;
}
