/**
 * The reference report: a full-scale run (usually `--budget thorough`) committed with the
 * commit and machine it was measured on. A run's results are annotated with the reference's
 * verdict of the same claim, so a miniature's verdict is never read without the full-scale one
 * beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report, ReferenceMeta } from '../runner/result.ts';
import { packageRoot } from '../core/modules.ts';
import { loadReport } from './load.ts';

/** Where the package's own reference report lives (relative to the package root). */
export const BUILT_IN_REFERENCE = 'reports/reference/report.json';

/** A loaded reference and how to name it in reports. */
export interface Reference {
  report: Report;
  /** The file as the user gave it, or `built-in`. */
  label: string;
  /** A line on the machine and its load, when the reference directory's machine.txt has one. */
  machine?: string;
}

/** The package's own reference report, or null when this installation has none. */
export function builtInReference(): Reference | null {
  const file = join(packageRoot(), BUILT_IN_REFERENCE);
  if (!existsSync(file)) return null;
  return { report: loadReport(file), label: 'built-in', machine: machineLine(file) };
}

/** A reference report given by the user (a report.json or its directory); errors name the file. */
export function userReference(file: string): Reference {
  const report = loadReport(file);
  const json = /\.json$/i.test(file) ? file : join(file, 'report.json');
  return { report, label: file, machine: machineLine(json) };
}

/** The first line of machine.txt beside the reference's report.json (machine and load during the run). */
function machineLine(reportFile: string): string | undefined {
  const m = join(dirname(reportFile), 'machine.txt');
  if (!existsSync(m)) return undefined;
  const line = readFileSync(m, 'utf8').split('\n')[0]!.trim();
  return line || undefined;
}

/**
 * The report with each result's `reference` set from the reference's result of the same id,
 * and `meta.reference` naming the reference. Results the reference does not hold are left as they are;
 * a report sharing no claim with the reference is returned unchanged.
 */
export function attachReference(report: Report, ref: Reference): Report {
  const byId = new Map(ref.report.results.map((r) => [r.id, r]));
  if (!report.results.some((r) => byId.has(r.id))) return report;
  const rm = ref.report.meta;
  const meta: ReferenceMeta = { file: ref.label, gitCommit: rm.gitCommit, budget: rm.budget, measuredOn: rm.startedAt.slice(0, 10) };
  if (ref.machine) meta.machine = ref.machine;
  return {
    ...report,
    meta: { ...report.meta, reference: meta },
    results: report.results.map((r) => {
      const x = byId.get(r.id);
      if (!x) return r;
      return { ...r, reference: { verdict: x.verdict, status: x.status, budget: rm.budget, scale: x.scale, gitCommit: rm.gitCommit } };
    }),
  };
}
