import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCatalogue } from '../../src/runner/run-catalogue.ts';
import { reportToMarkdown } from '../../src/report/markdown.ts';
import { reportToJunit, xmlEscape } from '../../src/report/junit.ts';
import { reportToJson, stripTimings } from '../../src/report/json.ts';
import { writeFileAtomic } from '../../src/report/atomic.ts';
import { writeReports } from '../../src/report/write.ts';
import { fmt, glanceOrder, glanceRank, nonEmptyColumns, provenanceLabel, tightest, utilisation } from '../../src/report/format.ts';
import { softBruteForce } from '../../theorems/dinh-xin/prox.ts';
import { throwing, wrongSoft } from '../fixtures/catalogue.ts';
import { toJsonSafe } from '../../src/runner/run-claim.ts';

const env = { version: 'test', gitCommit: 'abc', selection: ['x'], shard: '1/2' };

describe('reporters', async () => {
  const report = await runCatalogue([softBruteForce, wrongSoft, throwing], env, { rootSeed: 2, budget: 'quick', jobs: 0 });

  it('Markdown: summary table and failure details with counterexample and replay', () => {
    const md = reportToMarkdown(report);
    expect(md).toMatch(/\*\*1 passed, 1 failed, 1 errors, 0 timeouts\*\* of 3 claims/);
    expect(md).toMatch(/\| `test.wrong-soft` \|.*\| \*\*fail\*\* \|/);
    expect(md).toMatch(/## Failures/);
    expect(md).toMatch(/Replay: `npm run theorycheck -- verify --only test.wrong-soft --seed 2 --path /);
    expect(md).toMatch(/Error: RangeError/);
    expect(md).toMatch(/shard 1\/2/);
    // At a glance: failures first (fail, error), then the passing claim; no column is empty.
    const ids = [...md.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    expect(ids.slice(0, 3)).toEqual(['test.wrong-soft', 'test.throws', 'dx.prox.soft-brute-force']);
    const header = md.split('\n').find((l) => l.startsWith('| claim | verdict | status | scale |'))!;
    expect(header).toBeDefined();
  });

  it('orders results at a glance and finds empty columns', () => {
    const rs = [
      { id: 'a', status: 'pass', verdict: 'confirmed' },
      { id: 'b', status: 'pass', verdict: 'holds' },
      { id: 'c', status: 'fail', verdict: 'fails' },
      { id: 'd', status: 'pass', verdict: 'consistent-at-reduced-scale' },
      { id: 'e', status: 'pass', verdict: 'not-reproduced' },
      { id: 'f', status: 'timeout', verdict: 'inconclusive' },
    ];
    expect(glanceOrder(rs).map((r) => r.id)).toEqual(['c', 'f', 'e', 'd', 'b', 'a']);
    expect(glanceRank({ status: 'pass', verdict: 'paper-misprint' })).toBe(2);
    expect(nonEmptyColumns([['x', '', ' '], ['y', '', 'z']], 3)).toEqual([0, 2]);
  });

  it('JUnit: one testcase per claim, failure and error elements, escaped', () => {
    const xml = reportToJunit(report);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toMatch(/<failure message="[^"]*" type="ClaimViolated">/);
    expect(xml).toMatch(/<error message="RangeError: n = 11 is too large" type="error">/);
    expect(xmlEscape('<a & "b">\u0001')).toBe('&lt;a &amp; &quot;b&quot;&gt;');
  });

  it('JSON: deterministic, timing fields strippable, non-finite numbers as strings', () => {
    const json = JSON.parse(reportToJson(report));
    expect(json.meta.gitCommit).toBe('abc');
    expect(stripTimings(json)).not.toHaveProperty('meta.timeMs');
    expect(toJsonSafe({ a: NaN, b: new Float64Array([1, Infinity]) })).toEqual({ a: 'NaN', b: [1, 'Infinity'] });
  });

  it('writes the three files atomically (no temporary files left behind)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-report-'));
    writeReports(report, join(dir, 'nested'));
    expect(readdirSync(join(dir, 'nested')).sort()).toEqual(['junit.xml', 'report.json', 'report.md']);
    writeFileAtomic(join(dir, 'a.txt'), 'one');
    writeFileAtomic(join(dir, 'a.txt'), 'two');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('two');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(() => writeFileAtomic(join(dir, 'a.txt', 'impossible'), 'x')).toThrow();
  });

  it('formats numbers, provenance labels and picks the tightest comparison', () => {
    expect(fmt(0)).toBe('0');
    expect(fmt(1234.5678)).toBe('1235');
    expect(fmt(1e-9)).toBe('1.00e-9');
    expect(fmt(Infinity)).toBe('Infinity');
    expect(provenanceLabel('derived')).toMatch(/DERIVED/);
    expect(provenanceLabel('unverified')).toMatch(/UNVERIFIED/);
    for (const p of ['paper', 'abstract', 'secondary', 'misprint', 'ours', 'other']) expect(provenanceLabel(p)).toBeTruthy();
    const a = { quantity: 'a', measured: 1, relation: '<=' as const, claimed: 2, pass: true, slack: 1 };
    const b = { quantity: 'b', measured: 3, relation: '>=' as const, claimed: 2, pass: true, slack: 1 };
    const c = { quantity: 'c', measured: 0, relation: '==' as const, claimed: 0, pass: true, slack: 0 };
    expect(tightest([a, b, c])!.quantity).toBe('b');
    expect(utilisation({ ...a, pass: false })).toBe(Infinity);
    expect(utilisation({ ...a, claimed: 0, measured: 0 })).toBe(0);
    expect(utilisation({ ...a, claimed: 0, measured: 1 })).toBe(Infinity);
  });
});
