/**
 * Integrity of the claim catalogue: every claim is well-formed data, and
 * nothing derived or unverified is presented as a paper's statement.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogue, catalogueParts } from '../../theorems/index.ts';
import { validateClaim } from '../../src/claims/claim.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('claim catalogue', () => {
  it('is the concatenation of its parts (the modules worker processes load on their own)', async () => {
    const parts = await Promise.all(catalogueParts.map(async (p) => ((await import(join(ROOT, p.module))) as Record<string, unknown>)[p.exportName]));
    expect(parts.flat()).toEqual(catalogue);
  });

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

  it('cites only what a user of the repository has: no paper note, no ../shared path, no issue number', () => {
    const forbidden = /note §|\.\.\/shared|issue [0-9]/;
    const offending: string[] = [];
    for (const c of catalogue) {
      const texts: [string, string | undefined][] = [
        ['location', c.location],
        ['source', c.source],
        ['statement', c.statement],
        ['title', c.title],
        ...c.hypotheses.map((h, i): [string, string] => [`hypotheses[${i}]`, h]),
        ...(c.published ?? []).map((p, i): [string, string] => [`published[${i}].source`, p.source]),
      ];
      for (const [field, text] of texts) if (text !== undefined && forbidden.test(text)) offending.push(`${c.id}.${field}: ${text.slice(0, 120)}`);
    }
    expect(offending).toEqual([]);
  });

  it('cites the project\'s derivation of every Dinh–Xin claim in docs/claims/dinh-xin.md, by an existing section', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'claims', 'dinh-xin.md'), 'utf8');
    const anchors = new Set([...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));
    for (const c of catalogue.filter((x) => x.paper === 'dx')) {
      expect(c.location, c.id).toMatch(/arXiv:(1812\.05719|1901\.09731)/);
      const cited = [...(c.source ?? '').matchAll(/docs\/claims\/dinh-xin\.md#([a-z0-9-]+)/g)].map((m) => m[1]);
      expect(cited.length, `${c.id} cites docs/claims/dinh-xin.md#<section>`).toBeGreaterThan(0);
      for (const a of cited) expect(anchors.has(a), `${c.id}: no section #${a}`).toBe(true);
    }
  });

  it('never attributes a Dinh–Xin claim to the paper text (only the abstracts are available)', () => {
    for (const c of catalogue.filter((x) => x.paper === 'dx')) {
      expect(['paper', 'misprint'], c.id).not.toContain(c.provenance);
    }
  });
});
