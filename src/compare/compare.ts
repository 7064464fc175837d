/**
 * Regression comparison of two reports (`theorycheck compare`): per claim the
 * status change and the deltas of its metrics, each classified improved /
 * unchanged / regressed under the thresholds (./thresholds.ts).
 *
 * Metrics of a claim:
 * - declared metrics (`Claim.metrics`: name, direction, unit): the measured
 *   value of the worst comparison with that quantity, else `values[name]`;
 * - the slack of every worst comparison (higher is better: the bound's margin);
 * - the claim's wall time (lower is better; relative, with a noise allowance).
 */
import { mdCode, mdText } from '../report/md-escape.ts';
import type { MetricSpec } from '../claims/claim.ts';
import type { ClaimResult, ClaimStatus, Report } from '../runner/result.ts';
import { fmt } from '../report/format.ts';
import { DEFAULT_THRESHOLDS, ruleFor, timeRuleFor, type Rule, type Thresholds } from './thresholds.ts';

export type Classification = 'improved' | 'unchanged' | 'regressed';

/** One metric's change. */
export interface MetricDelta {
  name: string;
  source: 'declared' | 'slack' | 'time';
  direction: MetricSpec['direction'];
  unit?: string;
  baseline: number | null;
  candidate: number | null;
  /** candidate − baseline. */
  delta: number | null;
  /** candidate / baseline (null when undefined). */
  ratio: number | null;
  classification: Classification;
  /** The rule that decided, in words. */
  rule: string;
}

/** One claim's comparison. */
export interface ClaimComparison {
  id: string;
  /** Status in each report (null when the claim is absent). */
  baseline: ClaimStatus | null;
  candidate: ClaimStatus | null;
  statusChange: 'improved' | 'unchanged' | 'regressed' | 'added' | 'removed';
  metrics: MetricDelta[];
  classification: Classification;
  notes: string[];
}

/** The whole comparison. */
export interface CompareResult {
  baseline: { file: string; version: string; gitCommit: string | null; seed: number; budget: string };
  candidate: { file: string; version: string; gitCommit: string | null; seed: number; budget: string };
  thresholds: Thresholds;
  claims: ClaimComparison[];
  summary: { regressed: number; improved: number; unchanged: number; added: number; removed: number };
  /** Whether any claim regressed (exit code 1). */
  regressed: boolean;
  warnings: string[];
}

/** Options of {@link compareReports}. */
export interface CompareOptions {
  thresholds?: Thresholds;
  /** Declared metrics of a claim (from the catalogue); a result's own `metrics` field wins. */
  metricsFor?: (id: string) => MetricSpec[] | undefined;
  baselineFile?: string;
  candidateFile?: string;
}

const isNum = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);

/** Classify a metric change under a rule (d oriented so that positive is better). */
export function classifyChange(baseline: number, candidate: number, direction: MetricSpec['direction'], rule: Rule): Classification {
  if (candidate === baseline) return 'unchanged';
  const d = direction === 'higher-is-better' ? candidate - baseline : baseline - candidate;
  if (Number.isNaN(d)) return 'unchanged';
  const scale = Number.isFinite(baseline) ? Math.abs(baseline) : 0;
  const margin = Math.max(rule.absolute, rule.relative * scale);
  if (d > margin) return 'improved';
  if (d < -margin) return 'regressed';
  return 'unchanged';
}

function declaredValue(r: ClaimResult, name: string): number | null {
  const c = r.worst.find((w) => w.quantity === name);
  if (c && isNum(c.measured)) return c.measured;
  const v = r.values?.[name];
  return isNum(v) ? v : null;
}

function metricDelta(
  name: string,
  source: MetricDelta['source'],
  direction: MetricSpec['direction'],
  b: number | null,
  c: number | null,
  rule: Rule,
  unit?: string,
): MetricDelta {
  const both = b !== null && c !== null;
  const classification = both && !rule.ignore ? classifyChange(b, c, direction, rule) : 'unchanged';
  return {
    name,
    source,
    direction,
    unit,
    baseline: b,
    candidate: c,
    delta: both ? c - b : null,
    ratio: both && b !== 0 ? c / b : null,
    classification,
    rule: rule.ignore ? 'ignored' : both ? `±max(${fmt(rule.absolute)}, ${fmt(rule.relative * 100)}% of baseline)` : 'missing on one side',
  };
}

