/**
 * How a soak run's report compares with the first run's (both already without timings,
 * `stripTimings`): the differing paths, and whether they all lie in the outcomes of claims that
 * compare wall-clock times.
 */
/** Every path where two JSON values differ (at most `limit`), each with both values. */
export function differences(a: unknown, b: unknown, path = '', out: string[] = [], limit = 50): string[] {
  if (a === b || out.length >= limit) return out;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') {
    out.push(`${path || '(root)'}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`);
    return out;
  }
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out, limit);
  return out;
}

/** Whether a JSON value holds a comparison or series marked `timing` (a check on wall-clock time). */
export function hasTimed(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(hasTimed);
  if (v && typeof v === 'object') return (v as { timing?: unknown }).timing === true || Object.values(v).some(hasTimed);
  return false;
}

/**
 * How a run's report compares with the first: 'identical' apart from timings; 'timing' when every
 * difference lies in the outcome of a claim that compares wall-clock times (a `timing` comparison
 * whose pass depends on the machine's load) or in the summary counts; else 'different'.
 */
export function classify(first: unknown, report: unknown): { kind: 'identical' | 'timing' | 'different'; differences: string[]; timingClaims: string[] } {
  const diffs = differences(first, report);
  if (diffs.length === 0) return { kind: 'identical', differences: [], timingClaims: [] };
  const results = (r: unknown): { id?: string }[] => ((r as { results?: { id?: string }[] } | null)?.results ?? []);
  const [ra, rb] = [results(first), results(report)];
  const claims = new Set<string>();
  const timingOnly = diffs.every((d) => {
    if (d.startsWith('.summary.')) return true;
    const m = /^\.results\.(\d+)\./.exec(d);
    if (!m) return false;
    const a = ra[Number(m[1])];
    const b = rb[Number(m[1])];
    if (!a || !b || a.id !== b.id || !(hasTimed(a) || hasTimed(b))) return false;
    claims.add(a.id ?? '?');
    return true;
  });
  return { kind: timingOnly ? 'timing' : 'different', differences: diffs, timingClaims: [...claims] };
}
