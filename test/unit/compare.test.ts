import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSubject } from '../../src/claims/claim.ts';
import { main } from '../../src/cli/main.ts';
import { classifyChange, compareReports, compareToJson, compareToMarkdown } from '../../src/compare/compare.ts';
import { compareCommand } from '../../src/cli/compare-command.ts';
import { loadReport, parseReportText, ReportFileError } from '../../src/report/load.ts';
import { DEFAULT_THRESHOLDS, loadThresholds, parseThresholds, ruleFor, timeRuleFor } from '../../src/compare/thresholds.ts';
import { softScalar } from '../../src/prox/scalar.ts';
import { reportToJson } from '../../src/report/json.ts';
import type { ClaimResult } from '../../src/runner/result.ts';
import { softBruteForce } from '../../theorems/dinh-xin/prox.ts';
import { makeReport, passResult, sampleReport } from '../fixtures/report-sample.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tc-compare-'));
const sink = (): { out: string; err: string; io: { stdout: { write(s: string): void }; stderr: { write(s: string): void } } } => {
  const o = { out: '', err: '', io: null as never };
  o.io = { stdout: { write: (s: string) => void (o.out += s) }, stderr: { write: (s: string) => void (o.err += s) } } as never;
  return o;
};
const one = (over: Partial<ClaimResult> = {}, id = 'dx.a.b'): ReturnType<typeof makeReport> => makeReport([passResult(id, over)]);
const byId = (c: ReturnType<typeof compareReports>, id = 'dx.a.b') => c.claims.find((x) => x.id === id)!;

describe('classifyChange', () => {
  const rule = { relative: 0.05, absolute: 0, ignore: false };
  it('orients by direction and applies max(absolute, relative·|baseline|)', () => {
    expect(classifyChange(10, 20, 'lower-is-better', rule)).toBe('regressed');
    expect(classifyChange(10, 10.4, 'lower-is-better', rule)).toBe('unchanged');
    expect(classifyChange(10, 5, 'lower-is-better', rule)).toBe('improved');
    expect(classifyChange(10, 5, 'higher-is-better', rule)).toBe('regressed');
    expect(classifyChange(0, 1e-13, 'higher-is-better', { relative: 0, absolute: 1e-12, ignore: false })).toBe('unchanged');
    expect(classifyChange(1, 1, 'higher-is-better', rule)).toBe('unchanged');
    expect(classifyChange(Infinity, Infinity, 'higher-is-better', rule)).toBe('unchanged');
    expect(classifyChange(NaN, 1, 'higher-is-better', rule)).toBe('unchanged');
  });
});