function timeDelta(b: ClaimResult, c: ClaimResult, t: Thresholds): MetricDelta {
  const rule = timeRuleFor(t, b.id);
  const bt = b.timeMs;
  const ct = c.timeMs;
  let cls: Classification = 'unchanged';
  if (!rule.ignore && isNum(bt) && isNum(ct)) {
    if (ct - bt > rule.noiseMs && ct > bt * (1 + rule.relative)) cls = 'regressed';
    else if (bt - ct > rule.noiseMs && bt > ct * (1 + rule.relative)) cls = 'improved';
  }
  return {
    name: 'time',
    source: 'time',
    direction: 'lower-is-better',
    unit: 'ms',
    baseline: bt,
    candidate: ct,
    delta: ct - bt,
    ratio: bt > 0 ? ct / bt : null,
    classification: cls,
    rule: rule.ignore ? 'ignored' : `ratio > ${fmt(1 + rule.relative)} and Δ > ${fmt(rule.noiseMs)} ms`,
  };
}

const BAD: ReadonlySet<ClaimStatus> = new Set(['fail', 'error', 'timeout']);

function compareClaim(b: ClaimResult, c: ClaimResult, t: Thresholds, metricsFor?: CompareOptions['metricsFor']): ClaimComparison {
  const notes: string[] = [];
  let statusChange: ClaimComparison['statusChange'] = 'unchanged';
  if (b.status === 'pass' && BAD.has(c.status)) statusChange = 'regressed';
  else if (BAD.has(b.status) && c.status === 'pass') statusChange = 'improved';
  else if (b.status !== c.status) notes.push(`status ${b.status} → ${c.status}`);
  if (b.verdict !== c.verdict) notes.push(`verdict ${b.verdict} → ${c.verdict}`);
  if (b.seed !== c.seed) notes.push(`claim seeds differ (${b.seed} vs ${c.seed}): instances differ, slack deltas are indicative only`);

  const metrics: MetricDelta[] = [];
  const declared: MetricSpec[] = (c as ClaimResult & { metrics?: MetricSpec[] }).metrics ?? metricsFor?.(b.id) ?? [];
  for (const m of declared) {
    metrics.push(metricDelta(m.name, 'declared', m.direction, declaredValue(b, m.name), declaredValue(c, m.name), ruleFor(t, b.id, 'metric', m.name), m.unit));
  }
  // Slack is comparable only when both runs passed (a failure's slack is at the counterexample).
  if (b.status === 'pass' && c.status === 'pass') {
    for (const w of b.worst) {
      const cw = c.worst.find((x) => x.quantity === w.quantity);
      if (!cw) {
        notes.push(`comparison "${w.quantity}" missing from the candidate`);
        continue;
      }
      if (w.relation === '==') continue; // exact equalities: slack is always 0 when they pass
      metrics.push(metricDelta(`slack: ${w.quantity}`, 'slack', 'higher-is-better', w.slack, cw.slack, ruleFor(t, b.id, 'slack', `slack: ${w.quantity}`), w.unit));
    }
  }
  metrics.push(timeDelta(b, c, t));

  const anyRegressed = statusChange === 'regressed' || metrics.some((m) => m.classification === 'regressed');
  const anyImproved = statusChange === 'improved' || metrics.some((m) => m.classification === 'improved');
  return {
    id: b.id,
    baseline: b.status,
    candidate: c.status,
    statusChange,
    metrics,
    classification: anyRegressed ? 'regressed' : anyImproved ? 'improved' : 'unchanged',
    notes,
  };
}

