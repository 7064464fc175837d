/**
 * Read a report.json from disk and validate it against the report schema
 * (zod), so compare and merge fail with one clear line naming the file and
 * the problem: missing, truncated or corrupt JSON, not a theorycheck report,
 * a different schema version, or a malformed record.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TheorycheckError } from '../core/errors.ts';
import { VERDICTS, type Verdict } from '../claims/claim.ts';
import type { Report } from '../runner/result.ts';
import { SCHEMA_VERSION } from '../runner/run-catalogue.ts';

/** A report file could not be used; the message starts with the file name. */
export class ReportFileError extends TheorycheckError {
  override name = 'ReportFileError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

/** Numbers as written by the JSON reporter: non-finite values are the strings "Infinity", "-Infinity", "NaN". */
const num = z.union([z.number(), z.enum(['Infinity', '-Infinity', 'NaN']).transform((s) => Number(s))]);
const comparison = z.looseObject({
  quantity: z.string(),
  measured: num,
  relation: z.enum(['<=', '>=', '==']),
  claimed: num,
  unit: z.string().optional(),
  pass: z.boolean(),
  slack: num,
});
const series = z.looseObject({
  title: z.string(),
  mark: z.enum(['line', 'point', 'bar']),
  x: z.string(),
  y: z.string(),
  logX: z.boolean().optional(),
  logY: z.boolean().optional(),
  points: z.array(z.looseObject({ x: num, y: num, group: z.string().optional() })),
});
const result = z.looseObject({
  id: z.string().min(1),
  paper: z.string(),
  location: z.string(),
  title: z.string(),
  statement: z.string(),
  tex: z.string().optional(),
  hypotheses: z.array(z.string()),
  kind: z.enum(['identity', 'bound', 'convergence', 'statistical', 'published-number']),
  provenance: z.enum(['paper', 'abstract', 'secondary', 'derived', 'unverified', 'misprint', 'ours']),
  source: z.string().optional(),
  verdict: z.enum(VERDICTS as [Verdict, ...Verdict[]]),
  asserts: z.enum(['statement', 'misprint', 'counterevidence']),
  onFailure: z.enum(['refuted', 'not-reproduced']),
  scale: z
    .looseObject({ paper: z.record(z.string(), num).nullable(), run: z.record(z.string(), num).nullable(), full: z.boolean() }),
  published: z
    .array(
      z.looseObject({
        key: z.string(), quantity: z.string(), source: z.string(), paper: num, ours: num, absDiff: num, relDiff: num,
        tolerance: num, relativeTolerance: z.boolean(), reason: z.string(), printed: z.enum(['correct', 'misprint']), within: z.boolean(),
      }),
    ),
  tolerance: z.looseObject({ value: num, reason: z.string() }),
  status: z.enum(['pass', 'fail', 'error', 'timeout']),
  seed: z.number().int(),
  runs: z.number().int(),
  runsExecuted: z.number().int(),
  worst: z.array(comparison),
  series: z.array(series),
  values: z.record(z.string(), z.union([num, z.string(), z.boolean()])),
  timings: z.record(z.string(), num).optional(),
  counterexample: z
    .looseObject({
      seed: z.number().int(),
      path: z.string(),
      instance: z.unknown(),
      runSeed: z.number().int(),
      comparisons: z.array(comparison),
      shrinks: z.number().int(),
      replay: z.string(),
    })
    .optional(),
  error: z.string().optional(),
  reference: z
    .looseObject({
      verdict: z.enum(VERDICTS as [Verdict, ...Verdict[]]),
      status: z.enum(['pass', 'fail', 'error', 'timeout']),
      budget: z.enum(['quick', 'default', 'thorough']),
      scale: z.looseObject({ paper: z.record(z.string(), num).nullable(), run: z.record(z.string(), num).nullable(), full: z.boolean() }),
      gitCommit: z.string().nullable(),
    })
    .optional(),
  timeMs: num,
});
const meta = z.looseObject({
  tool: z.literal('theorycheck'),
  version: z.string(),
  schemaVersion: z.number().int(),
  gitCommit: z.string().nullable(),
  node: z.string(),
  platform: z.string(),
  seed: z.number().int(),
  budget: z.enum(['quick', 'default', 'thorough']),
  runsOverride: z.number().int().nullable(),
  selection: z.array(z.string()),
  shard: z.string().nullable(),
  papers: z.record(z.string(), z.string()).optional(),
  reference: z
    .looseObject({ file: z.string(), gitCommit: z.string().nullable(), budget: z.enum(['quick', 'default', 'thorough']), measuredOn: z.string(), machine: z.string().optional() })
    .optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  timeMs: num,
});
const count = z.number().int().min(0);
/** zod schema of a report (schema version {@link SCHEMA_VERSION}). */
export const reportSchema = z.looseObject({
  meta,
  summary: z.looseObject({ total: count, pass: count, fail: count, error: count, timeout: count, verdicts: z.record(z.string(), count) }),
  results: z.array(result),
});

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const at = issue.path.length ? issue.path.map(String).join('.') : '(root)';
  // Name the claim when the problem is inside a result.
  let claim = '';
  if (issue.path[0] === 'results' && typeof issue.path[1] === 'number') {
    const id = (data as { results?: { id?: unknown }[] }).results?.[issue.path[1]]?.id;
    if (typeof id === 'string') claim = ` (claim ${id})`;
  }
  return `${at}${claim}: ${issue.message}`;
}

