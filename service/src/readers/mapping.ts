import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ReadError } from './errors';
import { compileTimestampFormat } from './timestamp-format';

/**
 * Which input columns hold what. Given as a JSON file (`loadMapping`) or guessed from the
 * header (`guessMapping`). Column names are matched exactly, after trimming.
 *
 * @example
 * { "case": "Sags-id", "activity": "Aktivitet", "timestamp": "Tidspunkt",
 *   "resource": "Sagsbehandler", "jobcenter": "Jobcenter",
 *   "timestampFormat": "dd-mm-yyyy HH:MM", "pseudonymize": ["CPR", "Borger"] }
 */
export interface ColumnMapping {
  case: string;
  activity: string;
  timestamp: string;
  endTimestamp?: string | undefined;
  resource?: string | undefined;
  lifecycle?: string | undefined;
  /** The organisational unit reports filter by; also stored as case attribute `jobcenter`. */
  jobcenter?: string | undefined;
  /** The caseworker's team (governance, issue 15): figures per team, each of at least k caseworkers and k cases. */
  team?: string | undefined;
  /** Columns kept as attributes. Default: every column not mapped above (and not unnamed). */
  attributes?: string[] | undefined;
  /**
   * Which of the kept attributes are case-level (first non-empty value per case wins).
   * Default: columns named `case:...` and process/citizen columns (Proces, CPR, Borger, ...).
   */
  caseAttributes?: string[] | undefined;
  /** Columns the store must pseudonymise. Default: columns that look like CPR numbers or names. */
  pseudonymize?: string[] | undefined;
  /**
   * Free-text columns to store (notes): with CPR numbers masked and the values of pseudonymised
   * columns replaced by their pseudonyms. Long, wordy values of any other column are not stored.
   */
  freeText?: string[] | undefined;
  /** Explicit timestamp format, e.g. `dd-mm-yyyy HH:MM` (see `compileTimestampFormat`). */
  timestampFormat?: string | undefined;
  /** IANA time zone of timestamps without an offset. Default `Europe/Copenhagen`. */
  timezone?: string | undefined;
  /** Conformance: BPMN task names (model labels) -> the log activities they stand for, where they differ. */
  modelLabels?: Record<string, string> | undefined;
  /** The outcome column of a case (e.g. `Udfald`) and the values that count as success; the findings compare ways of working on it. */
  outcome?: { column: string; success: string[] } | undefined;
  /**
   * Activities that finish a case: a case whose last activity is one of them is finished, else
   * open. Default: the process definition's, else inferred from the log (and shown by ingest).
   */
  endActivities?: string[] | undefined;
  /** Settings of the findings (hourly cost, working figures, automation weights); defaults in `DEFAULT_FINDINGS_SETTINGS`. */
  findings?: FindingsMappingSettings | undefined;
}

/** The findings settings a mapping file may set. */
export interface FindingsMappingSettings {
  hourlyCostDkk?: number | undefined;
  minutesPerEvent?: number | undefined;
  optimisedWorkflowDkk?: number | undefined;
  automationDkk?: number | undefined;
  minAutomationScore?: number | undefined;
  bottleneckCount?: number | undefined;
  automationWeights?:
    Partial<Record<'volume' | 'predictability' | 'ruleLike' | 'caseworkers' | 'processing' | 'rework', number>> | undefined;
}

const columnList = z.array(z.string().trim().min(1, 'a column name, not an empty string'));

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function validFormat(format: string): boolean {
  try {
    compileTimestampFormat(format);
    return true;
  } catch {
    return false;
  }
}

/** The zod schema of a mapping file; unknown keys are rejected so typos surface. */
export const columnMappingSchema = z.strictObject({
  case: z.string().trim().min(1),
  activity: z.string().trim().min(1),
  timestamp: z.string().trim().min(1),
  endTimestamp: z.string().trim().min(1).optional(),
  resource: z.string().trim().min(1).optional(),
  lifecycle: z.string().trim().min(1).optional(),
  jobcenter: z.string().trim().min(1).optional(),
  team: z.string().trim().min(1).optional(),
  attributes: columnList.optional(),
  caseAttributes: columnList.optional(),
  pseudonymize: columnList.optional(),
  freeText: columnList.optional(),
  timestampFormat: z.string().refine(validFormat, 'a format such as "dd-mm-yyyy HH:MM" (tokens yyyy, mm, dd, HH, MM, SS)').optional(),
  timezone: z.string().refine(validZone, 'an IANA time zone such as "Europe/Copenhagen"').optional(),
  modelLabels: z.record(z.string().trim().min(1), z.string().trim().min(1, 'a log activity, not an empty string')).optional(),
  outcome: z.strictObject({ column: z.string().trim().min(1), success: columnList.min(1, 'at least one success value') }).optional(),
  endActivities: z.array(z.string().trim().min(1, 'an activity name, not an empty string')).optional(),
  findings: z
    .strictObject({
      hourlyCostDkk: z.number().positive().optional(),
      minutesPerEvent: z.number().positive().optional(),
      optimisedWorkflowDkk: z.number().nonnegative().optional(),
      automationDkk: z.number().nonnegative().optional(),
      minAutomationScore: z.number().min(0).max(1).optional(),
      bottleneckCount: z.number().int().min(1).optional(),
      automationWeights: z
        .strictObject({
          volume: z.number().nonnegative().optional(),
          predictability: z.number().nonnegative().optional(),
          ruleLike: z.number().nonnegative().optional(),
          caseworkers: z.number().nonnegative().optional(),
          processing: z.number().nonnegative().optional(),
          rework: z.number().nonnegative().optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Reads and validates a mapping JSON file. Throws `ReadError` naming the file, the key and
 * what was expected, e.g. `mapping.json: key "timestamp": expected a column name (string)`.
 */
export async function loadMapping(path: string): Promise<ColumnMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ReadError(path, `cannot read the mapping file (${(cause as NodeJS.ErrnoException).code ?? String(cause)})`, { cause });
  }
  let json: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    json = JSON.parse(body);
  } catch (cause) {
    throw jsonSyntaxError(path, body, cause as Error);
  }
  return parseMapping(json, path);
}

/** A JSON syntax error as `file:LINE: column C: ...`, not as V8's character offset. */
function jsonSyntaxError(path: string, text: string, cause: Error): ReadError {
  const at = /\s*in JSON at position (\d+)(?: \(line \d+ column \d+\))?/.exec(cause.message);
  if (!at) return new ReadError(path, `the mapping file is not valid JSON (${cause.message})`, { cause });
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const reason = cause.message.replace(at[0], '');
  return new ReadError(path, `column ${column}: the mapping file is not valid JSON (${reason})`, { line, cause });
}

/** Validates an already parsed mapping object; `source` names it in errors. */
export function parseMapping(json: unknown, source = 'mapping'): ColumnMapping {
  const result = columnMappingSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.length > 0 ? `key "${issue.path.join('.')}"` : 'the mapping';
    const detail =
      issue.code === 'invalid_type' ? `expected ${issue.expected === 'string' ? 'a column name (string)' : issue.expected}` : issue.message;
    return `${key}: ${detail}`;
  });
  throw new ReadError(source, `${problems.join('; ')} (required keys: case, activity, timestamp)`);
}
