import { z } from 'zod';
import { CALENDAR_NAMES, RULE_BASES, RULE_KINDS } from '@sagsflow/shared';

const name = z.string().trim().min(1, 'an activity name');
const names = z.union([name, z.array(name).min(1, 'at least one activity name')]);
const count = z.number().int('a whole number').min(0, 'a number >= 0');

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const isoDate = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  z.date().transform((d) => d.toISOString().slice(0, 10)),
]);

/** A deadline: exactly one of days, weeks, months, workingDays. */
export const limitSchema = z.union(
  [
    z.strictObject({ days: count }),
    z.strictObject({ weeks: count }),
    z.strictObject({ months: count }),
    z.strictObject({ workingDays: count }),
  ],
  { error: 'exactly one of days, weeks, months, workingDays, with a whole number >= 0' },
);

/** One rule as written in a catalogue file (unknown fields are refused so typos surface). */
export const ruleSchema = z.strictObject({
  id: z.string().trim().min(1, 'a rule id'),
  title: z.strictObject({ da: z.string().min(1), en: z.string().min(1) }),
  source: z.string().min(1, 'where the rule comes from'),
  basis: z.enum(RULE_BASES),
  kind: z.enum(RULE_KINDS),
  a: names,
  b: names.optional(),
  limit: limitSchema.optional(),
  endedBy: names.optional(),
  moveToWorkingDay: z.boolean().optional(),
  calendar: z.enum(CALENDAR_NAMES).optional(),
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  where: z
    .strictObject({
      attribute: z.string().trim().min(1),
      in: z.array(z.union([z.string(), z.number().transform(String)])).min(1, 'at least one value'),
    })
    .optional(),
  count: z.number().int('a whole number').min(1, 'a number >= 1').optional(),
  share: z.number().gt(0, 'a share in (0, 1]').max(1, 'a share in (0, 1]').optional(),
});

/** A catalogue file: its id, optional process, time zone, default calendar and rules. */
export const catalogueSchema = z.strictObject({
  catalogue: z.string().trim().min(1, 'a catalogue id'),
  process: z.string().trim().min(1).optional(),
  timezone: z.string().refine(validZone, 'an IANA time zone such as "Europe/Copenhagen"').optional(),
  calendar: z.enum(CALENDAR_NAMES).optional(),
  rules: z.array(z.unknown()).min(1, 'at least one rule'),
});

export type RuleInput = z.output<typeof ruleSchema>;
