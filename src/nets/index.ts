/**
 * `theorycheck/nets` — Dinh & Xin: the one-hidden-layer no-overlap CNN with
 * ReLU or binarized activation, its population losses and gradients, Monte
 * Carlo estimates, RVSM and RVSCGD.
 */
export * from './model.ts';
export * from './monte-carlo.ts';
export * from './splitting.ts';
export * from './teacher.ts';
export * from './tradeoff.ts';
