/**
 * The parts of `theorycheck verify` added by issue 7, kept out of the CLI
 * module: shard selection (`--shard i/n [--shard-costs report.json]`), the
 * HTML report, `--save-counterexamples` and `--baseline` comparison.
 * Inputs are loaded before the run so a bad file fails fast (exit 2).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim, MetricSpec } from '../claims/claim.ts';
import type { Report } from '../runner/result.ts';
import { summarise } from '../runner/run-catalogue.ts';
import { UsageError } from '../core/errors.ts';
import { compareReports, compareToJson, compareToMarkdown } from '../compare/compare.ts';
import { loadReport } from '../compare/load.ts';
import { DEFAULT_THRESHOLDS, loadThresholds, type Thresholds } from '../compare/thresholds.ts';
import { costsFromReport, parseShard, shardIds, shardLabel } from '../shard/partition.ts';
import { writeFileAtomic } from './atomic.ts';
import { saveCounterexamples } from './fixtures.ts';
import { writeHtmlReport } from './html.ts';

/** The verify options this module reads. */
export interface VerifyExtraOptions {
  shard?: string;
  shardCosts?: string;
  baseline?: string;
  thresholds?: string;
  saveCounterexamples?: boolean;
  /** `--no-html` sets false. */
  html?: boolean;
  out: string;
}

/** What {@link prepareVerifyExtras} resolved. */
export interface PreparedExtras {
  ids: string[];
  shard: string | null;
  baseline: Report | null;
  thresholds: Thresholds;
}

/** Metric specs of the catalogue by id. */
export function metricsLookup(claims: readonly Claim[]): (id: string) => MetricSpec[] | undefined {
  const m = new Map(claims.map((c) => [c.id, c.metrics]));
  return (id) => m.get(id);
}

/** Before the run: restrict to the shard, load baseline and thresholds. */
export function prepareVerifyExtras(opts: VerifyExtraOptions, ids: string[]): PreparedExtras {
  if (opts.thresholds && !opts.baseline) throw new UsageError('--thresholds needs --baseline <report.json>');
  if (opts.shardCosts && !opts.shard) throw new UsageError('--shard-costs needs --shard i/n');
  let shard: string | null = null;
  let selected = ids;
  if (opts.shard !== undefined) {
    const s = parseShard(opts.shard);
    const costs = opts.shardCosts ? costsFromReport(loadReport(opts.shardCosts)) : undefined;
    selected = shardIds(ids, s, costs);
    shard = shardLabel(s);
  }
  return {
    ids: selected,
    shard,
    baseline: opts.baseline ? loadReport(opts.baseline) : null,
    thresholds: opts.thresholds ? loadThresholds(opts.thresholds) : DEFAULT_THRESHOLDS,
  };
}

/** After the reports are written: HTML, fixtures, baseline comparison. Returns 1 on a regression, else 0. */
export async function finishVerifyExtras(
  report: Report,
  opts: VerifyExtraOptions,
  prepared: PreparedExtras,
  claims: readonly Claim[],
  log: (s: string) => void,
): Promise<number> {
  if (opts.html !== false) log(`html report: ${await writeHtmlReport(report, opts.out)}\n`);
  if (opts.saveCounterexamples) {
    const saved = saveCounterexamples(report, claims);
    for (const s of saved) log(`counterexample of ${s.id}: ${s.action} ${s.file}${s.reason ? ` (${s.reason})` : ''}\n`);
    if (saved.length === 0) log('no failing claim: no counterexample saved\n');
  }
  if (!prepared.baseline) return 0;
  // Compare only the claims this run selected (a baseline of the whole catalogue is fine for `--only`/`--shard`).
  const selected = new Set(prepared.ids);
  const baseResults = prepared.baseline.results.filter((r) => selected.has(r.id));
  const outside = prepared.baseline.results.length - baseResults.length;
  if (outside > 0) log(`baseline: ${outside} claim(s) outside this run's selection not compared\n`);
  const baseline = { ...prepared.baseline, results: baseResults, summary: summarise(baseResults) };
  const cmp = compareReports(baseline, report, {
    thresholds: prepared.thresholds,
    metricsFor: metricsLookup(claims),
    baselineFile: opts.baseline,
    candidateFile: join(opts.out, 'report.json'),
  });
  const md = compareToMarkdown(cmp);
  writeFileAtomic(join(opts.out, 'compare.md'), md);
  writeFileAtomic(join(opts.out, 'compare.json'), compareToJson(cmp));
  log('\n' + md);
  return cmp.regressed ? 1 : 0;
}

/** Refuse to overwrite `file` unless `force`. */
export function refuseOverwrite(file: string, force: boolean | undefined): void {
  if (!force && existsSync(file)) throw new UsageError(`${file} exists; refusing to overwrite it (pass --force)`);
}
