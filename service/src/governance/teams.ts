import type Database from 'better-sqlite3';

/** The row the teams below k are merged into, per process and jobcenter. */
export const OTHER_TEAMS = 'øvrige teams';

/**
 * Moves the mapping's team column from the events' attributes into `events.team` for one
 * version of a log (inside the load's transaction). Returns the events that have a team.
 */
export function storeEventTeams(sqlite: Database.Database, log: string, version: number, column: string): number {
  const path = `$."${column.replace(/["\\]/g, '')}"`;
  return sqlite
    .prepare(
      `UPDATE events SET team = nullif(trim(CAST(json_extract(attributes, @path) AS TEXT)), ''),
         attributes = CASE WHEN json_remove(attributes, @path) = '{}' THEN NULL ELSE json_remove(attributes, @path) END
       WHERE log = @log AND version = @version AND attributes IS NOT NULL AND json_type(attributes, @path) IS NOT NULL`,
    )
    .run({ path, log, version }).changes;
}

interface TeamSize {
  process: string;
  jobcenter: string;
  team: string;
  cases: number;
  caseworkers: number;
}

/**
 * Writes the `teams` rows of one version of a log from its events (with `team`) and cases:
 * per process, jobcenter and team the cases it worked on, its caseworkers, events, open and
 * finished cases and their summed duration. A team with fewer than `k` cases or fewer than `k`
 * caseworkers is merged into `øvrige teams` of its process and jobcenter; that row is left
 * out when it is below either too. Returns the rows written.
 */
export function precomputeTeams(sqlite: Database.Database, log: string, version: number, k: number): number {
  sqlite.prepare('DELETE FROM teams WHERE log = ? AND version = ?').run(log, version);
  const join = 'JOIN cases c ON c.log = e.log AND c.version = e.version AND c.case_id = e.case_id';
  const sizes = sqlite
    .prepare(
      `SELECT c.process, c.jobcenter, e.team, count(DISTINCT e.case_id) AS cases, count(DISTINCT e.resource) AS caseworkers
       FROM events e ${join} WHERE e.log = ? AND e.version = ? AND e.team IS NOT NULL GROUP BY c.process, c.jobcenter, e.team`,
    )
    .all(log, version) as TeamSize[];
  if (sizes.length === 0) return 0;
  sqlite.exec(
    'CREATE TEMP TABLE IF NOT EXISTS team_labels (process TEXT, jobcenter TEXT, team TEXT, label TEXT, PRIMARY KEY (process, jobcenter, team))',
  );
  sqlite.exec('DELETE FROM temp.team_labels');
  const label = sqlite.prepare('INSERT INTO temp.team_labels VALUES (?, ?, ?, ?)');
  for (const s of sizes) label.run(s.process, s.jobcenter, s.team, s.cases >= k && s.caseworkers >= k ? s.team : OTHER_TEAMS);
  const labelJoin = 'JOIN temp.team_labels l ON l.process = c.process AND l.jobcenter = c.jobcenter AND l.team = e.team';
  const written = sqlite
    .prepare(
      `INSERT INTO teams (log, version, process, jobcenter, team, cases, caseworkers, events, open_cases, finished_cases, sum_duration_seconds)
       SELECT @log, @version, w.process, w.jobcenter, w.label, t.cases, w.caseworkers, w.events, t.open_cases, t.finished_cases, t.sum_duration_seconds
       FROM (SELECT c.process, c.jobcenter, l.label, count(DISTINCT e.resource) AS caseworkers, count(*) AS events
             FROM events e ${join} ${labelJoin} WHERE e.log = @log AND e.version = @version GROUP BY c.process, c.jobcenter, l.label) w
       JOIN (SELECT process, jobcenter, label, count(*) AS cases, sum(open) AS open_cases, sum(1 - open) AS finished_cases,
               sum(CASE WHEN open = 0 THEN duration_seconds ELSE 0 END) AS sum_duration_seconds
             FROM (SELECT DISTINCT c.process, c.jobcenter, l.label, c.case_id, c.open, c.duration_seconds
                   FROM events e ${join} ${labelJoin} WHERE e.log = @log AND e.version = @version)
             GROUP BY process, jobcenter, label) t
         ON t.process = w.process AND t.jobcenter = w.jobcenter AND t.label = w.label
       WHERE t.cases >= @k AND w.caseworkers >= @k
       ORDER BY w.process, w.jobcenter, w.label = '${OTHER_TEAMS}', w.label`,
    )
    .run({ log, version, k }).changes;
  sqlite.exec('DELETE FROM temp.team_labels');
  return written;
}

/** Stores the teams of a load's events and writes its `teams` rows (no-op without a team column). */
export function loadTeams(
  sqlite: Database.Database,
  r: { log: string; version: number; teamColumn: string | undefined; k: number },
): number {
  if (r.teamColumn === undefined) return 0;
  storeEventTeams(sqlite, r.log, r.version, r.teamColumn);
  return precomputeTeams(sqlite, r.log, r.version, r.k);
}
