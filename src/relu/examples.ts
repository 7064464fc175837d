/**
 * The worked one-dimensional examples of Ergen & Pilanci (JMLR 2021), as printed:
 * Proposition 1's minimum-norm interpolation example and the regularized example
 * of Appendix 11 (eq. (51)). Column j of a dictionary is (a·u_j + b_j)_+.
 */

/** Data of Proposition 1 and Appendix 11: a = (−2, −1, 0, 1, 2), y = (1, −1, 1, 1, −1). */
export const prop1Data = { a: [-2, -1, 0, 1, 2], y: [1, -1, 1, 1, -1] } as const;

/** Proposition 1 (Appendix 11): the spline optimum with knots at data points. */
export const prop1Spline = {
  u: [1, 1, 1, 1, -1, -1, -1, -1],
  b: [2, 1, 0, -1, -1, 0, 1, 2],
  w: [0, 6419 / 5000, -3919 / 2500, -8581 / 5000, 13581 / 5000, -1081 / 2500, -1419 / 5000, 0],
  /** Dual certificate v*. */
  v: [1, -3, 2, 1, -1],
} as const;

/** Proposition 1 (Appendix 11): a second optimum with a knot at x = 0.5 (not a data point). */
export const prop1OffKnot = {
  u: [1, 1, 1, 1, -1, -1, -1, -1],
  b: [2, 1, 0, -0.5, -1, 0, 0.5, 2],
  w: [0, 4 / 3, 0, -10 / 3, 8 / 3, 0, -2 / 3, 0],
  v: [1, -11 / 4, 5 / 4, 7 / 4, -5 / 4],
} as const;

/** The minimum ‖w‖₁ printed for Proposition 1's interpolation problem. */
export const PROP1_VALUE = 8;

/** Appendix 11, eq. (51): β‖w‖₁ + (1/(2n))‖A_e w − y‖² on a 10-column dictionary, β = 1e-4. */
export const appendix11 = {
  beta: 1e-4,
  u: [1, 1, 1, 1, 1, -1, -1, -1, -1, -1],
  /** Biases for knot parameter c: (2, 1, 0, −c, −1, −1, 0, c, 1, 2); the printed w1, w2 use c = 0.5. */
  bias: (c: number): number[] => [2, 1, 0, -c, -1, -1, 0, c, 1, 2],
  w1: [0, 3197 / 2400, -2497 / 1500, 0, -19997 / 12000, 31961 / 12000, -997 / 3000, 0, -3997 / 12000, 0],
  w2: [0, 191823 / 140000, -990613 / 840000, -471683 / 420000, -128017 / 120000, 367547 / 140000, -127357 / 840000, -87827 / 420000, -31993 / 120000, 0],
  /** The printed optimal value 1999/2 500 000. */
  value: 1999 / 2_500_000,
} as const;
