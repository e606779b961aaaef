/** A duration in seconds in the largest sensible unit, e.g. `3.5 days`, `42 min`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '-';
  const abs = Math.abs(seconds);
  if (abs >= 86400) return `${(seconds / 86400).toFixed(1)} days`;
  if (abs >= 3600) return `${(seconds / 3600).toFixed(1)} h`;
  if (abs >= 60) return `${(seconds / 60).toFixed(0)} min`;
  return `${seconds.toFixed(0)} s`;
}
