/**
 * `theorycheck/signal` — Atamtürk, Gómez, Han (JMLR 2021): sparse and smooth
 * signal estimation. The problem (1)/(2), its exact solvers, the convex
 * relaxations (ℓ1, perspective, pairwise, decomp by Algorithm 1), the
 * Lagrangian decomposition of §4.3, the instance generator and the
 * accelerometer data of §5.1.
 */
export * from './model.ts';
export { generateSpikes, snr, runCount, type NoiseReading, type SpikeParams, type SpikeInstance } from './generator.ts';
export { thresholdHeuristic, thresholdRefit, heuristicGap, type HeuristicGap } from './heuristic.ts';
export { loadAccelerometer, parseAccelerometerCsv, DataFormatError, type AccelerometerSeries } from './accelerometer.ts';
export { bruteForce, type BruteForceResult } from './exact/brute-force.ts';
export { pathExactL0, pathExactCardinality, type PathDpOptions, type PathDpResult } from './exact/path-dp.ts';
export { pathExactCardinalityLarge, type CardinalityExactResult } from './exact/cardinality-exact.ts';
export { pathCardinalityBounds, type CardinalityBounds } from './exact/cardinality-lagrangian.ts';
export { l1Relaxation, perspRelaxation, pairwiseRelaxation, type RelaxationResult, type RelaxOptions } from './relax/relaxations.ts';
export { decompRelaxation, cuttingSurface, type DecompOptions, type DecompResult, type RoundRecord } from './relax/decomp.ts';
export * from './lagrangian/index.ts';
