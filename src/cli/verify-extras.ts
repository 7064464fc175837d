/**
 * The parts of `theorycheck verify` beyond running claims (shards, baseline comparison, counterexample fixtures), kept out of the CLI
 * module: shard selection (`--shard i/n [--shard-costs report.json]`), the
 * HTML report, `--save-counterexamples` and `--baseline` comparison.
 * Inputs are loaded before the run so a bad file fails fast (exit 2).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Claim, MetricSpec } from '../claims/claim.ts';
import type { Report } from '../runner/result.ts';
import { summarise } from '../runner/run-catalogue.ts';
import { UsageError } from '../core/errors.ts';
import type { Reference } from '../report/reference.ts';
import type { Thresholds } from '../compare/thresholds.ts';
import { costsFromReport, parseShard, shardIds, shardLabel } from '../shard/partition.ts';
import { checkOutDir } from '../report/atomic.ts';
import { defaultFixtureDir, saveCounterexamples } from '../report/fixtures.ts';
import { COMPILED } from '../core/modules.ts';
import { reportSetFiles, writeReportSet, type WrittenReports } from '../report/write.ts';

/** The verify options this module reads. */
export interface VerifyExtraOptions {
  shard?: string;
  shardCosts?: string;
  baseline?: string;
  thresholds?: string;
  saveCounterexamples?: boolean;
  /** Where `--save-counterexamples` writes (`--fixtures`). */
  fixtures?: string;
  /** A user's catalogue module (`--catalogue`): fixtures then default to the user's project. */
  catalogue?: string;
  /** `--no-html` sets false. */
  html?: boolean;
  /** `--reference <report.json>`; `--no-reference` sets false; unset: the package's own reference for the built-in catalogue. */
  reference?: string | false;
  out: string;
}

/** What {@link prepareVerifyExtras} resolved. */
export interface PreparedExtras {
  ids: string[];
  shard: string | null;
  baseline: Report | null;
  /** With a baseline: `--thresholds`, else the defaults. */
  thresholds: Thresholds | null;
  /**
   * The reference whose full-scale verdicts annotate the results. A `--reference` file is read (and
   * refused) before the run; the package's own is read while the claims run (await it after the run).
   */
  reference: Promise<Reference | null>;
}

/** Metric specs of the catalogue by id. */
export function metricsLookup(claims: readonly Claim[]): (id: string) => MetricSpec[] | undefined {
  const m = new Map(claims.map((c) => [c.id, c.metrics]));
  return (id) => m.get(id);
}

/**
 * Before the run: restrict to the shard, load baseline and thresholds. Report reading and comparison
 * (zod schemas) are imported only when an option needs them, to keep a plain `verify` quick to start.
 */
export async function prepareVerifyExtras(opts: VerifyExtraOptions, ids: string[], studies?: ReadonlyMap<string, string>): Promise<PreparedExtras> {
  checkOutDir(opts.out);
  if (opts.thresholds && !opts.baseline) throw new UsageError('--thresholds needs --baseline <report.json>');
  if (opts.shardCosts && !opts.shard) throw new UsageError('--shard-costs needs --shard i/n');
  if (opts.saveCounterexamples) fixtureDirOf(opts);
  let shard: string | null = null;
  let selected = ids;
  if (opts.shard !== undefined) {
    const s = parseShard(opts.shard);
    const costs = opts.shardCosts ? costsFromReport((await import('../report/load.ts')).loadReport(opts.shardCosts)) : undefined;
    selected = shardIds(ids, s, costs, studies);
    shard = shardLabel(s);
  }
  const reference = referenceOf(opts);
  reference.catch(() => undefined); // handled where it is awaited; no unhandled rejection meanwhile
  if (typeof opts.reference === 'string') await reference;
  if (!opts.baseline) return { ids: selected, shard, baseline: null, thresholds: null, reference };
  const [{ loadReport }, { DEFAULT_THRESHOLDS, loadThresholds }] = await Promise.all([import('../report/load.ts'), import('../compare/thresholds.ts')]);
  return {
    ids: selected,
    shard,
    baseline: loadReport(opts.baseline),
    thresholds: opts.thresholds ? loadThresholds(opts.thresholds) : DEFAULT_THRESHOLDS,
    reference,
  };
}

