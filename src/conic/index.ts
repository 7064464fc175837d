/**
 * The conic quadratic interior-point solver: modelling layer (model.ts),
 * standard-form solver (solver.ts), sparse LDLᵀ (ldl.ts), cones (cones.ts).
 */
export { ConicModel, type ConicSolver, type Affine, type ModelResult, type Term, type Var, type VarBlock } from './model.ts';
export {
  solveConic, validateProblem, type Certificate, type ConeSpec, type ConicProblem, type ConicSolution, type Farkas,
  type SolveStatus, type SolverOptions,
} from './solver.ts';
export { cscFromTriplets, type CscMatrix } from './sparse.ts';
export * from './verify.ts';