/** Validate parsed JSON as a report; `file` names it in errors. */
export function parseReport(data: unknown, file: string): Report {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ReportFileError(file, 'not a theorycheck report (expected a JSON object with meta, summary, results)');
  const m = (data as { meta?: { tool?: unknown; schemaVersion?: unknown } }).meta;
  if (!m || typeof m !== 'object' || m.tool !== 'theorycheck') throw new ReportFileError(file, 'not a theorycheck report (meta.tool is not "theorycheck")');
  if (m.schemaVersion !== SCHEMA_VERSION) {
    throw new ReportFileError(file, `report schema version ${JSON.stringify(m.schemaVersion)}, this theorycheck reads version ${SCHEMA_VERSION}; re-run verify with the same theorycheck version`);
  }
  const parsed = reportSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    throw new ReportFileError(file, `malformed report: ${issues.slice(0, 3).map((i) => describeIssue(i, data)).join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`);
  }
  const report = parsed.data as unknown as Report;
  const counted = { total: report.results.length, pass: 0, fail: 0, error: 0, timeout: 0 };
  for (const r of report.results) counted[r.status]++;
  for (const k of ['total', 'pass', 'fail', 'error', 'timeout'] as const) {
    if (report.summary[k] !== counted[k]) throw new ReportFileError(file, `summary.${k} is ${report.summary[k]} but the results count ${counted[k]} (edited or truncated?)`);
  }
  const seen = new Set<string>();
  for (const r of report.results) {
    if (seen.has(r.id)) throw new ReportFileError(file, `claim ${r.id} appears twice`);
    seen.add(r.id);
  }
  return report;
}

/** Parse report text; `file` names it in errors. */
export function parseReportText(text: string, file: string): Report {
  if (text.trim() === '') throw new ReportFileError(file, 'empty file (truncated?)');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReportFileError(file, `not valid JSON (truncated or corrupt?): ${(e as Error).message}`);
  }
  return parseReport(data, file);
}

/** Read and validate a report file. A directory means its report.json. */
export function loadReport(file: string): Report {
  let path = file;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') {
      path = `${file.replace(/\/+$/, '')}/report.json`;
      try {
        text = readFileSync(path, 'utf8');
      } catch (e2) {
        throw new ReportFileError(path, `cannot read: ${(e2 as NodeJS.ErrnoException).code ?? (e2 as Error).message}`);
      }
    } else {
      throw new ReportFileError(file, code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? (e as Error).message}`);
    }
  }
  return parseReportText(text, path);
}
