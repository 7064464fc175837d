/**
 * The §5.2 study assembled from parts that ran different σ levels (separate processes or machines, or a run
 * resumed σ by σ). Every (σ, instance) unit of the protocol depends only on the setting, σ and the instance
 * (its signals are seeded by them), so a part is exactly the single run's slice at its σ levels; the merge
 * concatenates the parts in ascending σ and recomputes every aggregate from the records and the raw training
 * times with the single run's own assembly ({@link assembleStudy}), so the result equals the single run's,
 * timings included.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { STATS_METHODS } from './stats-estimators.ts';
import { assembleStudy, type SigmaSlice, type StatsStudy } from './stats-study.ts';

/** The setting without its σ levels, as one comparable string. */
function settingKey(st: StatsStudy): string {
  const { sigmas: _sigmas, ...rest } = st.setting;
  return JSON.stringify(rest);
}

/** Check that the parts can form one study: the same setting apart from σ, disjoint σ levels, raw times present. */
function checkParts(parts: ReadonlyArray<StatsStudy>): void {
  if (!Array.isArray(parts) || parts.length === 0) throw new InvalidArgumentError('parts', parts, 'a non-empty array of studies');
  const key = settingKey(parts[0]);
  const seen = new Set<number>();
  parts.forEach((p, t) => {
    if (settingKey(p) !== key) throw new InvalidArgumentError(`parts[${t}].setting`, settingKey(p), `the setting of parts[0] apart from σ (${key})`);
    for (const s of p.setting.sigmas) {
      if (seen.has(s)) throw new InvalidArgumentError(`parts[${t}].setting.sigmas`, s, 'σ levels that no other part has');
      seen.add(s);
    }
    for (const m of Object.keys(p.training)) {
      const times = p.trainingTimesMs?.[m];
      if (!Array.isArray(times) || times.length !== p.setting.sigmas.length) {
        throw new InvalidArgumentError(`parts[${t}].trainingTimesMs.${m}`, times, 'the raw training times per σ level');
      }
    }
  });
  const methods = JSON.stringify(Object.keys(parts[0].training));
  parts.forEach((p, t) => {
    if (JSON.stringify(Object.keys(p.training)) !== methods) throw new InvalidArgumentError(`parts[${t}].training`, Object.keys(p.training), `the methods of parts[0] (${methods})`);
  });
  if (parts.filter((p) => p.figure !== undefined).length > 1) throw new InvalidArgumentError('parts', 'figures', 'at most one part with Figure 1\'s instance');
}

/**
 * One study from parts run at different σ levels of the same setting (see the module comment); σ levels in
 * ascending order, as the full protocol runs them.
 */
export function mergeStatsStudies(parts: ReadonlyArray<StatsStudy>): StatsStudy {
  checkParts(parts);
  const methods = STATS_METHODS.filter((m) => m in parts[0].training);
  // one slice per σ level, ascending
  const slices: SigmaSlice[] = parts
    .flatMap((p) => p.setting.sigmas.map((sigma, i) => ({
      sigma,
      records: p.records.filter((r) => r.sigma === sigma),
      trainingMs: Object.fromEntries(methods.map((m) => [m, p.trainingTimesMs[m][i]])),
    })))
    .sort((a, b) => a.sigma - b.sigma);
  // rounds: each part's mean times its solves is an integer sum of rounds
  const rounds: Record<string, number> = {};
  for (const m of methods) rounds[m] = parts.reduce((a, p) => a + Math.round(p.training[m].meanRounds * p.training[m].solves), 0);
  const figure = parts.find((p) => p.figure !== undefined)?.figure;
  return assembleStudy({ ...parts[0].setting, sigmas: slices.map((s) => s.sigma) }, methods, slices, rounds, figure);
}
