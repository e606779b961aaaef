const END_SOURCE: Record<string, string> = {
  mapping: 'endActivities of the mapping file',
  process: 'the process definition',
  inferred: 'inferred from the log; correct them with endActivities in a mapping file',
};

/** Where end activities came from, as the CLI says it. */
export function endSourceText(source: string): string {
  return END_SOURCE[source] ?? source;
}
