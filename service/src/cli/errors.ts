/** The one-line message shown to a user for any error a command raises. */
export function userMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && 'path' in error) return `cannot open ${String(error.path)}: no such file`;
    if (code === 'EACCES' && 'path' in error) return `cannot open ${String(error.path)}: permission denied`;
    return error.message.split('\n')[0] ?? 'unexpected error';
  }
  return String(error);
}
