import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { defineClaim, ge } from '../../src/claims/claim.ts';
import { main, type CliIo } from '../../src/cli/main.ts';
import { proxClaims } from '../../theorems/dinh-xin/prox.ts';
import { runCatalogue } from '../../src/runner/run-catalogue.ts';
import { attachReference } from '../../src/report/reference.ts';
import { reportToJson } from '../../src/report/json.ts';
import { reportToMarkdown } from '../../src/report/markdown.ts';
import { reportToHtml } from '../../src/report/html.ts';
import { parseReportText } from '../../src/report/load.ts';
import type { Report } from '../../src/runner/result.ts';

const io = (): CliIo & { out: () => string; err: () => string } => {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, out: () => out, err: () => err };
};
const tmp = (): string => mkdtempSync(join(tmpdir(), 'theorycheck-ref-'));
const env = { version: '0.0.0-test', gitCommit: null, selection: [], shard: null };

/**
 * A "full-scale" reference of two prox claims, measured at a commit, with one verdict that differs from the miniature's.
 * Run once (at the thorough budget) and shared by the tests, which only read it.
 */
let reference: Promise<Report> | undefined;
const referenceReport = (): Promise<Report> => (reference ??= measureReference());
async function measureReference(): Promise<Report> {
  const r = await runCatalogue(proxClaims.slice(0, 2), { ...env, gitCommit: 'abcdef1234567890' }, { rootSeed: 5, budget: 'thorough', jobs: 0 });
  r.results[1] = { ...r.results[1]!, status: 'fail', verdict: 'refuted' };
  r.summary.pass -= 1;
  r.summary.fail += 1;
  return r;
}

describe('reference report (full-scale verdicts beside a run)', () => {
  it('annotates results of the same id with the reference verdict, budget and commit; others are left alone', async () => {
    const ref = await referenceReport();
    const run = await runCatalogue(proxClaims.slice(0, 3), env, { rootSeed: 1, budget: 'quick', jobs: 0 });
    const a = attachReference(run, { report: ref, label: 'ref/report.json', machine: '2 cores, load 1.0' });
    expect(a.meta.reference).toEqual({ file: 'ref/report.json', gitCommit: 'abcdef1234567890', budget: 'thorough', measuredOn: ref.meta.startedAt.slice(0, 10), machine: '2 cores, load 1.0' });
    expect(a.results[0]!.reference).toMatchObject({ verdict: ref.results[0]!.verdict, status: 'pass', budget: 'thorough', gitCommit: 'abcdef1234567890' });
    expect(a.results[1]!.reference).toMatchObject({ verdict: 'refuted', status: 'fail' });
    expect(a.results[2]!.reference).toBeUndefined();
    // the run's own verdicts are untouched: a reference never changes what this run measured
    expect(a.results.map((r) => r.verdict)).toEqual(run.results.map((r) => r.verdict));
    // a report sharing no claim with the reference is returned as it was
    const other = await runCatalogue(proxClaims.slice(3, 4), env, { rootSeed: 1, budget: 'quick', jobs: 0 });
    expect(attachReference(other, { report: ref, label: 'x' })).toBe(other);
    // written and read back through the schema
    const back = parseReportText(reportToJson(a), 'a.json');
    expect(back.results[1]!.reference?.verdict).toBe('refuted');
    expect(back.meta.reference?.gitCommit).toBe('abcdef1234567890');
  });

  it('Markdown and HTML show the full-scale verdict and its commit next to the run\'s verdict', async () => {
    const ref = await referenceReport();
    const run = await runCatalogue(proxClaims.slice(0, 2), env, { rootSeed: 1, budget: 'quick', jobs: 0 });
    const a = attachReference(run, { report: ref, label: 'built-in' });
    const md = reportToMarkdown(a);
    expect(md).toContain('reference (full scale)');
    expect(md).toContain('refuted (fail) · thorough · abcdef1');
    expect(md).toMatch(/Full-scale verdicts \("reference" column\) from the package's reference report \(thorough budget, commit abcdef1/);
    const html = await reportToHtml(a);
    expect(html).toContain('reference (full scale)');
    expect(html).toContain('refuted (fail) · thorough · abcdef1');
    // without a reference the column is left out
    expect(reportToMarkdown(run)).not.toContain('reference (full scale)');
  });

  it('verify --reference FILE annotates the run; --no-reference does not; a bad reference exits 2 before any work', async () => {
    const dir = tmp();
    const refFile = join(dir, 'report.json');
    writeFileSync(refFile, reportToJson(await referenceReport()));
    writeFileSync(join(dir, 'machine.txt'), '2-core test machine, load 0.5\n');
    const out = tmp();
    const c = io();
    expect(await main(['verify', '--budget', 'quick', '--jobs', '0', '--only', 'dx.prox.', '--out', out, '--reference', dir], c, proxClaims.slice(0, 2))).toBe(0);
    const rep = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(rep.results[1]!.reference?.verdict).toBe('refuted');
    expect(rep.meta.reference?.machine).toBe('2-core test machine, load 0.5');
    expect(c.out()).toMatch(/reference \(full-scale verdicts\): .*thorough budget, commit abcdef1/);
    const out2 = tmp();
    expect(await main(['verify', '--budget', 'quick', '--jobs', '0', '--out', out2, '--no-reference'], io(), proxClaims.slice(0, 2))).toBe(0);
    expect(JSON.parse(readFileSync(join(out2, 'report.json'), 'utf8')).meta.reference).toBeUndefined();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"meta": 1');
    const e = io();
    // a claim that records whether it ran: the bad reference must stop the command before any check
    let checked = 0;
    const probe = defineClaim({
      id: 'test.probe', paper: 'conic', location: 'test', title: 'probe', statement: 'records that it ran', hypotheses: [], kind: 'bound',
      provenance: 'ours', tolerance: { value: 0, reason: 'test' }, budget: { quick: 1, default: 1, thorough: 1 }, subject: null,
      instances: fc.constant(1),
      check: (k: number) => (checked++, ge('k', k, 1)),
    });
    expect(await main(['verify', '--budget', 'quick', '--jobs', '0', '--out', tmp(), '--reference', bad], e, [probe])).toBe(2);
    expect(e.err()).toMatch(/bad\.json: not valid JSON/);
    expect(checked).toBe(0);
  });
});
