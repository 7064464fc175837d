import { describe, it } from 'vitest';
import { netsSplittingClaims } from '../../theorems/dinh-xin/nets-splitting.ts';
import { assertClaim } from '../support.ts';
import { netsTradeoffClaims } from '../../theorems/dinh-xin/nets-tradeoff.ts';
import { netsReconstructedClaims } from '../../theorems/dinh-xin/nets-reconstructed.ts';

describe("dx.nets RVSM / RVSCGD (the project's derivations, not statements of Dinh & Xin)", () => {
  for (const claim of netsSplittingClaims) it(claim.id, () => void assertClaim(claim));
});

describe('dx.nets accuracy–sparsity trade-off (derived, qualitative)', () => {
  for (const claim of netsTradeoffClaims) it(claim.id, () => void assertClaim(claim));
});

describe('dx.nets reconstructions of B / D (UNVERIFIED: not read in the papers)', () => {
  for (const claim of netsReconstructedClaims) it(claim.id, () => void assertClaim(claim));
});
