import { describe, it } from 'vitest';
import { netsModelClaims } from '../../theorems/dinh-xin/nets.ts';
import { assertClaim } from '../support.ts';

describe("dx.nets model (the project's derivations, not statements of Dinh & Xin)", () => {
  for (const claim of netsModelClaims) it(claim.id, () => void assertClaim(claim));
});
