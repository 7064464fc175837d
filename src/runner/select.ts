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

/**
 * Whether `text` matches `glob`, where `*` stands for any run of characters
 * and every other character for itself. Linear-time two-pointer scan (no
 * regular expression, so no catastrophic backtracking on `*****…x`).
 */
export function globMatch(text: string, glob: string): boolean {
  let t = 0;
  let g = 0;
  let star = -1; // position in glob after the last '*'
  let mark = 0; // position in text where that '*' started matching
  while (t < text.length) {
    if (g < glob.length && glob[g] === '*') {
      while (g < glob.length && glob[g] === '*') g++;
      star = g;
      mark = t;
    } else if (g < glob.length && glob[g] === text[t]) {
      g++;
      t++;
    } else if (star >= 0) {
      g = star;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}

/** Whether `id` matches one pattern (an exact id, a prefix, or a glob with `*`). */
export function matches(id: string, pattern: string): boolean {
  if (pattern.includes('*')) return globMatch(id, pattern);
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
 * Select ids matching any pattern, in catalogue order (no pattern: all).
 * Throws UsageError on an empty pattern, and naming any pattern that
 * matches nothing, with close matches.
 */
export function selectIds(ids: readonly string[], patterns: readonly string[]): string[] {
  if (patterns.length === 0) return [...ids];
  // An empty pattern would match every id as a prefix: `--only "$UNSET"` must not start every study.
  if (patterns.some((p) => p.trim() === '')) throw new UsageError('--only got an empty pattern; name a claim id, prefix or glob (omit --only to run every claim)');
  for (const p of patterns) {
    if (!ids.some((id) => matches(id, p))) {
      throw new UsageError(`no claim matches --only ${p}; did you mean ${closeMatches(p, ids).join(', ')}?`);
    }
  }
  return ids.filter((id) => patterns.some((p) => matches(id, p)));
}
