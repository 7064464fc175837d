/**
 * Jiang, Maladkar, Mokhtari, "Provable Complexity Improvement of AdaGrad over SGD: Upper and Lower
 * Bounds in Stochastic Non-Convex Optimization", COLT 2025 (PMLR 291:3124–3158).
 * Claims with provenance 'paper' rest on the paper's text (location given); 'derived' and 'ours'
 * ones are the project's, written out in docs/claims/jmm25.md.
 */
import { comparisonClaims } from './comparison.ts';
import { hardClaims } from './hard.ts';
import { sgdLowerClaims } from './sgd-lower.ts';
import { theorem2Claims } from './theorem2.ts';
import { updateClaims } from './update.ts';

/** Display name of the paper in reports. */
export const jmm25Title = 'Jiang, Maladkar & Mokhtari (COLT 2025) — AdaGrad vs SGD, ℓ1 stationarity';

export const jmm25Claims = [...updateClaims, ...theorem2Claims, ...sgdLowerClaims, ...hardClaims, ...comparisonClaims];
