import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, describeValue } from '../../src/core/errors.ts';
import * as v from '../../src/core/validate.ts';
import { createRng, deriveSeed, hash32 } from '../../src/core/random.ts';
import { hardThreshold, penaltySum, proxVector, softThreshold, tl1Prox, tl1ThresholdValue, validatePenalty } from '../../src/prox/prox.ts';
import { bruteForceProx, goldenSection } from '../../src/prox/brute-force.ts';
import { holds, normaliseOutput, slack, eq, ge, le } from '../../src/claims/claim.ts';

describe('validation: typed errors naming the argument and the value', () => {
  it.each([
    [() => v.finiteNumber('tau', NaN), /invalid argument tau = NaN: expected a finite number/],
    [() => v.finiteNumber('tau', Infinity), /tau = Infinity/],
    [() => v.nonNegative('tau', -1), /tau = -1: expected a finite number >= 0/],
    [() => v.positive('a', 0), /a = 0: expected a finite number > 0/],
    [() => v.integerInRange('runs', 2.5, 1), /runs = 2.5: expected an integer >= 1/],
    [() => v.integerInRange('k', 9, 0, 5), /k = 9: expected an integer in \[0, 5\]/],
    [() => v.finiteVector('y', [1, NaN]), /y\[1\] = NaN/],
    [() => v.finiteVector('y', [1, 2], 3), /y.length = 2: expected 3/],
    [() => v.finiteVector('y', 'abc'), /y = "abc"/],
    [() => v.nonNegativeVector('y', [1, -2]), /y\[1\] = -2: expected a finite number >= 0/],
    [() => v.oneOf('budget', 'huge', ['quick', 'default']), /budget = "huge": expected one of quick, default/],
  ])('%#', (fn, re) => {
    expect(fn).toThrow(InvalidArgumentError);
    expect(fn).toThrow(re);
  });
  it('accepts valid values', () => {
    expect(v.finiteVector('x', new Float64Array([1, 2]), 2)).toHaveLength(2);
    expect(v.nonNegativeVector('x', [0, 1])).toHaveLength(2);
    expect(v.oneOf('b', 'quick', ['quick'])).toBe('quick');
  });
  it('describes values briefly', () => {
    expect(describeValue([1, 2, 3, 4, 5, 6])).toBe('[1, 2, 3, 4, …] (length 6)');
    expect(describeValue('x'.repeat(50))).toMatch(/…"$/);
    expect(describeValue(null)).toBe('null');
    expect(describeValue({})).toBe('[object Object]');
    expect(describeValue(true)).toBe('true');
  });
});

describe('seeded randomness', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(3);
    const b = createRng(3);
    const xs = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xs);
    expect(createRng(4).uniform()).not.toBe(xs[0]);
  });
  it('draws normals with mean 0 and variance 1 (within 5 standard errors)', () => {
    const n = 200_000;
    const z = createRng(9).fillNormal(new Float64Array(n));
    let m = 0;
    let s2 = 0;
    for (const x of z) m += x;
    m /= n;
    for (const x of z) s2 += (x - m) ** 2;
    s2 /= n - 1;
    // SE of the mean is 1/√n; SE of the sample variance is √(2/n).
    expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(s2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    const r = createRng(1);
    for (let i = 0; i < 100; i++) expect(r.int(7)).toBeLessThan(7);
  });
  it('derives claim seeds from the root seed and the id', () => {
    expect(deriveSeed(1, 'a')).toBe(deriveSeed(1, 'a'));
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'));
    expect(deriveSeed(1, 'a')).toBeLessThanOrEqual(0x7fffffff);
    expect(hash32('')).toBe(0x811c9dc5);
    expect(() => deriveSeed(-1, 'a')).toThrow(/root/);
  });
});

describe('prox entry points validate and compute', () => {
  it('computes soft, hard and TL1', () => {
    expect(softThreshold(3, 1)).toBe(2);
    expect(softThreshold(-3, 1)).toBe(-2);
    expect(softThreshold(0.5, 1)).toBe(0);
    expect(hardThreshold(1.5, 1)).toBe(1.5); // γ = √2
    expect(hardThreshold(1.4, 1)).toBe(0);
    expect(tl1ThresholdValue(0.1, 1)).toBeCloseTo(0.2, 15); // subcritical: τ(a+1)/a
    expect(tl1ThresholdValue(1, 0.5)).toBeCloseTo(Math.sqrt(3) - 0.25, 15); // supercritical
    expect(tl1Prox(0.1, 0.1, 1)).toBe(0);
    expect(tl1Prox(-2, 0.1, 1)).toBeLessThan(0);
    expect(penaltySum({ kind: 'l0' }, [0, 2, -1])).toBe(2);
    expect(penaltySum({ kind: 'l1' }, [0, 2, -1])).toBe(3);
    expect(penaltySum({ kind: 'tl1', a: 1 }, [1])).toBe(1);
    expect(Array.from(proxVector({ kind: 'l1' }, [3, -0.5], 1))).toEqual([2, 0]);
  });
  it('rejects bad arguments', () => {
    expect(() => softThreshold(NaN, 1)).toThrow(/x = NaN/);
    expect(() => softThreshold(1, -1)).toThrow(/tau = -1/);
    expect(() => tl1Prox(1, 1, 0)).toThrow(/a = 0/);
    expect(() => tl1ThresholdValue(1, -1)).toThrow(/a = -1/);
    expect(() => validatePenalty('penalty', { kind: 'tl1', a: NaN })).toThrow(/penalty.a = NaN/);
    expect(() => proxVector({ kind: 'l1' }, [1, Infinity], 1)).toThrow(/x\[1\] = Infinity/);
    expect(() => proxVector({ kind: 'l1' }, [1, 2], 1, new Float64Array(3))).toThrow(/out.length = 3/);
    expect(() => bruteForceProx(Math.abs, 1, 1, 2)).toThrow(/gridPoints/);
  });
  it('brute force handles x = 0 and golden section finds a parabola minimum', () => {
    expect(bruteForceProx(Math.abs, 0, 1)).toEqual({ y: 0, value: 0 });
    expect(bruteForceProx(Math.abs, -3, 1).y).toBeCloseTo(-2, 7);
    expect(goldenSection((y) => (y - 0.3) ** 2, 0, 1)).toBeCloseTo(0.3, 7);
  });
});

describe('comparisons', () => {
  it('evaluate relations and slack; NaN never holds', () => {
    expect(holds(le('q', 1, 2))).toBe(true);
    expect(holds(ge('q', 1, 2))).toBe(false);
    expect(holds(eq('q', 2, 2))).toBe(true);
    expect(holds(le('q', NaN, 2))).toBe(false);
    expect(slack(le('q', 1, 2))).toBe(1);
    expect(slack(ge('q', 1, 2))).toBe(-1);
    expect(slack(eq('q', 1, 2))).toBe(-1);
    expect(slack(le('q', NaN, 2))).toBe(-Infinity);
    expect(normaliseOutput(le('q', 1, 2)).comparisons).toHaveLength(1);
    expect(normaliseOutput({ comparisons: [le('q', 1, 2)] }).series).toEqual([]);
  });
});
