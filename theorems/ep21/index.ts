/**
 * Ergen & Pilanci, Convex Geometry and Duality of Over-parameterized Neural Networks,
 * JMLR 22(212), 2021, with the finite convex program of Pilanci & Ergen (ICML 2020).
 * Provenance per claim: `paper` (read in the JMLR text), `secondary` (the ICML 2020
 * program, whose text is cited through its published restatements), `derived`
 * (docs/claims/ep21.md).
 */
import { arrangementClaims } from './arrangements.ts';
import { cuttingPlaneClaims } from './cutting-plane.ts';
import { identityClaims } from './identities.ts';
import { oneDClaims } from './one-d.ts';
import { programClaims } from './program.ts';
import { vectorClaims } from './vector.ts';
import { vertexClaims } from './vertex.ts';
import { whitenedClaims } from './whitened.ts';

/** Display name of the paper in reports. */
export const ep21Title = 'Ergen & Pilanci (JMLR 2021) — convex geometry and duality of two-layer ReLU networks';

export const ep21Claims = [...identityClaims, ...arrangementClaims, ...oneDClaims, ...whitenedClaims, ...vertexClaims, ...programClaims, ...cuttingPlaneClaims, ...vectorClaims];
