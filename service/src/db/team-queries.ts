import type Database from 'better-sqlite3';
import { and, countDistinct, eq, isNotNull } from 'drizzle-orm';
import { drizzleOf } from './connection';
import { cases, events, teams, type TeamDbRow } from './schema';

/** A team's size in one process and jobcenter of a log version: distinct cases and caseworkers (resources). */
export type TeamSize = Pick<TeamDbRow, 'process' | 'jobcenter' | 'team' | 'cases' | 'caseworkers'>;

/** The row a team's figures are written under: its own name, or the merged row of the small teams. */
export interface TeamLabel {
  process: string;
  jobcenter: string;
  team: string;
  label: string;
}

const EVENT_CASE = 'JOIN cases c ON c.log = e.log AND c.version = e.version AND c.case_id = e.case_id';
const EVENT_LABEL = 'JOIN temp.team_labels l ON l.process = c.process AND l.jobcenter = c.jobcenter AND l.team = e.team';

/**
 * Moves the attribute `column` of the events of one log version into `events.team` (trimmed,
 * null when blank) and drops it from their attributes (null when none are left). Returns the
 * events that had the attribute.
 */
export function moveEventTeams(sqlite: Database.Database, log: string, version: number, column: string): number {
  const path = `$."${column.replace(/["\\]/g, '')}"`;
  return sqlite
    .prepare(
      `UPDATE events SET team = nullif(trim(CAST(json_extract(attributes, @path) AS TEXT)), ''),
         attributes = CASE WHEN json_remove(attributes, @path) = '{}' THEN NULL ELSE json_remove(attributes, @path) END
       WHERE log = @log AND version = @version AND attributes IS NOT NULL AND json_type(attributes, @path) IS NOT NULL`,
    )
    .run({ path, log, version }).changes;
}

/** Deletes the `teams` rows of one log version. */
export function deleteTeamRows(sqlite: Database.Database, log: string, version: number): void {
  drizzleOf(sqlite)
    .delete(teams)
    .where(and(eq(teams.log, log), eq(teams.version, version)))
    .run();
}

/** Per process, jobcenter and team of one log version (events with a team): the distinct cases and caseworkers. */
export function teamSizes(sqlite: Database.Database, log: string, version: number): TeamSize[] {
  return drizzleOf(sqlite)
    .select({
      process: cases.process,
      jobcenter: cases.jobcenter,
      team: events.team,
      cases: countDistinct(events.caseId),
      caseworkers: countDistinct(events.resource),
    })
    .from(events)
    .innerJoin(cases, and(eq(cases.log, events.log), eq(cases.version, events.version), eq(cases.caseId, events.caseId)))
    .where(and(eq(events.log, log), eq(events.version, version), isNotNull(events.team)))
    .groupBy(cases.process, cases.jobcenter, events.team)
    .all()
    .map((s) => ({ ...s, team: s.team! }));
}

/**
 * Writes the `teams` rows of one log version, set-based: each team's events and cases counted
 * under its `label`, one row per process, jobcenter and label with at least `k` cases and `k`
 * caseworkers, the `other` label last within its process and jobcenter. Returns the rows written.
 */
export function writeTeamRows(
  sqlite: Database.Database,
  r: { log: string; version: number; k: number; labels: readonly TeamLabel[]; other: string },
): number {
  sqlite.exec(
    'CREATE TEMP TABLE IF NOT EXISTS team_labels (process TEXT, jobcenter TEXT, team TEXT, label TEXT, PRIMARY KEY (process, jobcenter, team))',
  );
  sqlite.exec('DELETE FROM temp.team_labels');
  const label = sqlite.prepare('INSERT INTO temp.team_labels VALUES (?, ?, ?, ?)');
  for (const l of r.labels) label.run(l.process, l.jobcenter, l.team, l.label);
  const written = sqlite
    .prepare(
      `INSERT INTO teams (log, version, process, jobcenter, team, cases, caseworkers, events, open_cases, finished_cases, sum_duration_seconds)
       SELECT @log, @version, w.process, w.jobcenter, w.label, t.cases, w.caseworkers, w.events, t.open_cases, t.finished_cases, t.sum_duration_seconds
       FROM (SELECT c.process, c.jobcenter, l.label, count(DISTINCT e.resource) AS caseworkers, count(*) AS events
             FROM events e ${EVENT_CASE} ${EVENT_LABEL} WHERE e.log = @log AND e.version = @version GROUP BY c.process, c.jobcenter, l.label) w
       JOIN (SELECT process, jobcenter, label, count(*) AS cases, sum(open) AS open_cases, sum(1 - open) AS finished_cases,
               sum(CASE WHEN open = 0 THEN duration_seconds ELSE 0 END) AS sum_duration_seconds
             FROM (SELECT DISTINCT c.process, c.jobcenter, l.label, c.case_id, c.open, c.duration_seconds
                   FROM events e ${EVENT_CASE} ${EVENT_LABEL} WHERE e.log = @log AND e.version = @version)
             GROUP BY process, jobcenter, label) t
         ON t.process = w.process AND t.jobcenter = w.jobcenter AND t.label = w.label
       WHERE t.cases >= @k AND w.caseworkers >= @k
       ORDER BY w.process, w.jobcenter, w.label = @other, w.label`,
    )
    .run({ log: r.log, version: r.version, k: r.k, other: r.other }).changes;
  sqlite.exec('DELETE FROM temp.team_labels');
  return written;
}
