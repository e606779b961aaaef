import type { Command } from 'commander';

/** The two duplicate switches of `summary` and `ingest`. */
export interface DuplicateFlags {
  dedupe?: boolean;
  keepDuplicates?: boolean;
}

/** Adds `--dedupe` and `--keep-duplicates` to a command. */
export function addDuplicateOptions(command: Command): Command {
  return command
    .option('--dedupe', 'drop events identical in every attribute to an earlier event of their case (XES keeps them by default)')
    .option('--keep-duplicates', 'keep exact duplicate rows as events (CSV drops them by default)');
}

/**
 * The reader's `keepDuplicates` from the switches: true, false, or undefined for each format's
 * default (CSV drops exact duplicate rows, XES keeps identical events). Both switches at once
 * are a contradiction and throw.
 */
export function keepDuplicatesOf(flags: DuplicateFlags): boolean | undefined {
  if (flags.dedupe && flags.keepDuplicates) throw new Error('--dedupe and --keep-duplicates contradict each other: give one of them');
  return flags.keepDuplicates ? true : flags.dedupe ? false : undefined;
}

/** The summary line of what a read did with exact duplicates. */
export function duplicateLine(policy: string, identical: number, duplicates: number): string {
  const n = (x: number) => x.toLocaleString('en');
  if (policy.includes('keep') && !policy.includes('drop')) {
    return `  duplicates ${n(identical)} identical events kept (--dedupe drops them)`;
  }
  if (policy === 'drop') return `  duplicates ${n(duplicates)} exact duplicates dropped (--keep-duplicates keeps them)`;
  return `  duplicates ${n(duplicates)} exact duplicates dropped, ${n(identical - duplicates)} identical events kept`;
}
