/** Limits a load must keep to become the current version; see `checkLoadPolicy`. */
export interface LoadPolicy {
  /** Largest share of rows read that may be quarantined (0..1). */
  maxQuarantineShare: number;
  /** Largest drop in cases against the current version (0..1). */
  maxCaseDrop: number;
}

/** The default load policy: at most 5% of rows quarantined, at most 10% fewer cases than the current version. */
export const DEFAULT_LOAD_POLICY: LoadPolicy = { maxQuarantineShare: 0.05, maxCaseDrop: 0.1 };

const pct = (x: number) => `${(100 * x).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * Why the load policy refuses a load (one line each, with how to override), or an empty list
 * when it passes: a quarantine share above `maxQuarantineShare` (a wrong date format, a wrong
 * delimiter), or fewer cases than the current version by more than `maxCaseDrop` (a partial
 * file about to replace the full log).
 *
 * @example checkLoadPolicy({ read: 100, quarantined: 62, byReason: { 'bad-timestamp': 62 }, cases: 40, previousCases: null }, DEFAULT_LOAD_POLICY)
 */
export function checkLoadPolicy(
  load: { read: number; quarantined: number; byReason: Record<string, number>; cases: number; previousCases: number | null },
  policy: LoadPolicy,
): string[] {
  const out: string[] = [];
  const share = load.read > 0 ? load.quarantined / load.read : 0;
  if (share > policy.maxQuarantineShare) {
    const reasons = Object.entries(load.byReason)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${r}: ${n}`)
      .join(', ');
    out.push(
      `${pct(share)} of the rows were quarantined (${load.quarantined} of ${load.read}${reasons ? `; ${reasons}` : ''}), above the limit of ${pct(policy.maxQuarantineShare)}: ` +
        `check the mapping (timestampFormat, delimiter) or load anyway with --max-quarantine-share ${Math.min(1, Math.ceil(share * 100) / 100)}`,
    );
  }
  if (load.previousCases !== null && load.previousCases > 0) {
    const drop = (load.previousCases - load.cases) / load.previousCases;
    if (drop > policy.maxCaseDrop) {
      out.push(
        `the load has ${load.cases} cases, ${pct(drop)} fewer than the ${load.previousCases} of the current version (limit ${pct(policy.maxCaseDrop)}): ` +
          `a partial extract would replace the full log; add it with --append, or load anyway with --max-case-drop ${Math.min(1, Math.ceil(drop * 100) / 100)}`,
      );
    }
  }
  return out;
}
