import type Database from 'better-sqlite3';
import { readActivityNames, readRuleNames } from '@sagsflow/shared';
import { findingTitle } from './wording';

/** Findings listed beside a variant at most. */
export const FINDINGS_PER_VARIANT = 3;

interface FindingRow {
  process: string;
  jobcenter: string;
  finding_id: string;
  kind: string;
  rank: number;
  activity: string | null;
  from_activity: string | null;
  to_activity: string | null;
  rule: string | null;
  value_dkk: number;
  summary_da: string;
  summary_en: string;
}

interface VariantSteps {
  ids: number[];
  activities: Set<string>;
  pairs: Set<string>;
  rules: Set<string>;
}

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
 *
 * @example writeStepFindings(sqlite, 'dagpenge', 3)
 */
export function writeStepFindings(sqlite: Database.Database, log: string, version: number): number {
  const findings = sqlite
    .prepare(
      `SELECT process, jobcenter, finding_id, kind, rank, activity, from_activity, to_activity, rule, value_dkk, summary_da, summary_en
       FROM findings WHERE log = ? AND version = ? AND status <> 'resolved'
       ORDER BY CASE kind WHEN 'bottleneck' THEN 0 WHEN 'rule-violation' THEN 1 WHEN 'model-deviation' THEN 2 WHEN 'best-practice' THEN 3 ELSE 4 END,
                value_dkk DESC, rank, finding_id`,
    )
    .all(log, version) as FindingRow[];
  const byScope = new Map<string, FindingRow[]>();
  for (const f of findings) {
    const key = `${f.process}\u0000${f.jobcenter}`;
    byScope.set(key, [...(byScope.get(key) ?? []), f]);
  }
  const jobcentersOf = new Map<string, number>();
  for (const r of sqlite
    .prepare('SELECT process, count(DISTINCT jobcenter) AS n FROM steps WHERE log = ? AND version = ? GROUP BY process')
    .all(log, version) as { process: string; n: number }[])
    jobcentersOf.set(r.process, r.n);
  let written = 0;
  for (const table of ['steps', 'viewer_steps'] as const) {
    sqlite.prepare(`UPDATE ${table} SET findings = NULL WHERE log = ? AND version = ? AND findings IS NOT NULL`).run(log, version);
    const variants = variantSteps(sqlite, table, log, version);
    const update = sqlite.prepare(`UPDATE ${table} SET findings = ? WHERE id = ?`);
    const updates: [string, number][] = [];
    for (const [key, v] of variants) {
      const [process, jobcenter] = key.split('\u0000') as [string, string];
      const scope = jobcentersOf.get(process) === 1 ? '' : jobcenter;
      const listed = (byScope.get(`${process}\u0000${scope}`) ?? []).filter((f) => concerns(f, v)).slice(0, FINDINGS_PER_VARIANT);
      if (listed.length === 0) continue;
      const text = JSON.stringify(listed.map((f) => (table === 'steps' ? exactEntry(f) : viewerEntry(f))));
      for (const id of v.ids) updates.push([text, id]);
    }
    for (const [text, id] of updates) update.run(text, id);
    written += updates.length;
  }
  return written;
}

function exactEntry(f: FindingRow) {
  return { id: f.finding_id, kind: f.kind, da: f.summary_da, en: f.summary_en };
}

/** A finding as viewer rows list it: what and where, without the figures of its sentence (see `findingTitle`). */
function viewerEntry(f: FindingRow) {
  const what = { kind: f.kind, activity: f.activity, fromActivity: f.from_activity, toActivity: f.to_activity, rule: f.rule };
  return { id: f.finding_id, kind: f.kind, da: findingTitle(what, 'da'), en: findingTitle(what, 'en') };
}

function concerns(f: FindingRow, v: VariantSteps): boolean {
  if (f.from_activity !== null && f.to_activity !== null && v.pairs.has(`${f.from_activity}\u0000${f.to_activity}`)) return true;
  if (f.activity !== null && v.activities.has(f.activity)) return true;
  return f.rule !== null && v.rules.has(f.rule);
}

/** Per (process, jobcenter, variant): the ids of its step-0 rows and what its steps say. */
function variantSteps(sqlite: Database.Database, table: string, log: string, version: number): Map<string, VariantSteps> {
  const rows = sqlite
    .prepare(
      `SELECT id, process, jobcenter, variant_key, step_index, from_activity, to_activity, violated_rules, skipped_activities
       FROM ${table} WHERE log = ? AND version = ?`,
    )
    .all(log, version) as {
    id: number;
    process: string;
    jobcenter: string;
    variant_key: string;
    step_index: number;
    from_activity: string;
    to_activity: string;
    violated_rules: string | null;
    skipped_activities: string | null;
  }[];
  const out = new Map<string, VariantSteps>();
  for (const r of rows) {
    const key = `${r.process}\u0000${r.jobcenter}\u0000${r.variant_key}`;
    let v = out.get(key);
    if (!v) out.set(key, (v = { ids: [], activities: new Set(), pairs: new Set(), rules: new Set() }));
    if (r.step_index === 0) v.ids.push(r.id);
    v.activities.add(r.to_activity);
    v.pairs.add(`${r.from_activity}\u0000${r.to_activity}`);
    for (const rule of readRuleNames(r.violated_rules)) v.rules.add(rule.rule);
    for (const skipped of readActivityNames(r.skipped_activities)) v.activities.add(skipped);
  }
  return out;
}
