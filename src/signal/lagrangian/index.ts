/** The tailored Lagrangian decomposition of AGH21 §4.3 (see method.ts). */
export * from './segments.ts';
export * from './method.ts';
export * from './pool.ts';
export { solveChainBlock, type ChainRelaxation } from './chain-qp.ts';
export { getSegmentSolver, SEGMENT_SOLVERS, type SegmentSolverName } from './solvers.ts';
