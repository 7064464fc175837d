import { describe, it } from 'vitest';
import { scaleClaims } from '../theorems/agh21/scale.ts';
import { assertClaim } from './support.ts';

describe('agh21.scale (Lagrangian decomposition §4.3, accelerometer §5.1, Table 3 §5.3) — quick budget', () => {
  for (const claim of scaleClaims) it(claim.id, () => void assertClaim(claim), 600_000);
});