describe('compareReports', () => {
  it('an identical report is unchanged everywhere', () => {
    const c = compareReports(sampleReport(), sampleReport());
    expect(c.regressed).toBe(false);
    expect(c.summary).toEqual({ regressed: 0, improved: 0, unchanged: 5, added: 0, removed: 0 });
    expect(c.warnings).toEqual([]);
  });
  it('classifies status changes', () => {
    const fail = { status: 'fail' as const, worst: [{ quantity: 'gap', measured: 1, relation: '<=' as const, claimed: 0.1, pass: false, slack: -0.9 }] };
    expect(byId(compareReports(one(), one(fail))).statusChange).toBe('regressed');
    expect(byId(compareReports(one(), one({ status: 'timeout' }))).classification).toBe('regressed');
    expect(byId(compareReports(one(fail), one())).classification).toBe('improved');
    const e = byId(compareReports(one(fail), one({ ...fail, status: 'error', verdict: 'refuted' })));
    expect(e.statusChange).toBe('unchanged');
    expect(e.notes.join(' ')).toMatch(/status fail → error.*verdict confirmed → refuted/);
  });
  it('compares declared metrics from the catalogue (comparison quantity or values key)', () => {
    const metricsFor = () => [
      { name: 'iterations', direction: 'lower-is-better' as const },
      { name: 'gap', direction: 'lower-is-better' as const, unit: '' },
      { name: 'absent', direction: 'higher-is-better' as const },
    ];
    const b = one({ values: { iterations: 10 } });
    const worse = compareReports(b, one({ values: { iterations: 20 } }), { metricsFor });
    const m = byId(worse).metrics.find((x) => x.name === 'iterations')!;
    expect(m).toMatchObject({ source: 'declared', baseline: 10, candidate: 20, delta: 10, ratio: 2, classification: 'regressed' });
    expect(byId(worse).metrics.find((x) => x.name === 'absent')!.rule).toBe('missing on one side');
    expect(worse.regressed).toBe(true);
    expect(byId(compareReports(b, one({ values: { iterations: 10.2 } }), { metricsFor })).classification).toBe('unchanged');
    expect(byId(compareReports(b, one({ values: { iterations: 5 } }), { metricsFor })).classification).toBe('improved');
    // A result's own metrics field wins over the lookup.
    const own = { ...passResult('dx.a.b', { values: { it: 3 } }), metrics: [{ name: 'it', direction: 'lower-is-better' }] } as ClaimResult;
    const base = { ...passResult('dx.a.b', { values: { it: 1 } }) };
    expect(byId(compareReports(makeReport([base]), makeReport([own]))).metrics[0]).toMatchObject({ name: 'it', classification: 'regressed' });
  });
  it('flags a bound whose slack shrank (not for equalities or failures)', () => {
    const w = (slack: number) => [
      { quantity: 'gap', measured: 1 - slack, relation: '<=' as const, claimed: 1, pass: true, slack },
      { quantity: 'support', measured: 3, relation: '==' as const, claimed: 3, pass: true, slack: 0 },
    ];
    const c = compareReports(one({ worst: w(0.5) }), one({ worst: w(0.2) }));
    expect(byId(c).metrics.map((m) => `${m.name}:${m.classification}`)).toEqual(['slack: gap:regressed', 'time:unchanged']);
    expect(byId(compareReports(one({ worst: w(0.5) }), one({ worst: w(0.45) }))).classification).toBe('unchanged');
    expect(byId(compareReports(one({ worst: w(0.5) }), one({ worst: [] }))).notes[0]).toMatch(/missing from the candidate/);
    const ignore = parseThresholds({ slack: { ignore: true } });
    expect(byId(compareReports(one({ worst: w(0.5) }), one({ worst: w(0.2) }), { thresholds: ignore })).classification).toBe('unchanged');
  });
  it('judges time relatively with a noise allowance', () => {
    const t = (b: number, c: number) => byId(compareReports(one({ timeMs: b }), one({ timeMs: c }))).metrics.find((m) => m.name === 'time')!.classification;
    expect(t(100, 300)).toBe('unchanged'); // ratio 3 but Δ 200 ms < 250 ms noise
    expect(t(1000, 1900)).toBe('unchanged'); // Δ 900 ms but ratio 1.9 < 2
    expect(t(1000, 2100)).toBe('regressed');
    expect(t(2100, 1000)).toBe('improved');
    const off = parseThresholds({ overrides: { 'dx.': { time: { ignore: true } } } });
    expect(byId(compareReports(one({ timeMs: 1 }), one({ timeMs: 1e6 }))).classification).toBe('regressed');
    expect(byId(compareReports(one({ timeMs: 1 }), one({ timeMs: 1e6 }), { thresholds: off })).classification).toBe('unchanged');
  });
  it('handles claims added and removed', () => {
    const b = makeReport([passResult('dx.a.b'), passResult('dx.a.c')]);
    const c = makeReport([passResult('dx.a.b'), passResult('dx.a.d', { status: 'fail' }), passResult('dx.a.e')]);
    const r = compareReports(b, c);
    expect(byId(r, 'dx.a.c')).toMatchObject({ statusChange: 'removed', classification: 'regressed', candidate: null });
    expect(byId(r, 'dx.a.d')).toMatchObject({ statusChange: 'added', classification: 'regressed' });
    expect(byId(r, 'dx.a.e')).toMatchObject({ statusChange: 'added', classification: 'unchanged' });
    expect(r.summary).toEqual({ regressed: 2, improved: 0, unchanged: 2, added: 2, removed: 1 });
    const lenient = compareReports(b, makeReport([passResult('dx.a.b')]), { thresholds: parseThresholds({ missing: 'ignore' }) });
    expect(lenient.regressed).toBe(false);
  });
  it('warns when seeds or budgets differ', () => {
    const c = compareReports(one(), makeReport([passResult('dx.a.b', { seed: 5 })], { seed: 7, budget: 'quick', runsOverride: 3 }));
    expect(c.warnings.join('\n')).toMatch(/different root seeds.*\n.*different budgets/);
    expect(byId(c).notes.join(' ')).toMatch(/claim seeds differ/);
  });
  it('renders Markdown and JSON', () => {
    const c = compareReports(one({ timeMs: 1000 }), one({ timeMs: 5000, worst: [{ quantity: 'q', measured: 0, relation: '>=', claimed: -Infinity, pass: true, slack: Infinity }] }), {
      baselineFile: 'base.json',
      candidateFile: 'cand.json',
    });
    const md = compareToMarkdown(c);
    expect(md).toContain('**REGRESSION**: 1 regressed');
    expect(md).toContain('`base.json`');
    expect(md).toMatch(/\| `dx.a.b` \| pass → pass \| 🔴 regressed \| time 1000 → 5000 \(regressed\)/);
    expect(md).toContain('## Metric deltas');
    const json = JSON.parse(compareToJson(c));
    expect(json.regressed).toBe(true);
    expect(json.claims[0].metrics.at(-1)).toMatchObject({ name: 'time', ratio: 5 });
    expect(compareToMarkdown(compareReports(one(), one()))).toContain('**no regression**');
  });
});

