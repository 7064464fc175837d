/**
 * Property-based input fuzzing of the tool itself (fast-check): CLI argument
 * vectors, thresholds files, report files for compare and merge, the data
 * loader, and numeric entry points over the whole double range (tiny, huge,
 * subnormal, ±0). Every input either works, or is refused with a typed error
 * (exit 2 on the command line, before any claim runs) — never a stack trace,
 * an internal error, a hang, a silent NaN or a wrong optimum.
 *
 * Budget: `THEORYCHECK_FUZZ=quick` (default, a few seconds in the test suite)
 * or `THEORYCHECK_FUZZ=thorough` (documented in README: ~50× the runs), e.g.
 *   THEORYCHECK_FUZZ=thorough npx vitest run test/unit/fuzz.test.ts
 * `THEORYCHECK_FUZZ_SEED` fixes the seed (default: a new one per run, printed by fast-check on failure).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.ts';
import { TheorycheckError } from '../../src/core/errors.ts';
import { compareReports, compareToMarkdown } from '../../src/compare/compare.ts';
import { parseReportText } from '../../src/report/load.ts';
import { parseThresholds, ruleFor, timeRuleFor } from '../../src/compare/thresholds.ts';
import { reportToJson } from '../../src/report/json.ts';
import { reportToMarkdown } from '../../src/report/markdown.ts';
import { mergeReports } from '../../src/shard/merge.ts';
import { parseAccelerometerCsv } from '../../src/signal/accelerometer.ts';
import { generateSpikes } from '../../src/signal/generator.ts';
import { signalProblem } from '../../src/signal/model.ts';
import { pathExactL0 } from '../../src/signal/exact/path-dp.ts';
import { bruteForce } from '../../src/signal/exact/brute-force.ts';
import { hardThreshold, softThreshold, tl1Prox, tl1ThresholdValue } from '../../src/prox/prox.ts';
import { tl1Penalty } from '../../src/prox/scalar.ts';
import { lossRelu, gradRelu, angle } from '../../src/nets/model.ts';
import { cscFromTriplets } from '../../src/conic/index.ts';
import { psdTest } from '../../src/conic/psd.ts';
import { runCatalogue } from '../../src/runner/run-catalogue.ts';
import { softBruteForce } from '../../theorems/dinh-xin/prox.ts';
import { makeReport, passResult } from '../fixtures/report-sample.ts';

const THOROUGH = process.env.THEORYCHECK_FUZZ === 'thorough';
/** Runs per property: quick in the suite, ×50 at thorough. */
const runs = (quick: number): number => (THOROUGH ? quick * 50 : quick);
const seed = process.env.THEORYCHECK_FUZZ_SEED ? Number(process.env.THEORYCHECK_FUZZ_SEED) : undefined;
const params = (quick: number): fc.Parameters<unknown> => ({ numRuns: runs(quick), ...(seed !== undefined ? { seed } : {}) });
const TIMEOUT = THOROUGH ? 1_800_000 : 60_000;

/** Doubles over the whole range, with the edge values weighted in. */
const anyDouble = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, 5e-324, -5e-324, 2.2250738585072014e-308, 1e-300, 1e-150, 1e150, 1e300, 1.7976931348623157e308, -1.7976931348623157e308, Infinity, -Infinity, NaN, 1, -1, 0.5),
);
const finiteDouble = anyDouble.filter((x) => Number.isFinite(x));
const nonNegDouble = finiteDouble.map((x) => Math.abs(x));

/** An error the tool throws on purpose (typed), as opposed to a crash. */
const typed = (e: unknown): boolean => e instanceof TheorycheckError;
function worksOrTyped<T>(f: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!typed(e)) throw e;
    return { ok: false };
  }
}

// ---------------------------------------------------------------------------------------------
// CLI argument vectors

const DIR = mkdtempSync(join(tmpdir(), 'tc-fuzz-'));
const FILE = join(DIR, 'a-file.txt');
writeFileSync(FILE, 'not json');
const GOOD_REPORT = join(DIR, 'good.json');
writeFileSync(GOOD_REPORT, reportToJson(makeReport([passResult(softBruteForce.id)])));
const BAD_THRESHOLDS = join(DIR, 'thr.json');
writeFileSync(BAD_THRESHOLDS, JSON.stringify({ overrides: { ['*'.repeat(30) + 'x']: { time: { relative: 1 } } }, time: { relative: -1 } }));
mkdirSync(join(DIR, 'outs'));
let outCounter = 0;

