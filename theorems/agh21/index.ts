/**
 * Atamtürk, Gómez & Han (2021), "Sparse and smooth signal estimation: convexification of
 * ℓ0-formulations", JMLR 22(52). Claim modules: exact ground truth and generator (this file's
 * imports); the relaxation modules are added here by their owner.
 */
import { exactClaims } from './exact.ts';
import { generatorClaims } from './generator.ts';
import { identityClaims } from './identities.ts';
import { lagrangianClaims } from './lagrangian.ts';
import { relaxClaims } from './relax.ts';
import { scaleClaims } from './scale.ts';
import { statsClaims } from './stats.ts';

/** Display name of the paper in reports. */
export const agh21Title = 'Atamtürk, Gómez & Han (JMLR 2021) — sparse and smooth signal estimation';

export const agh21Claims = [...exactClaims, ...generatorClaims, ...relaxClaims, ...identityClaims, ...lagrangianClaims, ...scaleClaims, ...statsClaims];