describe('thresholds file', () => {
  it('fills defaults and resolves overrides by id, prefix or glob (later wins)', () => {
    const t = parseThresholds({
      time: { relative: 3 },
      overrides: { 'dx.': { time: { noiseMs: 5 }, slack: { relative: 0.5 } }, 'dx.*.b': { metrics: { 'slack: gap': { ignore: true } } } },
    });
    expect(t.time).toEqual({ relative: 3, noiseMs: 250, ignore: false });
    expect(timeRuleFor(t, 'dx.a.b')).toEqual({ relative: 3, noiseMs: 5, ignore: false });
    expect(timeRuleFor(t, 'agh21.a.b')).toEqual(t.time);
    expect(ruleFor(t, 'dx.a.c', 'slack', 'slack: gap')).toEqual({ relative: 0.5, absolute: 1e-12, ignore: false });
    expect(ruleFor(t, 'dx.a.b', 'slack', 'slack: gap').ignore).toBe(true);
    expect(ruleFor(t, 'dx.a.b', 'metric', 'iterations')).toEqual(DEFAULT_THRESHOLDS.metric);
  });
  it('rejects bad thresholds naming the file and the field', () => {
    expect(() => parseThresholds({ time: { relative: -1 } }, 't.json')).toThrow(/^t\.json: invalid thresholds at time\.relative/);
    expect(() => parseThresholds({ tim: {} }, 't.json')).toThrow(/t\.json: invalid thresholds/);
    expect(() => parseThresholds({ missing: 'sometimes' }, 't.json')).toThrow(/missing/);
    const dir = tmp();
    writeFileSync(join(dir, 'bad.json'), '{"time": ');
    expect(() => loadThresholds(join(dir, 'bad.json'))).toThrow(/bad\.json: not valid JSON/);
    expect(() => loadThresholds(join(dir, 'none.json'))).toThrow(/none\.json: no such file/);
    writeFileSync(join(dir, 'ok.json'), JSON.stringify({ metric: { relative: 0.1 } }));
    expect(loadThresholds(join(dir, 'ok.json')).metric.relative).toBe(0.1);
  });
});

