/**
 * `theorycheck/prox` — proximal maps of the ℓ1, ℓ0 and transformed-ℓ1 penalties
 * (Dinh & Xin's RVSM u-step) and their brute-force reference.
 */
export * from './prox.ts';
export { bruteForceProx, numericalThreshold, goldenSection, type BruteForceMin } from './brute-force.ts';
