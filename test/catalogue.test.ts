/**
 * Integrity of the claim catalogue: every claim is well-formed data, and
 * nothing derived or unverified is presented as a paper's statement.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../theorems/index.ts';
import { validateClaim } from '../src/claims/claim.ts';

describe('claim catalogue', () => {
  it('has unique ids of the form <paper>.<area>.<name>', () => {
    const ids = catalogue.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of catalogue) {
      expect(c.id.split('.').length, c.id).toBeGreaterThanOrEqual(3);
      expect(c.id.startsWith(c.paper + '.'), `${c.id} starts with its paper key ${c.paper}`).toBe(true);
    }
  });

  it.each(catalogue.map((c) => [c.id, c] as const))('%s is well-formed', (_id, c) => {
    expect(c.title.length).toBeGreaterThan(0);
    expect(c.statement.length).toBeGreaterThan(0);
    expect(c.location.length).toBeGreaterThan(0);
    expect(Array.isArray(c.hypotheses)).toBe(true);
    expect(c.tolerance.reason.length, 'tolerance needs a reason').toBeGreaterThan(10);
    expect(Number.isFinite(c.tolerance.value) && c.tolerance.value >= 0).toBe(true);
    for (const b of ['quick', 'default', 'thorough'] as const) {
      expect(Number.isInteger(c.budget[b]) && c.budget[b] >= 1, `budget.${b}`).toBe(true);
    }
    expect(c.budget.quick).toBeLessThanOrEqual(c.budget.default);
    expect(c.budget.default).toBeLessThanOrEqual(c.budget.thorough);
    if (['secondary', 'derived', 'unverified'].includes(c.provenance)) {
      expect(c.source, 'a non-paper claim names its source').toBeTruthy();
    }
    expect(typeof c.check).toBe('function');
    expect(() => validateClaim(c)).not.toThrow();
  });

  it('never attributes a Dinh–Xin claim to the paper text (only the abstracts are available)', () => {
    for (const c of catalogue.filter((x) => x.paper === 'dx')) {
      expect(['paper', 'misprint'], c.id).not.toContain(c.provenance);
    }
  });
});
