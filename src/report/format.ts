/** Small formatting helpers shared by the text reporters. */
import type { ClaimResult, PublishedRow, RecordedComparison, ReferenceMeta, ReferenceVerdict, RunScale } from '../runner/result.ts';

/** A number in 4 significant digits (exponent form when small or large). */
export function fmt(x: number): string {
  if (typeof x !== 'number') return String(x);
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return Number(x.toPrecision(4)).toString();
  return x.toExponential(2);
}

/** `measured rel claimed` for one comparison. */
export function fmtComparison(c: RecordedComparison): string {
  const rel = c.relation === '<=' ? '≤' : c.relation === '>=' ? '≥' : '=';
  return `${c.quantity}: ${fmt(c.measured)} ${rel} ${fmt(c.claimed)}${c.unit ? ' ' + c.unit : ''}`;
}

/** Label of a provenance for report lines (derived/unverified must be visible). */
export function provenanceLabel(p: string): string {
  switch (p) {
    case 'paper':
      return 'paper';
    case 'abstract':
      return 'abstract/authors\' code';
    case 'secondary':
      return 'secondary source';
    case 'derived':
      return 'DERIVED (not the paper\'s)';
    case 'unverified':
      return 'UNVERIFIED reconstruction';
    case 'misprint':
      return 'paper misprint';
    case 'ours':
      return 'ours (solver property)';
    default:
      return p;
  }
}

/**
 * How much of its allowance a comparison uses: measured/claimed for `≤`,
 * claimed/measured for `≥` (1 = at the bound, > 1 = violated); 0 for a
 * satisfied `=`, ∞ for a violated one or NaN.
 */
export function utilisation(c: RecordedComparison): number {
  if (!c.pass) return Infinity;
  if (c.relation === '==') return 0;
  const num = c.relation === '<=' ? c.measured : c.claimed;
  const den = c.relation === '<=' ? c.claimed : c.measured;
  if (den > 0) return num / den;
  return num <= 0 ? 0 : Infinity;
}

/** The comparison closest to violation (the headline of a result). */
export function tightest(cs: readonly RecordedComparison[]): RecordedComparison | undefined {
  let best: RecordedComparison | undefined;
  let bu = -Infinity;
  for (const c of cs) {
    const u = utilisation(c);
    if (u > bu) {
      bu = u;
      best = c;
    }
  }
  return best;
}

/** The scale of a run in words: "paper's setting" or the reduced values against the paper's. */
export function scaleLabel(s: RunScale | undefined): string {
  if (!s) return 'n/a';
  if (!s.paper) return 'paper\'s setting';
  const parts = Object.entries(s.paper).map(([k, v]) => `${k} ${fmtCount(s.run?.[k])} of ${fmtCount(v)}`);
  return `${s.full ? 'paper\'s setting' : 'REDUCED'}: ${parts.join(', ')}`;
}

function fmtCount(x: number | undefined): string {
  if (x === undefined) return '?';
  return Number.isInteger(x) ? x.toLocaleString('en-US') : fmt(x);
}

/** The reference's verdict of a claim, with the budget and commit it was measured at ('' without one). */
export function referenceLabel(r: { reference?: ReferenceVerdict }): string {
  const x = r.reference;
  if (!x) return '';
  const status = x.status === 'pass' ? '' : ` (${x.status})`;
  return `${x.verdict}${status} · ${x.budget}${x.scale.full ? '' : ', reduced'} · ${x.gitCommit ? x.gitCommit.slice(0, 7) : 'no commit'}`;
}

/** One line naming a run's reference report: what, when, at which commit, on which machine. */
export function referenceMetaLabel(m: ReferenceMeta | undefined): string {
  if (!m) return '';
  return `${m.file === 'built-in' ? 'the package\'s reference report' : m.file} (${m.budget} budget, commit ${m.gitCommit ? m.gitCommit.slice(0, 7) : 'n/a'}, ${m.measuredOn}${m.machine ? `; ${m.machine}` : ''})`;
}

/** A published value's difference: absolute and relative. */
export function fmtDifference(p: PublishedRow): string {
  return `${fmt(p.absDiff)} (${Number.isFinite(p.relDiff) ? fmt(100 * p.relDiff) + ' %' : '∞'})`;
}

/** A published value's tolerance: the allowed difference, and its relative form when so given. */
export function fmtPublishedTolerance(p: PublishedRow): string {
  const rel = p.relativeTolerance && p.paper !== 0 ? ` (${fmt((100 * p.tolerance) / Math.abs(p.paper))} % of paper)` : '';
  return `${p.printed === 'misprint' ? '> ' : '≤ '}${fmt(p.tolerance)}${rel}`;
}

/** Options of {@link formatFailure}. */
export interface FailureFormat {
  /** The replay line to print (default: the counterexample's own). */
  replay?: string;
  /** Longest JSON of the instance shown (default 1000 characters). */
  maxInstance?: number;
}

/**
 * The one text rendering of a claim that did not pass, for the terminal and
 * for test-runner messages: status, provenance and location, statement, error,
 * shrunk counterexample, every comparison at it, the replay line.
 */
export function formatFailure(r: ClaimResult, opts: FailureFormat = {}): string {
  const lines = [`✗ ${r.id} — ${r.status}, verdict ${r.verdict} (${provenanceLabel(r.provenance)}; ${r.location})`, `  ${r.statement}`];
  if (r.error) lines.push(`  error: ${r.error}`);
  const cx = r.counterexample;
  if (cx) {
    lines.push(`  shrunk counterexample (${cx.shrinks} shrinks): ${JSON.stringify(cx.instance).slice(0, opts.maxInstance ?? 1000)}`);
    for (const c of cx.comparisons) lines.push(`    ${c.pass ? 'holds   ' : 'VIOLATED'} ${fmtComparison(c)}`);
    lines.push(`  replay: ${opts.replay ?? cx.replay}`);
  }
  return lines.join('\n');
}

/**
 * Reading rank of a result at a glance: 0 a failed, erroring or timed-out check; 1 an adverse or
 * inconclusive verdict (refuted, not-reproduced, fails, inconclusive); 2 a passing check that
 * confirms less than the paper's statement at its scale (consistent-at-reduced-scale,
 * paper-misprint); 3 a project statement that holds; 4 confirmed.
 */
export function glanceRank(r: { status: string; verdict: string }): number {
  if (r.status !== 'pass') return 0;
  switch (r.verdict) {
    case 'confirmed':
      return 4;
    case 'holds':
      return 3;
    case 'consistent-at-reduced-scale':
    case 'paper-misprint':
      return 2;
    default:
      return 1;
  }
}

/** Results in reading order: failures and every non-confirmed verdict first, catalogue order within a rank. */
export function glanceOrder<T extends { status: string; verdict: string }>(results: readonly T[]): T[] {
  return results
    .map((r, i) => [r, i] as const)
    .sort((a, b) => glanceRank(a[0]) - glanceRank(b[0]) || a[1] - b[1])
    .map(([r]) => r);
}

/** Indices of the columns of a table that have a non-empty cell in some row. */
export function nonEmptyColumns(rows: readonly (readonly string[])[], width: number): number[] {
  return Array.from({ length: width }, (_, i) => i).filter((i) => rows.some((r) => (r[i] ?? '').trim() !== ''));
}
