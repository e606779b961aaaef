/** A rule as the step table names it: its id and its Danish and English titles. */
export interface RuleName {
  rule: string;
  da: string;
  en: string;
}

/**
 * The `violated_rules` text of a step row: a JSON array of `{ rule, da, en }` sorted by rule id,
 * or null when the row has none. The names travel with the rows so that a report needs no
 * second table to name them, and the text holds no counts (Power BI groups rows by it).
 *
 * @example formatRuleNames([{ rule: 'R1', da: 'Samtale', en: 'Interview' }]) // '[{"rule":"R1","da":"Samtale","en":"Interview"}]'
 */
export function formatRuleNames(names: readonly RuleName[]): string | null {
  if (names.length === 0) return null;
  const sorted = [...names].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return JSON.stringify(sorted.map((n) => ({ rule: n.rule, da: n.da, en: n.en })));
}

/** Reads a `violated_rules` text; unreadable text or entries without a rule id give no names (never throws). */
export function readRuleNames(text: string | null | undefined): RuleName[] {
  const parsed = parseArray(text);
  const out: RuleName[] = [];
  for (const item of parsed) {
    if (typeof item !== 'object' || item === null) continue;
    const { rule, da, en } = item as Record<string, unknown>;
    if (typeof rule !== 'string' || rule === '') continue;
    out.push({ rule, da: typeof da === 'string' ? da : rule, en: typeof en === 'string' ? en : rule });
  }
  return out;
}

/** The `skipped_activities` text of a step row: a JSON array of activity names, sorted; null when none. */
export function formatActivityNames(names: readonly string[]): string | null {
  return names.length === 0 ? null : JSON.stringify([...names].sort());
}

/** Reads a `skipped_activities` text; unreadable text gives no names (never throws). */
export function readActivityNames(text: string | null | undefined): string[] {
  return parseArray(text).filter((x): x is string => typeof x === 'string' && x !== '');
}

function parseArray(text: string | null | undefined): unknown[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** A finding as the step table lists it beside a variant: its id, kind and Danish and English summary. */
export interface FindingNote {
  id: string;
  kind: string;
  da: string;
  en: string;
}

/** Reads a `findings` text (JSON array of `{id, kind, da, en}`); unreadable entries are left out (never throws). */
export function readFindingNotes(text: string | null | undefined): FindingNote[] {
  const out: FindingNote[] = [];
  for (const item of parseArray(text)) {
    if (typeof item !== 'object' || item === null) continue;
    const { id, kind, da, en } = item as Record<string, unknown>;
    if (typeof id !== 'string' || typeof en !== 'string') continue;
    out.push({ id, kind: typeof kind === 'string' ? kind : '', da: typeof da === 'string' ? da : en, en });
  }
  return out;
}