/** `--reference FILE`, `--no-reference`, or by default the package's own reference (built-in catalogue only). */
async function referenceOf(opts: VerifyExtraOptions): Promise<Reference | null> {
  if (opts.reference === false) return null;
  if (typeof opts.reference === 'string') {
    if (!opts.reference.trim()) throw new UsageError('--reference needs a report.json (or its directory)');
    return (await import('../report/reference.ts')).userReference(opts.reference);
  }
  return opts.catalogue === undefined ? (await import('../report/reference.ts')).builtInReference() : null;
}

/** What {@link finishVerifyExtras} wrote. */
export interface FinishedVerify {
  /** 1 on a regression against the baseline, else 0. */
  code: number;
  written: WrittenReports;
  /** The comparison with the baseline as Markdown, when there is a baseline. */
  compareMarkdown?: string;
}

/**
 * After the run: build the whole report set (base reports, HTML, baseline
 * comparison), write it as one set into `opts.out`, then save fixtures.
 */
export async function finishVerifyExtras(
  report: Report,
  opts: VerifyExtraOptions,
  prepared: PreparedExtras,
  claims: readonly Claim[],
  log: (s: string) => void,
): Promise<FinishedVerify> {
  const files = await reportSetFiles(report, opts.html !== false);
  let compareMarkdown: string | undefined;
  let code = 0;
  if (prepared.baseline) {
    // Compare only the claims this run selected (a baseline of the whole catalogue is fine for `--only`/`--shard`).
    const selected = new Set(prepared.ids);
    const baseResults = prepared.baseline.results.filter((r) => selected.has(r.id));
    const outside = prepared.baseline.results.length - baseResults.length;
    if (outside > 0) log(`baseline: ${outside} claim(s) outside this run's selection not compared\n`);
    const baseline = { ...prepared.baseline, results: baseResults, summary: summarise(baseResults) };
    const { compareReports, compareToJson, compareToMarkdown } = await import('../compare/compare.ts');
    const cmp = compareReports(baseline, report, {
      thresholds: prepared.thresholds!,
      metricsFor: metricsLookup(claims),
      baselineFile: opts.baseline,
      candidateFile: join(opts.out, 'report.json'),
    });
    compareMarkdown = compareToMarkdown(cmp);
    files['compare.md'] = compareMarkdown;
    files['compare.json'] = compareToJson(cmp);
    code = cmp.regressed ? 1 : 0;
  }
  const written = writeReportSet(opts.out, files);
  if (opts.saveCounterexamples) {
    const saved = saveCounterexamples(report, claims, fixtureDirOf(opts));
    for (const s of saved) log(`counterexample of ${s.id}: ${s.action} ${s.file}${s.reason ? ` (${s.reason})` : ''}\n`);
    if (saved.length === 0) log('no failing claim: no counterexample saved\n');
  }
  return { code, written, compareMarkdown };
}

/**
 * The fixture directory of a run: `--fixtures`, else the checkout's
 * test/fixtures/counterexamples for the built-in catalogue run from source, else
 * ./theorycheck-fixtures in the user's project (never inside node_modules).
 */
export function fixtureDirOf(opts: Pick<VerifyExtraOptions, 'fixtures' | 'catalogue'>): string {
  if (opts.fixtures !== undefined) {
    if (!opts.fixtures.trim()) throw new UsageError('--fixtures needs a directory');
    return resolve(opts.fixtures);
  }
  return opts.catalogue !== undefined || COMPILED ? resolve('theorycheck-fixtures') : defaultFixtureDir();
}

/** Refuse to overwrite `file` unless `force`. */
export function refuseOverwrite(file: string, force: boolean | undefined): void {
  if (!force && existsSync(file)) throw new UsageError(`${file} exists; refusing to overwrite it (pass --force)`);
}