/** Compare a candidate report to a baseline. */
export function compareReports(baseline: Report, candidate: Report, opts: CompareOptions = {}): CompareResult {
  const t = opts.thresholds ?? DEFAULT_THRESHOLDS;
  const warnings: string[] = [];
  const bm = baseline.meta;
  const cm = candidate.meta;
  if (bm.seed !== cm.seed) warnings.push(`different root seeds (baseline ${bm.seed}, candidate ${cm.seed}): instances differ, metric deltas mix solver and sampling changes`);
  if (bm.budget !== cm.budget || bm.runsOverride !== cm.runsOverride) {
    warnings.push(`different budgets (baseline ${bm.budget}${bm.runsOverride ? `/${bm.runsOverride} runs` : ''}, candidate ${cm.budget}${cm.runsOverride ? `/${cm.runsOverride} runs` : ''})`);
  }
  const cById = new Map(candidate.results.map((r) => [r.id, r]));
  const bIds = new Set(baseline.results.map((r) => r.id));
  const claims: ClaimComparison[] = [];
  for (const b of baseline.results) {
    const c = cById.get(b.id);
    if (c) {
      claims.push(compareClaim(b, c, t, opts.metricsFor));
    } else {
      claims.push({
        id: b.id,
        baseline: b.status,
        candidate: null,
        statusChange: 'removed',
        metrics: [],
        classification: t.missing === 'regressed' ? 'regressed' : 'unchanged',
        notes: [t.missing === 'regressed' ? 'absent from the candidate (counted as a regression; set "missing": "ignore" to allow)' : 'absent from the candidate'],
      });
    }
  }
  for (const c of candidate.results) {
    if (bIds.has(c.id)) continue;
    claims.push({
      id: c.id,
      baseline: null,
      candidate: c.status,
      statusChange: 'added',
      metrics: [],
      classification: c.status === 'pass' ? 'unchanged' : 'regressed',
      notes: [c.status === 'pass' ? 'new claim' : `new claim, ${c.status}`],
    });
  }
  const summary = { regressed: 0, improved: 0, unchanged: 0, added: 0, removed: 0 };
  for (const cl of claims) {
    summary[cl.classification]++;
    if (cl.statusChange === 'added') summary.added++;
    if (cl.statusChange === 'removed') summary.removed++;
  }
  const side = (r: Report, file: string) => ({ file, version: r.meta.version, gitCommit: r.meta.gitCommit, seed: r.meta.seed, budget: r.meta.budget });
  return {
    baseline: side(baseline, opts.baselineFile ?? 'baseline'),
    candidate: side(candidate, opts.candidateFile ?? 'candidate'),
    thresholds: t,
    claims,
    summary,
    regressed: summary.regressed > 0,
    warnings,
  };
}

/** The comparison as JSON text. Non-finite numbers as strings, like the report. */
export function compareToJson(c: CompareResult): string {
  return JSON.stringify(c, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n';
}

const ICON: Record<Classification, string> = { regressed: '🔴 regressed', improved: '🟢 improved', unchanged: 'unchanged' };
const cell = mdText;
const num = (x: number | null): string => (x === null ? '—' : fmt(x));

/** The comparison as Markdown (suitable for a CI job summary). */
export function compareToMarkdown(c: CompareResult): string {
  const s = c.summary;
  const lines: string[] = ['# theorycheck compare', ''];
  const side = (x: CompareResult['baseline']): string =>
    `${mdCode(x.file)} (${mdText(x.version)}, ${mdText(x.gitCommit?.slice(0, 10) ?? 'n/a')}, seed ${x.seed}, ${mdText(x.budget)})`;
  lines.push(`Baseline ${side(c.baseline)} → candidate ${side(c.candidate)}.`);
  lines.push('');
  lines.push(`**${c.regressed ? 'REGRESSION' : 'no regression'}**: ${s.regressed} regressed, ${s.improved} improved, ${s.unchanged} unchanged (${s.added} added, ${s.removed} removed).`);
  for (const w of c.warnings) lines.push('', `> ⚠ ${mdText(w)}`);
  lines.push('', '| claim | status | result | changed metrics |', '|---|---|---|---|');
  for (const cl of c.claims) {
    const changed = cl.metrics.filter((m) => m.classification !== 'unchanged').map((m) => `${m.name} ${num(m.baseline)} → ${num(m.candidate)} (${m.classification})`);
    lines.push(`| ${mdCode(cl.id)} | ${cell(cl.baseline ?? '—')} → ${cell(cl.candidate ?? '—')} | ${ICON[cl.classification]} | ${cell([...changed, ...cl.notes].join('; ') || '—')} |`);
  }
  const detailed = c.claims.filter((cl) => cl.classification !== 'unchanged' && cl.metrics.length);
  if (detailed.length) {
    lines.push('', '## Metric deltas');
    for (const cl of detailed) {
      lines.push('', `### ${mdCode(cl.id)} — ${cl.classification}`, '', '| metric | direction | baseline | candidate | Δ | ratio | result | rule |', '|---|---|---|---|---|---|---|---|');
      for (const m of cl.metrics) {
        lines.push(`| ${cell(m.name)}${m.unit ? ` (${cell(m.unit)})` : ''} | ${cell(m.direction)} | ${num(m.baseline)} | ${num(m.candidate)} | ${num(m.delta)} | ${num(m.ratio)} | ${m.classification} | ${cell(m.rule)} |`);
      }
    }
  }
  lines.push('');
  return lines.join('\n');
}
