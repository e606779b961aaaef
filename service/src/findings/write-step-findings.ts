import type Database from 'better-sqlite3';
import { readActivityNames, readRuleNames } from '@sagsflow/shared';
import {
  findingsForSteps,
  setStepFindings,
  GROUP_SEPARATOR,
  stepPairs,
  type StepListedFinding,
  type StepTable,
} from '../db/findings-queries';
import { variantStepsOf, type StepVariants } from '../precompute/step-variants';
import { findingTitle } from './wording';

/** Findings listed beside a variant at most. */
export const FINDINGS_PER_VARIANT = 3;

type FindingRow = StepListedFinding;

/** What a variant's steps say, as the findings are matched on (see `VariantSteps`). */
export type VariantStepSets = { readonly [K in 'activities' | 'pairs' | 'rules']: ReadonlySet<string> };

/**
 * Writes the `findings` column of a log version's step rows (`steps` and `viewer_steps`): on
 * step 0 of each (process, jobcenter, period, variant) the findings of that jobcenter that
 * concern the variant, by kind (bottlenecks, rule violations, model deviations, best practice,
 * then automation candidates, which touch every variant through an activity) and within a kind
 * the most valuable first, at most
 * `FINDINGS_PER_VARIANT`, as a JSON array of `{id, kind, da, en}` (in `viewer_steps` the texts are
 * `findingTitle`: what and where, without the figures viewers do not get). A finding concerns a variant
 * when its edge is a step of the variant, its activity is one of the variant's activities or
 * of the model activities its cases skipped, or its rule was violated on one of its steps.
 * The jobcenter's findings are those computed on its cases alone (scope = the jobcenter), or
 * the process's (scope '') when the process has one jobcenter; rows of pooled jobcenters
 * ("andre jobcentre") and resolved findings get none. Returns the rows given findings.
 * What the variants' steps say is read from the tables, or given as `collected` while the rows
 * were written (a fresh version whose rows list no findings yet and carry no insight columns:
 * see `StepVariantsCollector`); both give the same rows. With `collected`, `written` names the
 * rows written with their `findings` value already (`createStepFindingsAhead`): only those whose
 * value differs from what is computed here are set again.
 *
 * @example writeStepFindings(sqlite, 'dagpenge', 3)
 */
export function writeStepFindings(
  sqlite: Database.Database,
  log: string,
  version: number,
  collected?: Readonly<Record<StepTable, StepVariants>>,
  written?: Readonly<Record<StepTable, ReadonlyMap<number, string | null>>>,
): number {
  const byScope = findingsByScope(findingsForSteps(sqlite, log, version));
  let jobcentersOf: Map<string, number> | undefined;
  let listedRows = 0;
  for (const table of ['steps', 'viewer_steps'] as const) {
    const { variants, listedIds } = collected
      ? { variants: collected[table], listedIds: [] }
      : readStepVariants(sqlite, table, log, version);
    const already = (collected && written?.[table]) || new Map<number, string | null>();
    // The processes' jobcenters are those of the exact step table (read first).
    jobcentersOf ??= jobcentersPerProcess(variants);
    const updates = new Map<number, string | null>();
    for (const id of listedIds) updates.set(id, null);
    for (const v of variants.values()) {
      const scope = jobcentersOf.get(v.process) === 1 ? '' : v.jobcenter;
      const text = stepFindingsText(table, byScope.get(`${v.process}\u0000${scope}`), v);
      if (text !== null) listedRows += v.ids.length;
      for (const id of v.ids) {
        const was = already.get(id);
        if (was === undefined ? text !== null : was !== text) updates.set(id, text);
      }
    }
    // In row order: each page of the (large, mostly uncached) table is read and rewritten once.
    setStepFindings(
      sqlite,
      table,
      [...updates].map(([id, text]) => [text, id] as const).sort((a, b) => a[1] - b[1]),
    );
  }
  return listedRows;
}

/**
 * The findings as `findingsForSteps` lists them (kind, then most valuable first), per scope:
 * keyed `process\u0000jobcenter` ('' = the whole process), in that order.
 */
export function findingsByScope(findings: readonly StepListedFinding[]): Map<string, StepListedFinding[]> {
  const byScope = new Map<string, StepListedFinding[]>();
  for (const f of findings) {
    const key = `${f.process}\u0000${f.jobcenter}`;
    const list = byScope.get(key);
    if (list) list.push(f);
    else byScope.set(key, [f]);
  }
  return byScope;
}

/**
 * The `findings` value of a variant's step 0 in a step table: the first `FINDINGS_PER_VARIANT` of
 * its scope's findings (`findingsByScope`) that concern the variant, as JSON; null when none does.
 */
export function stepFindingsText(
  table: StepTable,
  scopeFindings: readonly StepListedFinding[] | undefined,
  v: VariantStepSets,
): string | null {
  const listed = (scopeFindings ?? []).filter((f) => concerns(f, v)).slice(0, FINDINGS_PER_VARIANT);
  if (listed.length === 0) return null;
  return JSON.stringify(listed.map((f) => (table === 'steps' ? exactEntry(f) : viewerEntry(f))));
}

/** Per process: its number of jobcenters. */
function jobcentersPerProcess(variants: StepVariants): Map<string, number> {
  const jobcenters = new Map<string, Set<string>>();
  for (const r of variants.values()) {
    let set = jobcenters.get(r.process);
    if (!set) jobcenters.set(r.process, (set = new Set()));
    set.add(r.jobcenter);
  }
  return new Map([...jobcenters].map(([process, set]) => [process, set.size]));
}

function exactEntry(f: FindingRow) {
  return { id: f.findingId, kind: f.kind, da: f.summaryDa, en: f.summaryEn };
}

/** A finding as viewer rows list it: what and where, without the figures of its sentence (see `findingTitle`). */
function viewerEntry(f: FindingRow) {
  const what = { kind: f.kind, activity: f.activity, fromActivity: f.fromActivity, toActivity: f.toActivity, rule: f.rule };
  return { id: f.findingId, kind: f.kind, da: findingTitle(what, 'da'), en: findingTitle(what, 'en') };
}

function concerns(f: FindingRow, v: VariantStepSets): boolean {
  if (f.fromActivity !== null && f.toActivity !== null && v.pairs.has(`${f.fromActivity}\u0000${f.toActivity}`)) return true;
  if (f.activity !== null && v.activities.has(f.activity)) return true;
  return f.rule !== null && v.rules.has(f.rule);
}

/**
 * What the steps of a version's step table say per (process, jobcenter, variant), read from its
 * step pairs (`stepPairs`), and the ids of its rows that list findings now.
 */
function readStepVariants(sqlite: Database.Database, table: StepTable, log: string, version: number) {
  const variants: StepVariants = new Map();
  const listedIds: number[] = [];
  for (const r of stepPairs(sqlite, table, log, version)) {
    const v = variantStepsOf(variants, r.process, r.jobcenter, r.variantKey);
    if (r.listedIds !== null) for (const id of r.listedIds.split(',')) listedIds.push(Number(id));
    if (r.firstIds !== null) for (const id of r.firstIds.split(',')) v.ids.push(Number(id));
    v.activities.add(r.toActivity);
    v.pairs.add(`${r.fromActivity}\u0000${r.toActivity}`);
    for (const text of r.violatedRules?.split(GROUP_SEPARATOR) ?? []) for (const rule of readRuleNames(text)) v.rules.add(rule.rule);
    for (const text of r.skippedActivities?.split(GROUP_SEPARATOR) ?? [])
      for (const skipped of readActivityNames(text)) v.activities.add(skipped);
  }
  return { variants, listedIds };
}