const word = fc.oneof(
  fc.constantFrom('', ' ', ',', '*', '**********************x', 'dx.', 'dx.prox.', softBruteForce.id, 'nope', '-1', '0', '1', '2', '1e9', '999999999999', 'NaN', '1.5', '0x10', '1/0', '2/1', '1/2', 'quick', 'thorough', 'huge', '0:1', '1::2', 'garbage', '\u0000', '--', '-', '😀', '../', '/'),
  fc.constantFrom(FILE, GOOD_REPORT, BAD_THRESHOLDS, join(FILE, 'sub'), join(DIR, 'missing.json'), DIR),
  fc.string({ maxLength: 12 }),
);
const option = fc.constantFrom(
  '--only', '--seed', '--budget', '--runs', '--out', '--json', '--path', '--timeout', '--jobs', '--shard', '--shard-costs',
  '--baseline', '--thresholds', '--catalogue', '--no-html', '--force', '--allow-partial', '--bogus', '--help', '--version', '--fixtures', '--save-counterexamples',
);
const command = fc.constantFrom('verify', 'compare', 'merge', 'list', 'frobnicate', '');
const argv = fc.tuple(command, fc.array(fc.oneof(option, word), { maxLength: 8 })).map(([c, rest]) => (c ? [c, ...rest] : rest));

function capture(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, out: () => out, err: () => err };
}

describe('fuzz: CLI argument vectors', () => {
  // test files share worker processes (vitest.config.ts: isolate false): the variable is put back afterwards
  const saved = process.env.THEORYCHECK_FIXTURE_DIR;
  afterAll(() => {
    if (saved === undefined) delete process.env.THEORYCHECK_FIXTURE_DIR;
    else process.env.THEORYCHECK_FIXTURE_DIR = saved;
  });
  it('every argv exits 0, 1 or 2; exit 2 is one typed line on stderr before any claim runs; bounded time', async () => {
    process.env.THEORYCHECK_FIXTURE_DIR = join(DIR, 'fixtures');
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        // bounded work whatever the vector says: a tiny catalogue, in process, short limits, a fresh --out
        const out = join(DIR, 'outs', `o${outCounter++}`);
        const tail = args[0] === 'verify' ? ['--jobs', '0', '--timeout', '2000', '--runs', '3', '--fixtures', join(DIR, 'fx'), '--out', out] : [];
        const io = capture();
        const t0 = performance.now();
        const code = await main([...args, ...tail], io, [softBruteForce]);
        const ms = performance.now() - t0;
        expect([0, 1, 2]).toContain(code);
        expect(ms).toBeLessThan(20_000);
        expect(io.err()).not.toMatch(/internal error|\n\s+at |TypeError|ReferenceError/);
        if (code === 2) {
          expect(io.err()).toMatch(/^theorycheck: [^\n]+\n$/);
          expect(io.out()).not.toMatch(/verifying \d+ claim/);
        } else {
          expect(io.err()).toBe('');
        }
      }),
      params(25),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// Thresholds files

const ruleObj = fc.record({ relative: anyDouble, absolute: anyDouble, ignore: fc.oneof(fc.boolean(), fc.string()), noiseMs: anyDouble }, { requiredKeys: [] });
const pattern = fc.oneof(fc.string({ maxLength: 40 }), fc.stringMatching(/^[a-z.*]{0,60}$/));
const thresholdsData = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      time: ruleObj,
      metric: ruleObj,
      slack: ruleObj,
      missing: fc.constantFrom('regressed', 'ignore', 'other', 3),
      overrides: fc.dictionary(pattern, fc.record({ time: ruleObj, slack: ruleObj, metrics: fc.dictionary(fc.string(), ruleObj) }, { requiredKeys: [] }), { maxKeys: 4 }),
    },
    { requiredKeys: [] },
  ),
);

