/**
 * Throughput of the componentwise prox maps on 10⁶ entries, as a ratio to a
 * plain copy loop measured in the same run (the reference).
 */
import type { Benchmark } from './main.ts';
import { proxVector, type Penalty } from '../prox/prox.ts';
import { createRng } from '../core/random.ts';

function timeIt(fn: () => void, reps: number): number {
  fn();
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) fn();
  return (performance.now() - t0) / reps;
}

const bench: Benchmark = {
  name: 'prox',
  description: 'componentwise soft / hard / TL1 prox on 1e6 entries vs a copy loop',
  run({ quick }) {
    const n = quick ? 1e5 : 1e6;
    const x = createRng(1).fillNormal(new Float64Array(n));
    const out = new Float64Array(n);
    const reps = quick ? 3 : 10;
    const copyMs = timeIt(() => {
      for (let i = 0; i < n; i++) out[i] = x[i];
    }, reps);
    const res: Record<string, unknown> = { n, copyMs };
    const penalties: [string, Penalty][] = [['soft', { kind: 'l1' }], ['hard', { kind: 'l0' }], ['tl1', { kind: 'tl1', a: 1 }]];
    for (const [name, p] of penalties) {
      const ms = timeIt(() => proxVector(p, x, 0.3, out), reps);
      res[`${name}Ms`] = ms;
      res[`${name}NsPerEntry`] = (ms * 1e6) / n;
      res[`${name}RatioToCopy`] = ms / copyMs;
    }
    return res;
  },
};
export default bench;