describe('loading report files', () => {
  const good = reportToJson(sampleReport());
  it('round-trips a report, reviving non-finite numbers', () => {
    const r = makeReport([passResult('dx.a.b', { worst: [{ quantity: 'q', measured: 1, relation: '>=', claimed: -Infinity, pass: true, slack: Infinity }] })]);
    const back = parseReportText(reportToJson(r), 'r.json');
    expect(back.results[0].worst[0].slack).toBe(Infinity);
    expect(back.results[0].worst[0].claimed).toBe(-Infinity);
    expect(parseReportText(good, 'g.json').results).toHaveLength(5);
  });
  it('names the file and the problem for every kind of bad input', () => {
    const bad = (text: string) => () => parseReportText(text, 'x/report.json');
    expect(bad('')).toThrow('x/report.json: empty file (truncated?)');
    expect(bad(good.slice(0, good.length / 2))).toThrow(/^x\/report\.json: not valid JSON \(truncated or corrupt\?\)/);
    expect(bad('[1,2]')).toThrow(/not a theorycheck report/);
    expect(bad('{"meta": {"tool": "other"}}')).toThrow(/meta\.tool is not "theorycheck"/);
    const v2 = JSON.parse(good);
    v2.meta.schemaVersion = 3;
    expect(bad(JSON.stringify(v2))).toThrow(/report schema version 3, this theorycheck reads version 2/);
    const broken = JSON.parse(good);
    broken.results[2].status = 'maybe';
    expect(bad(JSON.stringify(broken))).toThrow(/malformed report: results\.2\.status \(claim agh21\.signal\.bound\)/);
    const counts = JSON.parse(good);
    counts.results.pop();
    expect(bad(JSON.stringify(counts))).toThrow(/summary\.total is 5 but the results count 4/);
    const dup = JSON.parse(good);
    dup.results[1].id = dup.results[0].id;
    dup.results[1].status = dup.results[0].status;
    expect(bad(JSON.stringify(dup))).toThrow(/appears twice/);
    const many = JSON.parse(good);
    for (const r of many.results) delete r.title;
    expect(bad(JSON.stringify(many))).toThrow(/\(\+2 more\)/);
  });
  it('reads a file or a directory, and names missing files', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'report.json'), good);
    expect(loadReport(dir).results).toHaveLength(5);
    expect(loadReport(join(dir, 'report.json')).meta.seed).toBe(42);
    expect(() => loadReport(join(dir, 'nope.json'))).toThrow(ReportFileError);
    expect(() => loadReport(join(dir, 'nope.json'))).toThrow(/nope\.json: no such file/);
    mkdirSync(join(dir, 'empty'));
    expect(() => loadReport(join(dir, 'empty'))).toThrow(/empty\/report\.json: cannot read: ENOENT/);
  });
});

describe('theorycheck compare (command)', () => {
  it('prints Markdown or JSON, exits 1 on regression, writes --out without overwriting', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.json'), reportToJson(one({ timeMs: 1000 })));
    writeFileSync(join(dir, 'c.json'), reportToJson(one({ timeMs: 3000 })));
    const s = sink();
    expect(compareCommand(join(dir, 'b.json'), join(dir, 'b.json'), {}, s.io)).toBe(0);
    expect(s.out).toContain('no regression');
    const j = sink();
    expect(compareCommand(join(dir, 'b.json'), join(dir, 'c.json'), { json: true, out: join(dir, 'cmp') }, j.io)).toBe(1);
    expect(JSON.parse(j.out).regressed).toBe(true);
    expect(readFileSync(join(dir, 'cmp', 'compare.md'), 'utf8')).toContain('REGRESSION');
    expect(() => compareCommand(join(dir, 'b.json'), join(dir, 'c.json'), { out: join(dir, 'cmp') }, sink().io)).toThrow(/compare\.md exists; refusing to overwrite/);
    expect(compareCommand(join(dir, 'b.json'), join(dir, 'c.json'), { out: join(dir, 'cmp'), force: true }, sink().io)).toBe(1);
  });
  it('through the CLI: bad files are one line on stderr and exit 2', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.json'), reportToJson(one()));
    writeFileSync(join(dir, 't.json'), '{"time": {"relative": "fast"}}');
    writeFileSync(join(dir, 'cut.json'), reportToJson(one()).slice(0, 100));
    const s = sink();
    expect(await main(['compare', join(dir, 'b.json'), join(dir, 'cut.json')], s.io, [])).toBe(2);
    expect(s.err).toMatch(/^theorycheck: .*cut\.json: not valid JSON \(truncated or corrupt\?\).*\n$/);
    const t = sink();
    expect(await main(['compare', join(dir, 'b.json'), join(dir, 'b.json'), '--thresholds', join(dir, 't.json')], t.io, [])).toBe(2);
    expect(t.err).toMatch(/t\.json: invalid thresholds at time\.relative/);
    const ok = sink();
    expect(await main(['compare', join(dir, 'b.json'), join(dir, 'b.json')], ok.io, [])).toBe(0);
  });
});

