/**
 * Citations of the Dinh–Xin claims. Only the abstracts of the two papers were available, so a claim's
 * location names what the abstract says and its source names the project's derivation in
 * docs/claims/dinh-xin.md (one section per derivation).
 */

/** Paper B: RVSM with ℓ1/ℓ0/TL1 penalties, ReLU activation. */
export const PAPER_B = 'Dinh & Xin, arXiv:1812.05719 (RVSM)';
/** Paper D: RVSCGD, binarized activation, coarse gradients. */
export const PAPER_D = 'Dinh & Xin, arXiv:1901.09731, Front. Appl. Math. Stat. 6:13 (RVSCGD)';

/** The location of a claim: the abstract statement it relates to. */
export const abstractOf = (paper: 'B' | 'D' | 'B, D', what: string): string =>
  `${paper === 'B' ? PAPER_B : paper === 'D' ? PAPER_D : `${PAPER_B}; ${PAPER_D}`}, abstract: ${what} (full text unavailable)`;

/** The derivation a claim rests on. */
export const derivation = (section: string): string => `docs/claims/dinh-xin.md#${section}`;

/** The source of a project statement: its derivation, what it builds on, and that it is not B's or D's. */
export const projectSource = (section: string, basis?: string): string =>
  `${derivation(section)} (the project's derivation${basis ? `; ${basis}` : ''}); not a statement of Dinh & Xin, whose full texts were unavailable`;
