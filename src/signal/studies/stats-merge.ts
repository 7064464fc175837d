/**
 * The §5.2 study assembled from parts that ran different σ levels (separate processes or machines, or a run
 * resumed σ by σ). Every (σ, instance) unit of the protocol depends only on the setting, σ and the instance
 * (its signals are seeded by them), so a part is exactly the single run's slice at its σ levels; the merge
 * concatenates the parts in ascending σ and recomputes every aggregate from the records and the raw training
 * times in the single run's order, so the result equals the single run's, timings included.
 */
import { InvalidArgumentError } from '../../core/errors.ts';
import { STATS_METHODS } from './stats-estimators.ts';
import { quantile, statsSeries, statsTable, type SolveStats, type StatsStudy } from './stats-study.ts';

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
  // one slice per σ level, ascending
  const slices = parts
    .flatMap((p) => p.setting.sigmas.map((sigma, i) => ({ p, sigma, i })))
    .sort((a, b) => a.sigma - b.sigma);
  const methods = STATS_METHODS.filter((m) => m in parts[0].training);
  const training: Record<string, SolveStats> = {};
  const trainingMsBySigma: Record<string, number[]> = {};
  const trainingTimesMs: Record<string, number[][]> = {};
  for (const m of methods) {
    training[m] = { solves: 0, meanMs: 0, meanRounds: 0 };
    trainingMsBySigma[m] = [];
    trainingTimesMs[m] = [];
  }
  for (const { p, i } of slices) {
    for (const m of methods) {
      const times = p.trainingTimesMs[m][i];
      const t = training[m];
      const before = t.meanMs;
      for (const ms of times) t.meanMs += ms; // the single run's running sum, in its order
      t.solves += times.length;
      trainingMsBySigma[m].push((t.meanMs - before) / Math.max(1, times.length));
      trainingTimesMs[m].push([...times]);
    }
  }
  // rounds: each part's mean times its solves is an integer sum of rounds
  for (const m of methods) {
    let rounds = 0;
    for (const p of parts) rounds += Math.round(p.training[m].meanRounds * p.training[m].solves);
    const t = training[m];
    if (t.solves) {
      t.meanMs /= t.solves;
      t.meanRounds = rounds / t.solves;
    }
  }
  const trainingMedianMsBySigma: Record<string, number[]> = {};
  const trainingMedianMs: Record<string, number> = {};
  for (const m of methods) {
    trainingMedianMsBySigma[m] = trainingTimesMs[m].map((t) => quantile([...t].sort((a, b) => a - b), 0.5));
    trainingMedianMs[m] = quantile(trainingTimesMs[m].flat().sort((a, b) => a - b), 0.5);
  }
  const records = slices.flatMap(({ p, sigma }) => p.records.filter((r) => r.sigma === sigma));
  const table = statsTable(records);
  const figure = parts.find((p) => p.figure !== undefined)?.figure;
  const setting = { ...parts[0].setting, sigmas: slices.map((s) => s.sigma) };
  return { setting, records, table, training, trainingMsBySigma, trainingMedianMsBySigma, trainingMedianMs, trainingTimesMs, ...(figure ? { figure } : {}), series: statsSeries(table, records, figure) };
}