describe('verify --baseline: injected regressions', () => {
  // 30 runs of a real catalogue claim, in process so the modified catalogues are used. The slowed
  // solver adds 30 × 80 ms = 2.4 s; the noise allowance (800 ms) absorbs a loaded machine.
  const args = (out: string, extra: string[] = []) => ['verify', '--only', 'dx.prox.soft-brute-force', '--budget', 'quick', '--runs', '30', '--jobs', '0', '--no-html', '--out', out, ...extra];
  const busyWait = (ms: number): void => {
    const end = performance.now() + ms;
    while (performance.now() < end);
  };
  it('passes an unchanged solver, flags a weakened one and a slowed one', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'thresholds.json'), JSON.stringify({ time: { relative: 0.5, noiseMs: 800 } }));
    const th = ['--thresholds', join(dir, 'thresholds.json')];
    expect(await main(args(join(dir, 'base')), sink().io, [softBruteForce])).toBe(0);
    const base = join(dir, 'base', 'report.json');

    const same = sink();
    expect(await main(args(join(dir, 'same'), ['--baseline', base, ...th]), same.io, [softBruteForce])).toBe(0);
    expect(same.out).toContain('**no regression**');
    expect(JSON.parse(readFileSync(join(dir, 'same', 'compare.json'), 'utf8')).summary.unchanged).toBe(1);

    const weak = withSubject(softBruteForce, { prox: (x: number, t: number) => softScalar(x, 1.1 * t), threshold: (t: number) => 1.1 * t });
    const w = sink();
    expect(await main(args(join(dir, 'weak'), ['--baseline', base, ...th]), w.io, [weak])).toBe(1);
    expect(readFileSync(join(dir, 'weak', 'compare.md'), 'utf8')).toMatch(/`dx.prox.soft-brute-force` \| pass → fail \| 🔴 regressed/);

    const slow = withSubject(softBruteForce, { ...softBruteForce.subject, prox: (x: number, t: number, a: number) => (busyWait(80), softBruteForce.subject.prox(x, t, a)) });
    const sl = sink();
    expect(await main(args(join(dir, 'slow'), ['--baseline', base, ...th]), sl.io, [slow])).toBe(1);
    const cmp = JSON.parse(readFileSync(join(dir, 'slow', 'compare.json'), 'utf8'));
    expect(cmp.claims[0].statusChange).toBe('unchanged');
    expect(cmp.claims[0].metrics.find((m: { name: string }) => m.name === 'time').classification).toBe('regressed');
  });
  it('compares only the selected claims of a whole-catalogue baseline', async () => {
    const dir = tmp();
    const base = makeReport([passResult('dx.prox.soft-brute-force', { timeMs: 1e9, worst: [] }), passResult('agh21.other.claim')]);
    writeFileSync(join(dir, 'base.json'), reportToJson(base));
    const s = sink();
    expect(await main(args(join(dir, 'r'), ['--baseline', join(dir, 'base.json')]), s.io, [softBruteForce])).toBe(0);
    expect(s.out).toContain('baseline: 1 claim(s) outside this run\'s selection not compared');
    expect(s.out).toMatch(/0 regressed, 1 improved/);
  });
  it('fails fast (exit 2) on a bad baseline, before running', async () => {
    const s = sink();
    expect(await main(args(join(tmp(), 'x'), ['--baseline', '/nonexistent/report.json']), s.io, [softBruteForce])).toBe(2);
    expect(s.err).toContain('/nonexistent/report.json: no such file');
    const t = sink();
    expect(await main(args(join(tmp(), 'x'), ['--thresholds', 'x.json']), t.io, [softBruteForce])).toBe(2);
    expect(t.err).toContain('--thresholds needs --baseline');
  });
});
