/**
 * Claim selection for `--only`: an exact id, an id prefix (e.g. `dx.prox.`),
 * or a glob with `*`. Unknown patterns are a
 * usage error that lists the closest ids.
 */
import { UsageError } from '../core/errors.ts';

/** Edit distance (Levenshtein), for suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function globToRegExp(glob: string): RegExp {
  const esc = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${esc}$`);
}

/** Whether `id` matches one pattern. */
export function matches(id: string, pattern: string): boolean {
  if (pattern.includes('*')) return globToRegExp(pattern).test(id);
  return id.startsWith(pattern);
}

/** The closest ids to a pattern (for error messages). */
export function closeMatches(pattern: string, ids: readonly string[], n = 3): string[] {
  const base = pattern.replace(/\*/g, '');
  return [...ids]
    .map((id) => ({ id, d: Math.min(editDistance(base, id), ...id.split('.').map((_, i, parts) => editDistance(base, parts.slice(0, i + 1).join('.')))) }))
    .sort((p, q) => p.d - q.d || p.id.localeCompare(q.id))
    .slice(0, n)
    .map((x) => x.id);
}

/**
 * Select ids matching any pattern, in catalogue order. Throws UsageError
 * naming any pattern that matches nothing, with close matches.
 */
export function selectIds(ids: readonly string[], patterns: readonly string[]): string[] {
  if (patterns.length === 0) return [...ids];
  for (const p of patterns) {
    if (!ids.some((id) => matches(id, p))) {
      throw new UsageError(`no claim matches --only ${p}; did you mean ${closeMatches(p, ids).join(', ')}?`);
    }
  }
  return ids.filter((id) => patterns.some((p) => matches(id, p)));
}
