import { describe, expect, it } from 'vitest';
import { parseFilter } from './filter-parser';
import { filterToSql } from './filter-sql';
import { ODataQueryError } from './odata-error';
import { describeTable } from '../model/table-info';
import { cases, steps } from '../../db/schema';

const stepsInfo = describeTable(steps);
const casesInfo = describeTable(cases);

describe('parseFilter', () => {
  it('parseFilter("a eq 1 or b eq 2 and c eq 3") binds and tighter than or', () => {
    const tree = parseFilter('cases eq 1 or step_index eq 2 and id eq 3');
    expect(tree.kind).toBe('or');
    if (tree.kind !== 'or') return;
    expect(tree.right.kind).toBe('and');
  });

  it('parentheses override precedence and not binds tighter than and', () => {
    const tree = parseFilter('not (cases eq 1 or cases eq 2) and id eq 3');
    expect(tree.kind).toBe('and');
    if (tree.kind !== 'and') return;
    expect(tree.left.kind).toBe('not');
    expect(filterToSql(stepsInfo, tree)).toEqual({ sql: '((NOT (("cases" = ?) OR ("cases" = ?))) AND ("id" = ?))', params: [1, 2, 3] });
  });

  it("a doubled quote inside a string literal is one quote: 'O''Brien'", () => {
    const sql = filterToSql(stepsInfo, parseFilter("jobcenter eq 'O''Brien'"));
    expect(sql).toEqual({ sql: '("jobcenter" = ?)', params: ["O'Brien"] });
  });

  it('values never enter the SQL text, even quote-laden ones', () => {
    const sql = filterToSql(stepsInfo, parseFilter("jobcenter eq 'x'' OR 1=1 --'"));
    expect(sql.sql).toBe('("jobcenter" = ?)');
    expect(sql.params).toEqual(["x' OR 1=1 --"]);
  });

  it('every comparison operator maps to SQL; null compares with IS NULL', () => {
    const sql = filterToSql(
      stepsInfo,
      parseFilter('cases ne 1 and cases gt 2 and cases ge 3 and cases lt 4 and cases le 5 and jobcenter eq null and jobcenter ne null'),
    );
    expect(sql.sql).toContain('"cases" <> ?');
    expect(sql.sql).toContain('"cases" >= ?');
    expect(sql.sql).toContain('"cases" <= ?');
    expect(sql.sql).toContain('"jobcenter" IS NULL');
    expect(sql.sql).toContain('"jobcenter" IS NOT NULL');
    expect(sql.params).toEqual([1, 2, 3, 4, 5]);
  });

  it('date-time literals become epoch ms on timestamp columns; booleans become 0/1', () => {
    const sql = filterToSql(
      casesInfo,
      parseFilter('start ge 2024-01-02T00:00:00Z and end lt 2024-02-01 and open eq false and -1.5e0 lt duration_seconds'),
    );
    expect(sql.params).toEqual([Date.UTC(2024, 0, 2), Date.UTC(2024, 1, 1), 0, -1.5]);
  });

  it('contains/startswith escape LIKE wildcards', () => {
    const sql = filterToSql(stepsInfo, parseFilter("contains(from_activity,'50%_x') and startswith(jobcenter, 'N')"));
    expect(sql.params).toEqual(['%50\\%\\_x%', 'N%']);
  });

  it('binds a value once per mark where startswith/endswith repeat their argument', () => {
    const sql = filterToSql(stepsInfo, parseFilter("startswith(jobcenter, tolower('N')) and endswith(jobcenter, toupper('x'))"));
    expect(sql.params).toEqual(['N', 'N', 'x', 'x']);
    expect(sql.sql.split('?').length - 1).toBe(sql.params.length);
  });

  it.each([
    ['cases eq', 'end of expression'],
    ['cases eq 1 and', 'end of expression'],
    ['cases equals 1', "token 'equals'"],
    ["jobcenter eq 'open", 'unterminated string'],
    ['(cases eq 1', "expected ')'"],
    ['cases eq 1 )', "token ')'"],
    ['cases eq 1 # 2', "character '#'"],
  ])('parseFilter(%j) throws ODataQueryError naming %s', (text, fragment) => {
    expect(() => parseFilter(text)).toThrow(ODataQueryError);
    expect(() => parseFilter(text)).toThrow(fragment);
  });

  it.each([
    ['nope eq 1', "unknown property 'nope'"],
    ["cases eq 'x'", "cannot compare property 'cases' (Edm.Int64) with string"],
    ['jobcenter gt null', "'gt' cannot compare with null"],
    ['cases', 'expected a comparison'],
  ])('filterToSql of %j throws naming %s', (text, fragment) => {
    expect(() => filterToSql(stepsInfo, parseFilter(text))).toThrow(fragment);
  });
});
