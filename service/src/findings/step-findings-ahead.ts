import { STEP_LIST_KINDS, type StepListedFinding } from '../db/findings-queries';
import type { StepFindingsAhead, StepVariantsCollector } from '../precompute/step-variants';
import type { ScopeFindings } from './compute-findings';
import { describeFinding } from './wording';
import { findingsByScope, stepFindingsText } from './write-step-findings';

/** The rank of a kind in the step tables' lists (`findingsForSteps`). */
const KIND_ORDER: ReadonlyMap<string, number> = new Map(STEP_LIST_KINDS.map((k, i) => [k, i]));

/** The texts of one variant's step 0 per process and jobcenter. */
type TextsOf = Map<string, Map<string, string | null>>;

/** No rules are violated on the steps of a fresh load that collects its step variants. */
const NO_RULES: ReadonlySet<string> = new Set();

/**
 * The findings texts of the step rows of a fresh load (one whose `collected` step variants list
 * the findings: no rule catalogue, no model) as the rows are written, once `findingsNow` has the
 * computed findings (before, undefined). A variant's step 0 gets its text when the variant's
 * steps are known (a whole run of it was written before) and its process has at least two
 * jobcenters among the exact step rows written (then the findings are the jobcenter's own, as
 * `writeStepFindings` takes them); any other row gets undefined and its findings are set after
 * the rows, by `writeStepFindings`, which also sets again any row whose text differs from its own
 * (so the stored rows are the same either way). The findings are listed from the computed
 * scopes as `writeFindings` stores them (same texts) and in `findingsForSteps`' order.
 *
 * @example
 * const stepFindings = createStepFindingsAhead(stepVariants, () => modelJob.pollFindings());
 */
export function createStepFindingsAhead(
  collected: StepVariantsCollector,
  findingsNow: () => readonly ScopeFindings[] | undefined,
): StepFindingsAhead {
  let byScope: Map<string, StepListedFinding[]> | undefined;
  // A variant's text in a table, process and jobcenter is the same in every period: made once, and
  // found again through the variant's steps (one object per variant), the process and the jobcenter
  // without building a key (the strings are those of the rows, whose hashes V8 keeps).
  const texts = { steps: new Map<object, TextsOf>(), viewer_steps: new Map<object, TextsOf>() };
  return (table, process, jobcenter, variantKey) => {
    if (byScope === undefined) {
      const scopes = findingsNow();
      if (scopes === undefined) return undefined;
      byScope = findingsByScope(listedFindings(scopes));
    }
    const steps = collected.stepsOf(variantKey);
    if (steps === undefined) return undefined;
    const seen = collected.exactJobcenters(process);
    // A new jobcenter of an exact row counts as it is written; a viewer row's may be pooled ("andre").
    const jobcenters = (seen?.size ?? 0) + (table === 'steps' && !seen?.has(jobcenter) ? 1 : 0);
    if (jobcenters < 2) return undefined;
    let ofVariant = texts[table].get(steps);
    if (ofVariant === undefined) texts[table].set(steps, (ofVariant = new Map()));
    let ofProcess = ofVariant.get(process);
    if (ofProcess === undefined) ofVariant.set(process, (ofProcess = new Map()));
    let text = ofProcess.get(jobcenter);
    if (text === undefined) {
      text = stepFindingsText(table, byScope.get(`${process}\u0000${jobcenter}`), { ...steps, rules: NO_RULES });
      ofProcess.set(jobcenter, text);
    }
    return text;
  };
}

/**
 * The findings of computed scopes as the step tables list them: the rows `writeFindings` stores
 * (none resolved), ordered as `findingsForSteps` reads them back.
 */
export function listedFindings(scopes: readonly ScopeFindings[]): StepListedFinding[] {
  const out: StepListedFinding[] = [];
  for (const scope of scopes) {
    for (const { finding: f, id } of scope.findings) {
      const row = { ...f, id, jobcenter: scope.jobcenter };
      out.push({
        process: scope.process,
        jobcenter: scope.jobcenter,
        findingId: id,
        kind: f.kind,
        rank: f.rank,
        activity: f.activity ?? null,
        fromActivity: f.fromActivity ?? null,
        toActivity: f.toActivity ?? null,
        rule: f.rule ?? null,
        valueDkk: f.valueDkk,
        summaryDa: describeFinding(row, 'da'),
        summaryEn: describeFinding(row, 'en'),
      });
    }
  }
  return out.sort(
    (a, b) =>
      (KIND_ORDER.get(a.kind) ?? STEP_LIST_KINDS.length) - (KIND_ORDER.get(b.kind) ?? STEP_LIST_KINDS.length) ||
      b.valueDkk - a.valueDkk ||
      a.rank - b.rank ||
      binaryOrder(a.findingId, b.findingId),
  );
}

/** Compares two strings as SQLite's BINARY collation does (their UTF-8 bytes, i.e. by code point). */
function binaryOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (a code point above U+FFFF) sorts after every other code unit.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x < 0xe000 ? x + 0x2000 : x - 0x800;
      y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}
