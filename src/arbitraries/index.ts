/**
 * `theorycheck/arbitraries` — fast-check arbitraries for the mathematical
 * objects of the catalogue (numbers, vectors, signal instances, conic
 * instances, network pairs), for users writing their own claims.
 */
export * from './numbers.ts';
export * from './prox.ts';
export * from './signal.ts';
export * from './signal-relax.ts';
export * from './signal-scale.ts';
export * from './conic.ts';
export * from './nets.ts';
