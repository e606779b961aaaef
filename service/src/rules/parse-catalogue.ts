import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { parseIsoDate, type Rule, type RuleCatalogue, type RuleKind } from '@sagsflow/shared';
import { catalogueSchema, ruleSchema, type RuleInput } from './catalogue-schema';

/** A rule catalogue that cannot be used; the message names the file, the rule id and the field. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

/** The default time zone of a catalogue. */
export const DEFAULT_TIMEZONE = 'Europe/Copenhagen';

const USES_B: ReadonlySet<RuleKind> = new Set(['within', 'atLeast', 'order', 'differentResources']);
const USES_LIMIT: ReadonlySet<RuleKind> = new Set(['within', 'atLeast']);

/**
 * Reads and validates a rule catalogue file (YAML). Throws `CatalogueError` with one line
 * naming the file, the rule and the field, e.g.
 * `rules.yaml: rule DP-CV-14: field limit: exactly one of days, weeks, months, workingDays`.
 * A catalogue is used whole or not at all.
 */
export async function loadCatalogue(path: string): Promise<{ catalogue: RuleCatalogue; text: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new CatalogueError(`${path}: cannot read the rule catalogue (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`, {
      cause,
    });
  }
  return { catalogue: parseCatalogue(text, path), text };
}

/** Parses and validates catalogue text (see `loadCatalogue`); `file` names it in errors. */
export function parseCatalogue(text: string, file: string): RuleCatalogue {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''));
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line;
    const problem = (syntax.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new CatalogueError(`${file}: ${line ? `line ${line}: ` : ''}not valid YAML (${problem})`);
  }
  const top = catalogueSchema.safeParse(doc.toJS());
  if (!top.success) throw new CatalogueError(`${file}: ${describeIssue(top.error)}`);
  const { catalogue, process, timezone, calendar, rules } = top.data;
  const seen = new Set<string>();
  const resolved = rules.map((raw, index) => {
    const rawId =
      typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
    const where = `${file}: rule ${rawId ?? `#${index + 1}`}`;
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) throw new CatalogueError(`${where}: ${describeIssue(parsed.error)}`);
    if (seen.has(parsed.data.id)) throw new CatalogueError(`${where}: field id: the id is used twice`);
    seen.add(parsed.data.id);
    return resolveRule(parsed.data, calendar ?? 'dk-statutory', where);
  });
  return {
    catalogue,
    process: process ?? null,
    timezone: timezone ?? DEFAULT_TIMEZONE,
    calendar: calendar ?? 'dk-statutory',
    rules: resolved,
  };
}

function resolveRule(r: RuleInput, calendar: Rule['calendar'], where: string): Rule {
  const fail = (field: string, problem: string): never => {
    throw new CatalogueError(`${where}: field ${field}: ${problem}`);
  };
  if (USES_B.has(r.kind) && r.b === undefined) fail('b', `kind ${r.kind} needs b`);
  if (!USES_B.has(r.kind) && r.b !== undefined) fail('b', `kind ${r.kind} has no b`);
  if (USES_LIMIT.has(r.kind) && r.limit === undefined) fail('limit', `kind ${r.kind} needs a limit`);
  if (!USES_LIMIT.has(r.kind) && r.limit !== undefined) fail('limit', `kind ${r.kind} has no limit`);
  if (r.count !== undefined && r.kind !== 'atLeast') fail('count', `only kind atLeast has a count`);
  if (r.kind === 'atLeast' && r.count === undefined) fail('count', 'kind atLeast needs a count');
  const validFrom = r.validFrom === undefined ? null : dateOf(r.validFrom, () => fail('validFrom', `not a date, got ${r.validFrom}`));
  const validTo = r.validTo === undefined ? null : dateOf(r.validTo, () => fail('validTo', `not a date, got ${r.validTo}`));
  if (validFrom !== null && validTo !== null && validTo < validFrom) fail('validTo', `${r.validTo} is before validFrom ${r.validFrom}`);
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    basis: r.basis,
    kind: r.kind,
    a: listOf(r.a),
    b: r.b === undefined ? [] : listOf(r.b),
    limit: r.limit ?? null,
    endedBy: r.endedBy === undefined ? [] : listOf(r.endedBy),
    moveToWorkingDay: r.moveToWorkingDay ?? false,
    calendar: r.calendar ?? calendar,
    validFrom,
    validTo,
    where: r.where ? { attribute: r.where.attribute, in: r.where.in } : null,
    count: r.count ?? 1,
    share: r.share ?? null,
  };
}

function listOf(value: string | string[]): string[] {
  return typeof value === 'string' ? [value.trim()] : value.map((v) => v.trim());
}

function dateOf(text: string, fail: () => never): number {
  try {
    return parseIsoDate(text);
  } catch {
    return fail();
  }
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const field = issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
  return `${field ? `field ${field}: ` : ''}${issue.message}`;
}
