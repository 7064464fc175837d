/** A hand-made Report used by the report, compare, shard and fixture tests. */
import type { ClaimResult, Report } from '../src/runner/result.ts';
import { summarise } from '../src/runner/run-catalogue.ts';

const base = {
  statement: 'S_τ(x) equals the brute-force minimiser.',
  hypotheses: ['τ > 0'],
  kind: 'identity' as const,
  provenance: 'paper' as const,
  verdict: 'confirmed' as const,
  asserts: 'statement' as const,
  onFailure: 'refuted' as const,
  scale: { paper: null, run: null, full: true },
  published: [],
  tolerance: { value: 1e-6, reason: 'golden-section accuracy √ε' },
  runs: 100,
  runsExecuted: 100,
  series: [],
  values: {},
};

/** One passing result with the given id (paper from the id's first part). */
export function passResult(id: string, over: Partial<ClaimResult> = {}): ClaimResult {
  return {
    ...base,
    id,
    paper: id.split('.')[0] as ClaimResult['paper'],
    location: 'Thm 1',
    title: `claim ${id}`,
    seed: 1234,
    status: 'pass',
    worst: [{ quantity: 'gap', measured: 1e-9, relation: '<=', claimed: 1e-6, pass: true, slack: 1e-6 - 1e-9 }],
    timeMs: 100,
    ...over,
  };
}

/** A report of the given results. */
export function makeReport(results: ClaimResult[], meta: Partial<Report['meta']> = {}): Report {
  const summary = summarise(results);
  return {
    meta: {
      tool: 'theorycheck',
      version: '0.1.0',
      schemaVersion: 2,
      gitCommit: 'abc1234',
      node: 'v20.20.2',
      platform: 'linux-x64',
      seed: 42,
      budget: 'default',
      runsOverride: null,
      selection: [],
      shard: null,
      startedAt: '2026-11-25T14:00:00.000Z',
      finishedAt: '2026-11-25T14:01:00.000Z',
      timeMs: 60000,
      ...meta,
    },
    summary,
    results,
  };
}

/** A varied report: pass with TeX and plots, a derived claim, a failure with counterexample, an error, a published number. */
export function sampleReport(): Report {
  return makeReport([
    passResult('dx.prox.soft-brute-force', {
      tex: 'S_\\tau(x)=\\operatorname{sgn}(x)\\max(|x|-\\tau,0)',
      provenance: 'derived',
      verdict: 'holds',
      source: 'docs/claims/dinh-xin.md#soft-thresholding',
      values: { iterations: 12, converged: true },
      series: [
        {
          title: 'convergence trace',
          mark: 'line',
          x: 'iteration',
          y: 'gap',
          logY: true,
          points: [1, 2, 3, 4, 5].flatMap((k) => [
            { x: k, y: 10 ** -k, group: 'RVSM' },
            { x: k, y: 2 * 10 ** -k, group: 'RVSCGD' },
          ]),
        },
        { title: 'time vs n', mark: 'point', x: 'n', y: 'time (ms)', logX: true, points: [{ x: 10, y: 1 }, { x: 100, y: 9 }, { x: 1000, y: 95 }] },
        { title: 'slack histogram', mark: 'bar', x: 'slack', y: 'count', points: [{ x: 0.1, y: 3 }, { x: 0.2, y: 7 }, { x: 0.3, y: 2 }] },
      ],
    }),
    passResult('dx.prox.tl1-threshold', { provenance: 'unverified', verdict: 'holds', tex: '\\frac{a' }),
    passResult('agh21.signal.bound', {
      status: 'fail',
      verdict: 'refuted',
      worst: [{ quantity: 'gap', measured: 0.3, relation: '<=', claimed: 0.1, pass: false, slack: -0.2 }],
      counterexample: {
        seed: 99,
        path: '3:1:0',
        instance: { tau: 0.5, x: [1, 2, 3] },
        runSeed: 7,
        comparisons: [{ quantity: 'gap', measured: 0.3, relation: '<=', claimed: 0.1, pass: false, slack: -0.2 }],
        shrinks: 4,
        replay: 'npm run theorycheck -- verify --only agh21.signal.bound --seed 42 --path 3:1:0',
      },
    }),
    passResult('agh21.signal.throws', { status: 'error', verdict: 'inconclusive', error: 'Error: boom <script>', worst: [], runsExecuted: 0 }),
    passResult('agh21.table.t2-objective', {
      kind: 'published-number',
      location: 'Table 2',
      onFailure: 'not-reproduced',
      scale: { paper: { n: 1000, instances: 200 }, run: { n: 100, instances: 20 }, full: false },
      worst: [{ quantity: '|ours − paper| objective (Table 2, p. 30)', measured: 0.0055, relation: '<=', claimed: 0.01, pass: true, slack: 0.0045 }],
      published: [
        {
          key: 'objective', quantity: 'objective', source: 'Table 2, p. 30', paper: 1.24, ours: 1.2345, absDiff: 0.0055, relDiff: 0.0055 / 1.24,
          tolerance: 0.01, relativeTolerance: false, reason: 'printed to two decimals', printed: 'correct', within: true,
        },
      ],
      verdict: 'consistent-at-reduced-scale',
    }),
  ]);
}
