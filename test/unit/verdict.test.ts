/**
 * Verdicts are measured: computed from the run's status, the scale it ran at
 * and what the check asserts — never declared by the claim.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  type Asserts,
  type Claim,
  type ClaimKind,
  type FailureMeaning,
  type Provenance,
  CatalogueError,
  defineClaim,
  le,
  validateClaim,
} from '../../src/claims/claim.ts';
import { runClaim } from '../../src/runner/run-claim.ts';
import { CONFIRMING, publishedRow, runScale, verdictOf } from '../../src/runner/verdict.ts';
import type { ClaimStatus } from '../../src/runner/result.ts';

const base = {
  location: 'Thm 1',
  title: 't',
  statement: 's',
  hypotheses: [],
  kind: 'identity' as ClaimKind,
  provenance: 'paper' as Provenance,
  tolerance: { value: 1e-9, reason: 'exact arithmetic on small integers' },
  budget: { quick: 3, default: 3, thorough: 3 },
  subject: null,
  instances: fc.constant(1),
};

function claim(over: Partial<Claim>): Claim {
  return { id: 'test.verdict.x', paper: 'test', ...base, check: () => le('x', 0, 1), ...over } as Claim;
}

describe('verdictOf', () => {
  it('never gives a confirming verdict to a failing, erroring or timed-out run (every combination)', () => {
    const provs: Provenance[] = ['paper', 'abstract', 'secondary', 'derived', 'unverified', 'misprint', 'ours'];
    const asserts: (Asserts | undefined)[] = [undefined, 'statement', 'misprint', 'counterevidence'];
    const fails: (FailureMeaning | undefined)[] = [undefined, 'refuted', 'not-reproduced'];
    const kinds: ClaimKind[] = ['identity', 'bound', 'convergence', 'statistical', 'published-number'];
    const statuses: ClaimStatus[] = ['fail', 'error', 'timeout'];
    let n = 0;
    for (const provenance of provs)
      for (const a of asserts)
        for (const f of fails)
          for (const kind of kinds)
            for (const status of statuses)
              for (const full of [true, false]) {
                const v = verdictOf(claim({ provenance, asserts: a, onFailure: f, kind }), status, { paper: null, run: null, full });
                expect(CONFIRMING, `${provenance}/${a}/${f}/${kind}/${status}/${full}: ${v}`).not.toContain(v);
                n++;
              }
    expect(n).toBe(7 * 4 * 3 * 5 * 3 * 2);
  });

  it('confirms a paper statement only at the paper scale; project statements hold or fail', () => {
    const full = { paper: null, run: null, full: true };
    const reduced = { paper: { n: 10 }, run: { n: 5 }, full: false };
    expect(verdictOf(claim({}), 'pass', full)).toBe('confirmed');
    expect(verdictOf(claim({}), 'pass', reduced)).toBe('consistent-at-reduced-scale');
    expect(verdictOf(claim({}), 'fail', full)).toBe('refuted');
    expect(verdictOf(claim({}), 'fail', reduced)).toBe('not-reproduced');
    expect(verdictOf(claim({ kind: 'published-number' }), 'fail', full)).toBe('not-reproduced');
    expect(verdictOf(claim({ onFailure: 'not-reproduced' }), 'fail', full)).toBe('not-reproduced');
    expect(verdictOf(claim({ provenance: 'derived' }), 'pass', full)).toBe('holds');
    expect(verdictOf(claim({ provenance: 'ours' }), 'fail', full)).toBe('fails');
    expect(verdictOf(claim({ provenance: 'misprint' }), 'pass', full)).toBe('paper-misprint');
    // a printed value is about the paper's instance: a miniature cannot show it wrong
    expect(verdictOf(claim({ provenance: 'misprint' }), 'pass', reduced)).toBe('inconclusive');
    expect(verdictOf(claim({ asserts: 'counterevidence' }), 'pass', full)).toBe('refuted');
    expect(verdictOf(claim({ asserts: 'counterevidence' }), 'pass', reduced)).toBe('inconclusive');
    expect(verdictOf(claim({}), 'timeout', full)).toBe('inconclusive');
  });
});

describe('runClaim measures the verdict', () => {
  it('a failing check is refuted, a throwing one inconclusive, a passing one confirmed', () => {
    expect(runClaim(claim({}), { rootSeed: 1, budget: 'quick' }).verdict).toBe('confirmed');
    expect(runClaim(claim({ check: () => le('x', 2, 1) }), { rootSeed: 1, budget: 'quick' }).verdict).toBe('refuted');
    const err = runClaim(
      claim({
        check: () => {
          throw new Error('boom');
        },
      }),
      { rootSeed: 1, budget: 'quick' },
    );
    expect([err.status, err.verdict]).toEqual(['error', 'inconclusive']);
    const slow = runClaim(
      claim({
        check: () => {
          const t = performance.now();
          while (performance.now() - t < 5);
          return le('x', 0, 1);
        },
      }),
      { rootSeed: 1, budget: 'quick', runs: 100_000, timeoutMs: 20 },
    );
    expect([slow.status, slow.verdict]).toEqual(['timeout', 'inconclusive']);
  });

  it('records the scale: a miniature is consistent-at-reduced-scale, the smallest run counts', () => {
    const c = claim({
      paperScale: { n: 1000, cells: 100 },
      instances: fc.integer({ min: 10, max: 20 }),
      check: (n: number) => ({ comparisons: [le('x', 0, 1)], scale: { n, cells: 4 } }),
    });
    const r = runClaim(c, { rootSeed: 3, budget: 'quick' });
    expect(r.verdict).toBe('consistent-at-reduced-scale');
    expect(r.scale.full).toBe(false);
    expect(r.scale.paper).toEqual({ n: 1000, cells: 100 });
    expect(r.scale.run!.cells).toBe(4);
    expect(r.scale.run!.n).toBeLessThanOrEqual(20);
    const full = runClaim({ ...c, check: () => ({ comparisons: [le('x', 0, 1)], scale: { n: 1000, cells: 100 } }) }, { rootSeed: 3, budget: 'quick' });
    expect(full.verdict).toBe('confirmed');
    const missing = runClaim({ ...c, check: () => le('x', 0, 1) }, { rootSeed: 3, budget: 'quick' });
    expect([missing.status, missing.verdict]).toEqual(['error', 'inconclusive']);
    expect(missing.error).toMatch(/did not report its scale \(n, cells\)/);
  });

  it('puts each published value beside ours, with the difference, and checks it', () => {
    const published = [
      { key: 'v', quantity: 'value', value: 2.58, source: 'Example 1, p. 9', tolerance: { value: 0.005, reason: 'printed to two decimals' } },
      { key: 'w', quantity: 'weight', value: 1.0, source: 'Table 1', tolerance: { value: 1e-3, relative: true, reason: 'printed to three digits' }, printed: 'misprint' as const },
    ];
    const ok = runClaim(claim({ kind: 'published-number', published, check: () => ({ comparisons: [le('x', 0, 1)], published: { v: 2.5806, w: 1.5 } }) }), {
      rootSeed: 1,
      budget: 'quick',
    });
    expect(ok.status).toBe('pass');
    expect(ok.published.map((p) => [p.key, p.paper, p.ours, p.source])).toEqual([
      ['v', 2.58, 2.5806, 'Example 1, p. 9'],
      ['w', 1.0, 1.5, 'Table 1'],
    ]);
    expect(ok.published[0].absDiff).toBeCloseTo(0.0006, 12);
    expect(ok.published[1].within).toBe(false);
    expect(ok.worst.some((c) => c.quantity.startsWith('|ours − paper| v'))).toBe(true);
    // Ours off by more than the rounding: the claim fails and is not reproduced.
    const off = runClaim(claim({ kind: 'published-number', published, check: () => ({ comparisons: [le('x', 0, 1)], published: { v: 2.6, w: 1.5 } }) }), {
      rootSeed: 1,
      budget: 'quick',
    });
    expect([off.status, off.verdict]).toEqual(['fail', 'not-reproduced']);
    // A "misprint" that we do reproduce is not a misprint.
    const same = runClaim(claim({ kind: 'published-number', published, check: () => ({ comparisons: [le('x', 0, 1)], published: { v: 2.58, w: 1.0 } }) }), {
      rootSeed: 1,
      budget: 'quick',
    });
    expect(same.status).toBe('fail');
    const none = runClaim(claim({ published, check: () => le('x', 0, 1) }), { rootSeed: 1, budget: 'quick' });
    expect(none.status).toBe('error');
    expect(none.error).toMatch(/did not measure published value v/);
    expect(publishedRow(published[0], NaN).within).toBe(false);
  });
});

describe('validateClaim (catalogue load)', () => {
  const good = claim({});
  it('rejects a published value without a source, naming the claim', () => {
    const bad = { ...good, published: [{ key: 'v', quantity: 'q', value: 1, source: ' ', tolerance: { value: 0, reason: 'exact' } }] };
    expect(() => validateClaim(bad)).toThrow(CatalogueError);
    expect(() => validateClaim(bad)).toThrow(/claim test\.verdict\.x: published\[0\] \(v\) has no source/);
    expect(() => defineClaim(bad)).toThrow(/has no source/);
  });
  it('rejects unknown vocabulary and declared verdicts', () => {
    expect(() => validateClaim({ ...good, asserts: 'maybe' as never })).toThrow(/unknown asserts "maybe"/);
    expect(() => validateClaim({ ...good, onFailure: 'oops' as never })).toThrow(/unknown onFailure/);
    expect(() => validateClaim({ ...good, kind: 'theorem' as never })).toThrow(/unknown kind/);
    expect(() => validateClaim({ ...good, provenance: 'note' as never })).toThrow(/unknown provenance/);
    expect(() => validateClaim({ ...good, verdict: 'confirmed' } as never)).toThrow(/declares a verdict; verdicts are measured/);
    expect(() => validateClaim({ ...good, paperScale: { n: 0 } })).toThrow(/paperScale\.n/);
    const dup = { key: 'v', quantity: 'q', value: 1, source: 'p. 1', tolerance: { value: 0, reason: 'exact' } };
    expect(() => validateClaim({ ...good, published: [dup, dup] })).toThrow(/duplicate key/);
    expect(() => validateClaim(good)).not.toThrow();
  });
});