describe('fuzz: thresholds files', () => {
  it('parse or a typed error; resolving rules for any id is fast and finite', () => {
    fc.assert(
      fc.property(thresholdsData, fc.string({ maxLength: 80 }), (data, id) => {
        const t = worksOrTyped(() => parseThresholds(data, 'fuzz.json'));
        if (!t.ok) return;
        const t0 = performance.now();
        const r = ruleFor(t.value, id, 'slack', 'q');
        const tr = timeRuleFor(t.value, id);
        expect(performance.now() - t0).toBeLessThan(500);
        for (const v of [r.relative, r.absolute, tr.relative, tr.noiseMs]) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
      params(200),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// Report files for compare and merge

const VALID = JSON.parse(reportToJson(makeReport([passResult(softBruteForce.id), passResult('conic.kkt.x', { status: 'fail', error: 'x' })])));

/** Mutate a JSON value at a random path: delete, replace with an arbitrary JSON value, or keep. */
function mutate(v: unknown, path: number[], repl: unknown, del: boolean): unknown {
  if (path.length === 0 || v === null || typeof v !== 'object') return repl;
  const keys = Object.keys(v as object);
  if (keys.length === 0) return repl;
  const k = keys[path[0] % keys.length];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(v) ? [...v] : { ...(v as Record<string, unknown>) };
  if (del && path.length === 1) {
    if (Array.isArray(copy)) copy.splice(Number(k), 1);
    else delete copy[k];
    return copy;
  }
  (copy as Record<string, unknown>)[k] = mutate((v as Record<string, unknown>)[k], path.slice(1), repl, del);
  return copy;
}
const reportText = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.oneof(fc.jsonValue(), anyDouble.map((x) => x as unknown), fc.constant('<img src=x>')), fc.boolean()).map(([p, r, d]) => JSON.stringify(mutate(VALID, p, r, d))),
  fc.nat({ max: 2000 }).map((cut) => reportToJson(makeReport([passResult(softBruteForce.id)])).slice(0, cut)),
);

describe('fuzz: report files for compare and merge', () => {
  it('load or a typed error; a loaded report compares, merges and renders without a crash', () => {
    const base = parseReportText(JSON.stringify(VALID), 'base.json');
    fc.assert(
      fc.property(reportText, (text) => {
        const r = worksOrTyped(() => parseReportText(text, 'fuzz.json'));
        if (!r.ok) return;
        const md = compareToMarkdown(compareReports(base, r.value, { baselineFile: 'a', candidateFile: 'b' }));
        expect(typeof md).toBe('string');
        expect(typeof reportToMarkdown(r.value)).toBe('string');
        worksOrTyped(() => mergeReports([{ file: 'a', report: base }, { file: 'b', report: r.value }], { allowPartial: true }));
      }),
      params(200),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// Data loader

const csvLine = fc.tuple(fc.oneof(anyDouble.map(String), fc.string({ maxLength: 6 })), fc.oneof(anyDouble.map(String), fc.string({ maxLength: 6 }))).map(([a, b]) => `${a},${b}`);
const csv = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.array(csvLine, { maxLength: 6 }).chain((ls) => fc.constantFrom(ls.length, ls.length + 1, 0).map((n) => [String(n), ...ls].join('\n'))),
  fc.array(fc.tuple(nonNegDouble, fc.boolean()), { minLength: 1, maxLength: 6 }).map((vals) => {
    const mx = Math.max(...vals.map(([v]) => v));
    return [String(vals.length), ...vals.map(([v, exact]) => `${v},${exact && mx > 0 ? v / mx : 0.5}`)].join('\n');
  }),
);

describe('fuzz: accelerometer data loader', () => {
  it('finite data scaled to max 1, or a typed error naming the line', () => {
    fc.assert(
      fc.property(csv, (text) => {
        const r = worksOrTyped(() => parseAccelerometerCsv(text, 'fuzz.csv'));
        if (!r.ok) return;
        expect(r.value.y.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
        expect(Math.max(...r.value.y)).toBe(1);
      }),
      params(300),
    );
  }, TIMEOUT);
});

// ---------------------------------------------------------------------------------------------
// Numeric entry points over the whole double range

describe('fuzz: numeric entry points (tiny, huge, subnormal, ±0)', () => {
  it('signal model: an error, or the exact DP and brute force agree on a finite optimum', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { minLength: 1, maxLength: 6 }), anyDouble, anyDouble, (y, lambda, mu) => {
        const p = worksOrTyped(() => signalProblem({ y, lambda, mu }));
        if (!p.ok) return;
        const dp = pathExactL0(p.value).objective;
        const bf = bruteForce(p.value).objective;
        expect(Number.isFinite(dp) && Number.isFinite(bf)).toBe(true);
        // the objective scale: ‖y‖² + μn bounds every value that matters
        const scale = p.value.yNorm2 + p.value.mu * p.value.n;
        expect(Math.abs(dp - bf)).toBeLessThanOrEqual(1e-6 * scale + 1e-300);
      }),
      params(300),
    );
  }, TIMEOUT);

  it('generator: finite y in [0, 1] or a typed error', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2, max: 30 }), fc.integer({ min: -1, max: 4 }), fc.integer({ min: 0, max: 5 }), anyDouble, fc.oneof(anyDouble, fc.nat()), fc.constantFrom('sigma', 'sigma-squared', 'x'), (n, s, h, sigma, seed, noise) => {
        const g = worksOrTyped(() => generateSpikes({ n, s, h, sigma, seed, noise: noise as 'sigma' }));
        if (!g.ok) return;
        expect(g.value.y.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
        expect(g.value.truth.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
      }),
      params(300),
    );
  }, TIMEOUT);

  it('prox maps: finite, no larger than |x|, of x’s sign, and no worse than 0 or x', () => {
    fc.assert(
      fc.property(anyDouble, anyDouble, anyDouble, (x, tau, a) => {
        // τ·p(v)/x², formed without underflow or overflow of intermediate products
        const ax = Math.abs(x);
        for (const [name, f, pen] of [
          ['soft', () => softThreshold(x, tau), (v: number) => (tau / ax) * (Math.abs(v) / ax)],
          ['hard', () => hardThreshold(x, tau), (v: number) => (v === 0 ? 0 : tau / ax / ax)],
          ['tl1', () => tl1Prox(x, tau, a), (v: number) => (tau / ax) * (tl1Penalty(v, a) / ax)],
        ] as const) {
          const r = worksOrTyped(f);
          if (!r.ok) continue;
          const y = r.value;
          expect(Number.isFinite(y), `${name}(${x}, ${tau}, ${a}) = ${y}`).toBe(true);
          expect(Math.abs(y)).toBeLessThanOrEqual(Math.abs(x));
          expect(y === 0 || Math.sign(y) === Math.sign(x)).toBe(true);
          // optimality against the candidates 0 and x, in units of x² (no overflow): F(y)/x² ≤ min(F(0), F(x))/x² (1 + 1e-9)
          // (checked where this evaluation of F is itself accurate: no subnormal x, τ or a)
          const normal = (v: number): boolean => v === 0 || Math.abs(v) >= 1e-290;
          if (x !== 0 && normal(x) && normal(tau) && normal(a)) {
            const F = (v: number): number => 0.5 * (v / x - 1) ** 2 + pen(v);
            const best = Math.min(F(0), F(x));
            if (Number.isFinite(best)) expect(F(y), `${name}(${x}, ${tau}, ${a}) = ${y}`).toBeLessThanOrEqual(best * (1 + 1e-9) + 1e-12);
          }
        }
        worksOrTyped(() => expect(Number.isFinite(tl1ThresholdValue(tau, a))).toBe(true));
      }),
      params(1000),
    );
  }, TIMEOUT);

  it('nets: loss, gradient and angle are finite or a typed error', () => {
    fc.assert(
      fc.property(fc.array(anyDouble, { minLength: 1, maxLength: 4 }), fc.array(anyDouble, { minLength: 1, maxLength: 4 }), fc.integer({ min: -1, max: 9 }), (w, ws, k) => {
        const l = worksOrTyped(() => lossRelu(w, ws, k));
        if (l.ok) expect(Number.isFinite(l.value), `loss(${w}, ${ws}, ${k}) = ${l.value}`).toBe(true);
        const g = worksOrTyped(() => gradRelu(w, ws, k));
        if (g.ok) expect(Array.from(g.value).every(Number.isFinite), `grad(${w}, ${ws}, ${k})`).toBe(true);
        const t = worksOrTyped(() => angle(w, ws));
        if (t.ok) expect(t.value >= 0 && t.value <= Math.PI, `angle(${w}, ${ws}) = ${t.value}`).toBe(true);
      }),
      params(500),
    );
  }, TIMEOUT);

  it('conic PSD test agrees with the eigenvalues of 2×2 matrices (exact formula) over the double range', () => {
    fc.assert(
      fc.property(finiteDouble.map(Math.abs), finiteDouble.map(Math.abs), finiteDouble, (p, q, r) => {
        fc.pre(r * r <= p * q * (1 + 1e-12) || !Number.isFinite(r * r)); // 2×2 minors are checked before
        const t = psdTest(cscFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [p, r, q]));
        // scaled: [[1, ρ], [ρ, 1]] with ρ = r/√(pq): PSD iff |ρ| ≤ 1 (up to δ)
        const rho = p > 0 && q > 0 ? Math.abs(r / Math.sqrt(p) / Math.sqrt(q)) : r === 0 ? 0 : Infinity;
        if (rho < 1 - 1e-9) expect(t.psd).toBe(true);
        if (rho > 1 + 1e-9) expect(t.psd).toBe(false);
      }),
      params(500),
    );
  }, TIMEOUT);
});

describe('fuzz: the runner', () => {
  it('any budget/runs/timeout/seed combination runs a claim or is refused with a typed error; bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -2, max: 5 }), anyDouble), fc.oneof(fc.integer({ min: -1, max: 3000 }), anyDouble), fc.oneof(fc.nat(), anyDouble), async (runsOpt, timeoutMs, rootSeed) => {
        const t0 = performance.now();
        try {
          const r = await runCatalogue([softBruteForce], { version: 'f', gitCommit: null, selection: [] }, { rootSeed, budget: 'quick', runs: runsOpt, timeoutMs, jobs: 0 } as never);
          expect(['pass', 'timeout']).toContain(r.results[0].status);
        } catch (e) {
          expect(typed(e), String(e)).toBe(true);
        }
        expect(performance.now() - t0).toBeLessThan(10_000);
      }),
      params(30),
    );
  }, TIMEOUT);
});
