/**
 * Thresholds of `theorycheck compare`, from a JSON file validated with zod.
 *
 * A metric change is classified from its signed improvement d (positive =
 * better, by the metric's direction): regressed if d < −max(absolute,
 * relative·|baseline|), improved if d > max(absolute, relative·|baseline|),
 * else unchanged. Time is relative with a noise allowance: regressed when
 * candidate/baseline > 1 + relative AND candidate − baseline > noiseMs.
 *
 * File format (every field optional):
 * {
 *   "time":   { "relative": 1, "noiseMs": 250, "ignore": false },
 *   "metric": { "relative": 0.05, "absolute": 1e-12 },          // declared metrics
 *   "slack":  { "relative": 0.25, "absolute": 1e-12, "ignore": false }, // slack of each comparison
 *   "missing": "regressed",                                        // a claim absent from the candidate
 *   "overrides": { "<id|prefix|glob>": { "time": {...}, "metric": {...}, "slack": {...},
 *                                          "metrics": { "<name>": { "relative": 0.1, "ignore": true } } } }
 * }
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { matches } from '../runner/select.ts';
import { ReportFileError } from '../report/load.ts';

const nonneg = z.number().finite().min(0);
const rule = z.strictObject({ relative: nonneg.optional(), absolute: nonneg.optional(), ignore: z.boolean().optional() });
const timeRule = z.strictObject({ relative: nonneg.optional(), noiseMs: nonneg.optional(), ignore: z.boolean().optional() });
const override = z.strictObject({
  time: timeRule.optional(),
  metric: rule.optional(),
  slack: rule.optional(),
  metrics: z.record(z.string(), rule).optional(),
});
/** zod schema of a thresholds file. */
export const thresholdsSchema = z.strictObject({
  time: timeRule.optional(),
  metric: rule.optional(),
  slack: rule.optional(),
  missing: z.enum(['regressed', 'ignore']).optional(),
  overrides: z.record(z.string().min(1, 'an override key must be a claim id, prefix or glob, not empty'), override).optional(),
});
export type ThresholdsInput = z.input<typeof thresholdsSchema>;

/** A resolved rule for one metric. */
export interface Rule {
  relative: number;
  absolute: number;
  ignore: boolean;
}
/** A resolved time rule. */
export interface TimeRule {
  relative: number;
  noiseMs: number;
  ignore: boolean;
}

/** Thresholds with defaults filled in. */
export interface Thresholds {
  time: TimeRule;
  metric: Rule;
  slack: Rule;
  missing: 'regressed' | 'ignore';
  overrides: Record<string, z.infer<typeof override>>;
}

/** Defaults: time 2× slower and > 250 ms (shared CI runners are noisy); declared metrics 5 %; slack 25 %. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  time: { relative: 1, noiseMs: 250, ignore: false },
  metric: { relative: 0.05, absolute: 1e-12, ignore: false },
  slack: { relative: 0.25, absolute: 1e-12, ignore: false },
  missing: 'regressed',
  overrides: {},
};

/** Validate thresholds data (file content); `file` names it in errors. */
export function parseThresholds(data: unknown, file = 'thresholds'): Thresholds {
  const parsed = thresholdsSchema.safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new ReportFileError(file, `invalid thresholds at ${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`);
  }
  const t = parsed.data;
  const d = DEFAULT_THRESHOLDS;
  return {
    time: { ...d.time, ...t.time },
    metric: { ...d.metric, ...t.metric },
    slack: { ...d.slack, ...t.slack },
    missing: t.missing ?? d.missing,
    overrides: t.overrides ?? {},
  };
}

/** Read and validate a thresholds JSON file. */
export function loadThresholds(file: string): Thresholds {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ReportFileError(file, code === 'ENOENT' ? 'no such file' : `cannot read: ${code}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ReportFileError(file, `not valid JSON: ${(e as Error).message}`);
  }
  return parseThresholds(data, file);
}

/** The overrides that apply to a claim, in file order (later ones win). */
function overridesFor(t: Thresholds, id: string): z.infer<typeof override>[] {
  return Object.entries(t.overrides)
    .filter(([pattern]) => matches(id, pattern))
    .map(([, o]) => o);
}

/** The time rule of a claim. */
export function timeRuleFor(t: Thresholds, id: string): TimeRule {
  return Object.assign({}, t.time, ...overridesFor(t, id).map((o) => o.time ?? {}));
}

/** The rule of a declared metric (`kind` metric) or of a comparison's slack (`kind` slack). */
export function ruleFor(t: Thresholds, id: string, kind: 'metric' | 'slack', name: string): Rule {
  const os = overridesFor(t, id);
  return Object.assign({}, kind === 'metric' ? t.metric : t.slack, ...os.map((o) => o[kind] ?? {}), ...os.map((o) => o.metrics?.[name] ?? {}));
}
