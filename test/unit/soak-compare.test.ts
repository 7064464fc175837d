import { describe, expect, it } from 'vitest';
import { classify } from '../../scripts/soak-compare.ts';

const report = (timedPass: boolean, other = 1, status = 'fail') => ({
  meta: { seed: 1 },
  summary: { pass: timedPass ? 2 : 1 },
  results: [
    { id: 'a.timing', status, worst: [{ quantity: 'time ratio', relation: '>=', claimed: 1.5, timing: true, pass: timedPass }] },
    { id: 'b.plain', status: 'pass', values: { x: other } },
  ],
});

describe('soak comparison', () => {
  it('finds identical reports identical', () => {
    expect(classify(report(true), report(true)).kind).toBe('identical');
  });
  it('lists a difference confined to a wall-clock check apart, naming the claim', () => {
    const c = classify(report(true), report(false, 1, 'pass'));
    expect(c.kind).toBe('timing');
    expect(c.timingClaims).toEqual(['a.timing']);
    expect(c.differences.length).toBeGreaterThan(1);
  });
  it('fails on a difference in a claim without wall-clock checks, even beside a timing difference', () => {
    const c = classify(report(true), report(false, 2));
    expect(c.kind).toBe('different');
    expect(c.differences).toContain('.results.1.values.x: 1 vs 2');
  });
  it('fails on a difference outside the results and the summary', () => {
    expect(classify(report(true), { ...report(true), meta: { seed: 2 } }).kind).toBe('different');
  });
});
