/**
 * A log name: letters, digits, `_`, `-`, `.` (1..100 characters). In a module of its own so the
 * `ingest` command checks `--log` without loading the HTTP job routes (Hono, zod, the YAML parser).
 */
export const LOG_NAME = /^[\p{L}\p{N}_.-]{1,100}$/u;
