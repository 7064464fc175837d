/**
 * Dinh & Xin — RVSM (arXiv:1812.05719) and RVSCGD (Front. Appl. Math. Stat. 6:13, 2020).
 * Full texts unavailable: every claim here is derived [D] or unverified [R]
 * (see each claim's provenance), never the papers' own statement.
 */
import { netsModelClaims } from './nets.ts';
import { netsReconstructedClaims } from './nets-reconstructed.ts';
import { netsSplittingClaims } from './nets-splitting.ts';
import { netsTradeoffClaims } from './nets-tradeoff.ts';
import { proxClaims } from './prox.ts';

/** Display name of the papers in reports. */
export const dinhXinTitle = 'Dinh & Xin — RVSM / RVSCGD (thresholding operators, one-hidden-layer CNN; abstracts only)';

export const dinhXinClaims = [...proxClaims, ...netsModelClaims, ...netsSplittingClaims, ...netsReconstructedClaims, ...netsTradeoffClaims];
