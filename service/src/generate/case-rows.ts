import { oddBorger } from './case-identity';
import type { CompiledJobcenter, CompiledProcess } from './compile-process';
import { DIRT_RATES, dirtyCaseRows, type DirtCounts } from './dirt';
import type { Subject } from './people';
import type { Rng } from './prng';
import type { CaseTrace } from './simulate-case';
import { formatDanishDay, formatIsoDay, type WorkClock } from './work-clock';

/** Everything the rows of one case are written from. */
export interface CaseRowsInput {
  p: CompiledProcess;
  clock: WorkClock;
  caseId: string;
  subject: Subject;
  jc: CompiledJobcenter;
  trace: CaseTrace;
  /** Day number of the case's deadline, or null when no rule sets one. */
  fristDay: number | null;
}

/** The clean rows of a case: `,`-separated, `yyyy-mm-dd HH:MM:SS`, LF line ends. */
export function cleanCaseText(c: CaseRowsInput): string {
  const { p, clock, trace } = c;
  const frist = c.fristDay === null ? '' : formatIsoDay(c.fristDay);
  const head = `${c.caseId},${c.subject.cpr},${csvField(c.subject.name, ',')},${p.definition.label},${c.jc.name},`;
  let text = '';
  for (let e = 0; e < trace.length; e++) {
    text += `${head}${csvField(p.activities[trace.activity[e]!]!, ',')},${clock.formatIso(trace.pos[e]!)},${trace.actor[e]},${frist}\n`;
  }
  return text;
}

/**
 * The dirty rows of case number `index` (see `dirtyCaseRows`), CRLF line ends. Case 0
 * gets a Borger holding the delimiter and case 1 one with a line break, so every dirty
 * extract of two cases or more has both; other cases get them at a small rate.
 */
export function dirtyCaseText(c: CaseRowsInput, index: number, rng: Rng, counts: DirtCounts): string {
  const { p, clock, trace } = c;
  const odd = index === 0 ? 'delimiter' : index === 1 ? 'line-break' : oddKind(rng);
  if (odd === 'delimiter') counts.quotedDelimiterCases++;
  if (odd === 'line-break') counts.lineBreakCases++;
  const borger = csvField(odd ? oddBorger(c.subject.name, odd) : c.subject.name, ';');
  const activity: string[] = [];
  const time: string[] = [];
  const actor: string[] = [];
  for (let e = 0; e < trace.length; e++) {
    activity.push(p.activities[trace.activity[e]!]!);
    time.push(clock.formatDanish(trace.pos[e]!));
    actor.push(trace.actor[e]!);
  }
  const rows = dirtyCaseRows(
    {
      head: [c.caseId, c.subject.cpr, borger, p.definition.label, c.jc.name],
      borgerQuoted: odd !== null,
      activity,
      time,
      actor,
      frist: c.fristDay === null ? '' : formatDanishDay(c.fristDay),
    },
    rng,
    counts,
  );
  return rows.join('\r\n') + '\r\n';
}

function oddKind(rng: Rng): 'delimiter' | 'line-break' | null {
  const u = rng.float();
  return u < DIRT_RATES.oddBorger ? 'delimiter' : u < 2 * DIRT_RATES.oddBorger ? 'line-break' : null;
}

/** Quotes a field when it holds the delimiter, a quote or a line break (RFC 4180). */
export function csvField(value: string, delimiter: string): string {
  if (!value.includes(delimiter) && !value.includes('"') && !value.includes('\n') && !value.includes('\r')) return value;
  return `"${value.replace(/"/g, '""')}"`;
}
