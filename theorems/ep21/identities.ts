/**
 * Identities that need no solver: Lemma 1's rescaling (Ergen & Pilanci, JMLR 2021)
 * and the map from the convex program's blocks to network weights (Pilanci &
 * Ergen, ICML 2020; the identity itself is derived in docs/claims/ep21.md#mapping).
 */
import { defineClaim, le, type Comparison } from '../../src/claims/claim.ts';
import { patternOf } from '../../src/relu/arrangements.ts';
import { type ConvexSolution, convexObjective, convexPrediction } from '../../src/relu/convex.ts';
import { type ReluNetwork, networkFromConvex, networkObjective, networkOutput, pathNormPenalty, rescaleNetwork } from '../../src/relu/network.ts';
import { reluProblem } from '../../src/relu/problem.ts';
import type { PatternSet } from '../../src/relu/arrangements.ts';
import type { ReluProblem } from '../../src/relu/problem.ts';
import { networkInstance } from '../../src/arbitraries/relu.ts';


/** Relative tolerance of the closed-form identities. */
const IDENTITY_RTOL = 1e-12;
const IDENTITY_REASON =
  'each side is a sum of at most n·m·d ≤ 600 products of O(1) numbers computed in float64; with the square roots of the ' +
  'rescaling the relative rounding error is ≤ ~(n·d + 10)·ε_mach ≈ 2e-14 in the worst case seen; 1e-12 leaves a margin of ~50 ' +
  'and is 10⁹ times smaller than the error of the wrong exponents the controls use';

function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
}

/** Lemma 1's rescaling under test. */
export interface RescaleSubject {
  rescale(net: ReluNetwork): ReluNetwork;
}

export const rescaleSubject: RescaleSubject = { rescale: rescaleNetwork };

export const rescaleLemma1 = defineClaim({
  id: 'ep21.rescale.lemma1',
  paper: 'ep21',
  location: 'Section 2, Lemma 1 (and eq. (4), eq. (16))',
  title: 'Rescaling neurons keeps the output and turns weight decay into the path norm',
  statement:
    'Rescaling neuron j by γ_j = (|α_j|/‖u_j‖)^{1/2} (u_j ← γ_j u_j, α_j ← α_j/γ_j) leaves (XU)_+α unchanged, and after it ' +
    '(β/2)(‖U‖_F² + ‖α‖²) equals β Σ_j |α_j|‖u_j‖ before it.',
  tex: '\\tfrac{\\beta}{2}\\big(\\|\\gamma_j u_j\\|^2+(\\alpha_j/\\gamma_j)^2\\big)=\\beta|\\alpha_j|\\|u_j\\|,\\ \\gamma_j=(|\\alpha_j|/\\|u_j\\|)^{1/2}',
  hypotheses: ['U, α with i.i.d. N(0, 1) entries; X ~ N(0, 1)^{n×d}; n ≤ 12, d ≤ 6, m ≤ 8'],
  kind: 'identity',
  provenance: 'paper',
  tolerance: { value: IDENTITY_RTOL, reason: IDENTITY_REASON },
  budget: { quick: 30, default: 200, thorough: 2000 },
  subject: rescaleSubject,
  instances: networkInstance(),
  check: (inst, s) => {
    const problem = reluProblem({ X: inst.X, y: new Array(inst.n).fill(0), beta: inst.beta });
    const net: ReluNetwork = { m: inst.m, d: inst.d, U: Float64Array.from(inst.U), alpha: Float64Array.from(inst.alpha), c: 0 };
    const re = s.rescale(net);
    const f0 = networkOutput(problem, net);
    const f1 = networkOutput(problem, re);
    let out = 0;
    for (let j = 0; j < inst.n; j++) out = Math.max(out, rel(f0[j], f1[j]));
    let wd = 0;
    for (const v of re.U) wd += v * v;
    for (const v of re.alpha) wd += v * v;
    const after = 0.5 * inst.beta * wd;
    const before = pathNormPenalty(net, inst.beta);
    return [
      le('max relative change of the output', out, IDENTITY_RTOL),
      le('|weight decay after − path norm before| (relative)', rel(after, before), IDENTITY_RTOL),
    ];
  },
});

/** The convex → network map under test. */
export interface MappingSubject {
  toNetwork(problem: ReluProblem, patterns: PatternSet, sol: ConvexSolution): ReluNetwork;
}

export const mappingSubject: MappingSubject = { toNetwork: networkFromConvex };

export const mappingIdentity = defineClaim({
  id: 'ep21.mapping.identity',
  paper: 'ep21',
  location: 'ICML 2020 companion (Pilanci & Ergen), recovery of the network from the convex program; JMLR 2021 Lemma 1',
  title: 'The mapped network has the convex objective',
  statement:
    'For a feasible point of the convex program (v_i, w_i in their pattern cones), the network with neurons u = v_i/√‖v_i‖, ' +
    'α = √‖v_i‖ and u = w_i/√‖w_i‖, α = −√‖w_i‖ has the same output Σ D_iX(v_i − w_i) and weight-decay objective equal to the ' +
    'convex objective ½‖ŷ − y‖² + βΣ(‖v_i‖ + ‖w_i‖).',
  hypotheses: ['v_i = t_i·u_i with D_i = diag(1[Xu_i ≥ 0]) (so v_i is in its cone), t_i ~ |N(0, 1)|, random signs between v and w'],
  kind: 'identity',
  provenance: 'derived',
  source: 'docs/claims/ep21.md#mapping',
  tolerance: { value: IDENTITY_RTOL, reason: IDENTITY_REASON },
  budget: { quick: 30, default: 200, thorough: 2000 },
  subject: mappingSubject,
  instances: networkInstance(),
  check: (inst, s) => {
    const { n, d, m } = inst;
    const y = inst.X.map((_, j) => Math.sin(j + 1));
    const problem = reluProblem({ X: inst.X, y, beta: inst.beta });
    // one feasible block per random direction: pattern of u, block |t|·u in v or w by the sign of α
    const masks: Uint8Array[] = [];
    const v = new Float64Array(m * d);
    const w = new Float64Array(m * d);
    for (let q = 0; q < m; q++) {
      const u = inst.U.slice(q * d, (q + 1) * d);
      masks.push(patternOf(problem.X, n, d, u));
      const blk = inst.alpha[q] >= 0 ? v : w;
      for (let k = 0; k < d; k++) blk[q * d + k] = Math.abs(inst.alpha[q]) * u[k];
    }
    const patterns: PatternSet = { n, masks, exact: false, method: 'given' };
    const sol: ConvexSolution = { v, w, c: 0 };
    const net = s.toNetwork(problem, patterns, sol);
    const yc = convexPrediction(problem, patterns, sol);
    const yn = networkOutput(problem, net);
    let out = 0;
    for (let j = 0; j < n; j++) out = Math.max(out, rel(yc[j], yn[j]));
    const cmp: Comparison[] = [
      le('max relative difference of the outputs', out, IDENTITY_RTOL),
      le('|network objective − convex objective| (relative)', rel(networkObjective(problem, net), convexObjective(problem, patterns, sol)), IDENTITY_RTOL),
    ];
    return cmp;
  },
});

export const identityClaims = [rescaleLemma1, mappingIdentity];
