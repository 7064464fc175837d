/**
 * Two-layer ReLU networks trained to global optimality: Ergen & Pilanci (JMLR 2021)
 * and the finite convex program of Pilanci & Ergen (ICML 2020).
 *
 * ```ts
 * import { reluProblem, enumeratePatterns, solveWorkingSet, networkFromConvex } from './src/relu/index.ts';
 * const problem = reluProblem({ X, y, beta: 0.1 });            // X rows, targets, weight decay
 * const patterns = enumeratePatterns(problem.X, problem.n, problem.d); // every activation pattern
 * const res = solveWorkingSet(problem, patterns);               // or solveConicProgram / solveFirstOrder
 * res.certificate;   // { networkValue (upper bound on p*), dualValue (lower bound), dualCheck vs beta, relGap, ... }
 * const net = networkFromConvex(problem, patterns, res.solution); // u = v/√‖v‖, α = ±√‖v‖
 * ```
 */
export { reluProblem, withBiasColumn, type ReluProblem, type ReluProblemInput } from './problem.ts';
export {
  coverCount, coverUpperBound, enumeratePatterns, givenPatterns, MAX_ENUMERATION_WORK, maskKey, patternOf, patterns1dWithBias, samplePatterns,
  type PatternSet,
} from './arrangements.ts';
export { ConeProjector } from './cone.ts';
export {
  coneViolation, convexObjective, convexPrediction, dualCandidate, dualCheck, scaledDualValue, zeroSolution,
  type ConvexSolution, type DualCheck, type ReluCertificate,
} from './convex.ts';
export { certify } from './certificate.ts';
export { lipschitzConstant, solveFirstOrder, type FirstOrderOptions, type ReluSolveResult } from './first-order.ts';
export { solveConicProgram, type ConicProgramOptions } from './conic-program.ts';
export { solveWorkingSet, type WorkingSetOptions } from './working-set.ts';
export {
  certifyCuttingPlane, cuttingPlaneMaster, cuttingPlaneTraining, neuronColumns, spikeFreeCuts,
  type CuttingPlaneCertificate, type CuttingPlaneOptions, type CuttingPlaneResult, type SpikeFreeCuts,
} from './cutting-plane.ts';
export {
  convexFromNetwork, networkFromConvex, networkObjective, networkOutput, pathNormPenalty, rescaleNetwork, type ReluNetwork,
} from './network.ts';
export { trainNetwork, type TrainOptions, type TrainResult } from './nonconvex.ts';
export {
  knotCertificate, lassoCD, lassoValue, linearGroupLasso, projectSimplex, rampDictionary, vertexNeuron, whitenedClosedForm, type LassoOptions, type LinearGroupLasso, type VertexNeuron, type WhitenedSolution,
} from './closed-forms.ts';
export { appendix11, prop1Data, prop1OffKnot, prop1Spline, PROP1_VALUE } from './examples.ts';
export {
  certifyVectorNetwork, oneHot, outputProblem, separableNetwork, solveSeparable, vectorDualCheck, vectorNetworkObjective, vectorNetworkOutput, vectorProblem,
  vectorResidual, vectorScaledDual, whitenedOneHotNetwork,
  type SeparableOptions, type SeparableResult, type VectorCertificate, type VectorNetwork, type VectorProblem, type VectorProblemInput,
} from './vector.ts';
export { accuracy, trainVectorNetwork, type VectorTrainOptions, type VectorTrainResult } from './vector-train.ts';
export { lbfgs, type LbfgsOptions, type LbfgsResult, type ObjectiveWithGradient } from './lbfgs.ts';
export { adam, type AdamOptions } from './adam.ts';
export {
  FASHION_MNIST_DIR, IdxFormatError, loadFashionMnistSubsample, loadSplit, parseIdx, readIdxGz, whitenedStudyData,
  type IdxArray, type ImageSplit, type WhitenedData, type WhitenedDataOptions,
} from './fashion-mnist.ts';
export {
  FIGURE11_SCALES, allActivePlusSampled, runFigure11, runFigure11Trials, separableWithAllActive,
  type ConvexSide, type Figure11Result, type Figure11Scale, type Figure11Trials, type ModelFigures,
} from './figure11.ts';
