import type Database from 'better-sqlite3';
import { deleteTeamRows, moveEventTeams, teamSizes, writeTeamRows } from '../db/team-queries';

/** The row the teams below k are merged into, per process and jobcenter. */
export const OTHER_TEAMS = 'øvrige teams';

/**
 * Writes the `teams` rows of one version of a log from its events (with `team`) and cases:
 * per process, jobcenter and team the cases it worked on, its caseworkers, events, open and
 * finished cases and their summed duration. A team with fewer than `k` cases or fewer than `k`
 * caseworkers is merged into `øvrige teams` of its process and jobcenter; that row is left
 * out when it is below either too. Returns the rows written.
 */
export function precomputeTeams(sqlite: Database.Database, log: string, version: number, k: number): number {
  deleteTeamRows(sqlite, log, version);
  const sizes = teamSizes(sqlite, log, version);
  if (sizes.length === 0) return 0;
  const labels = sizes.map((s) => ({ ...s, label: s.cases >= k && s.caseworkers >= k ? s.team : OTHER_TEAMS }));
  return writeTeamRows(sqlite, { log, version, k, labels, other: OTHER_TEAMS });
}

/** Moves the mapping's team column of a load's events into `events.team` and writes its `teams` rows (no-op without a team column). */
export function loadTeams(
  sqlite: Database.Database,
  r: { log: string; version: number; teamColumn: string | undefined; k: number },
): number {
  if (r.teamColumn === undefined) return 0;
  moveEventTeams(sqlite, r.log, r.version, r.teamColumn);
  return precomputeTeams(sqlite, r.log, r.version, r.k);
}
