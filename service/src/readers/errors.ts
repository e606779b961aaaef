/**
 * A problem with the user's input that stops a read: a missing file, an unreadable
 * header, a missing required column, malformed XML, a bad mapping file.
 * The message is one line naming the file (and line / column when known) and how to fix it,
 * fit to print as it stands; `file`, `line` and `column` carry the same facts for programs.
 */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;

  constructor(file: string, problem: string, where: { line?: number | null; column?: string | null; cause?: unknown } = {}) {
    const line = where.line ?? null;
    const column = where.column ?? null;
    const at = line === null ? file : `${file}:${line}`;
    super(`${at}: ${column === null ? '' : `column "${column}": `}${problem}`, { cause: where.cause });
    this.file = file;
    this.line = line;
    this.column = column;
  }
}
