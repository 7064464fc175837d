/** `theorycheck compare <baseline> <candidate> [--thresholds file] [--json] [--out DIR [--force]]`. */
import { join } from 'node:path';
import type { Claim } from '../claims/claim.ts';
import { checkOutDir, writeFileAtomic } from '../report/atomic.ts';
import { metricsLookup, refuseOverwrite } from './verify-extras.ts';
import { compareReports, compareToJson, compareToMarkdown } from '../compare/compare.ts';
import { loadReport } from '../report/load.ts';
import { DEFAULT_THRESHOLDS, loadThresholds } from '../compare/thresholds.ts';

export interface CompareCommandOptions {
  thresholds?: string;
  json?: boolean;
  out?: string;
  force?: boolean;
}

/** Compare two report files; prints Markdown (or JSON); returns 1 on any regression. */
export function compareCommand(
  baselineFile: string,
  candidateFile: string,
  opts: CompareCommandOptions,
  io: { stdout: { write(s: string): unknown } },
  claims: readonly Claim[] = [],
): number {
  const baseline = loadReport(baselineFile);
  const candidate = loadReport(candidateFile);
  const thresholds = opts.thresholds ? loadThresholds(opts.thresholds) : DEFAULT_THRESHOLDS;
  if (opts.out) {
    checkOutDir(opts.out, '--out', false);
    refuseOverwrite(join(opts.out, 'compare.md'), opts.force);
    refuseOverwrite(join(opts.out, 'compare.json'), opts.force);
  }
  const cmp = compareReports(baseline, candidate, { thresholds, metricsFor: metricsLookup(claims), baselineFile, candidateFile });
  const md = compareToMarkdown(cmp);
  const json = compareToJson(cmp);
  if (opts.out) {
    writeFileAtomic(join(opts.out, 'compare.md'), md);
    writeFileAtomic(join(opts.out, 'compare.json'), json);
  }
  io.stdout.write(opts.json ? json : md);
  return cmp.regressed ? 1 : 0;
}
