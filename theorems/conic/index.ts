/**
 * The conic solver's own claims (docs/claims/conic.md): KKT at optima, closed-form
 * agreement, infeasibility certificates, invariance, and AGH21 Example 1
 * solved as conic programs. Provenance `ours` / `derived` (see each claim).
 */
import { aghExampleClaims } from './agh-examples.ts';
import { solverClaims } from './solver.ts';

/** Display name in reports. */
export const conicTitle = 'Conic-quadratic solver (this project)';

export const conicClaims = [...solverClaims, ...aghExampleClaims];
