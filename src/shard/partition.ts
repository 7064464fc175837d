/**
 * Deterministic partition of the selected claims into n shards
 * (`verify --shard i/n`). Without costs: round robin over the selection in
 * catalogue order. With costs (claim wall times from a previous report):
 * longest-processing-time greedy — claims by decreasing cost (ties by id),
 * each to the shard with the least total so far (ties to the lowest index);
 * claims without a recorded cost count the median recorded cost.
 * Claims that share a memoised study (`studies`: id → study) are one unit, placed whole in one
 * shard, at the sum of their costs, so no study is computed in two shards.
 * Each shard lists its claims in catalogue order.
 */
import { UsageError } from '../core/errors.ts';
import { integerInRange } from '../core/validate.ts';
import type { Report } from '../runner/result.ts';

/** A shard: 1-based index and count. */
export interface Shard {
  index: number;
  count: number;
}

/** Parse `i/n` (1 ≤ i ≤ n ≤ 1000). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(text));
  if (!m) throw new UsageError(`--shard must be i/n with 1 <= i <= n (e.g. 2/3), got ${JSON.stringify(text)}`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > 1000 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 <= i <= n <= 1000, got ${text}`);
  return { index, count };
}

/** `i/n`. */
export const shardLabel = (s: Shard): string => `${s.index}/${s.count}`;

/** Claim wall times (ms) recorded in a report, for balancing. */
export function costsFromReport(report: Report): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of report.results) if (typeof r.timeMs === 'number' && Number.isFinite(r.timeMs) && r.timeMs >= 0) m.set(r.id, r.timeMs);
  return m;
}

/** Partition `ids` (catalogue order) into `count` shards. */
export function partition(ids: readonly string[], count: number, costs?: ReadonlyMap<string, number>, studies?: ReadonlyMap<string, string>): string[][] {
  integerInRange('count', count, 1, 1000);
  if (new Set(ids).size !== ids.length) throw new UsageError('partition: duplicate claim ids');
  const shards: string[][] = Array.from({ length: count }, () => []);
  const order = new Map(ids.map((id, i) => [id, i]));
  const units = studyUnits(ids, studies);
  if (!costs || costs.size === 0) {
    units.forEach((u, i) => shards[i % count].push(...u));
    return shards;
  }
  const known = ids.map((id) => costs.get(id)).filter((c): c is number => c !== undefined).sort((a, b) => a - b);
  const median = known.length ? known[Math.floor((known.length - 1) / 2)] : 1;
  const cost = (u: readonly string[]): number => u.reduce((t, id) => t + (costs.get(id) ?? median), 0);
  const sorted = [...units].sort((a, b) => cost(b) - cost(a) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  for (const u of sorted) {
    let best = 0;
    for (let k = 1; k < count; k++) if (load[k] < load[best]) best = k;
    shards[best].push(...u);
    load[best] += cost(u);
  }
  for (const sh of shards) sh.sort((a, b) => order.get(a)! - order.get(b)!);
  return shards;
}

/** The units of work in catalogue order: each study's claims together (at its first claim), every other claim alone. */
function studyUnits(ids: readonly string[], studies?: ReadonlyMap<string, string>): string[][] {
  const units: string[][] = [];
  const byStudy = new Map<string, string[]>();
  for (const id of ids) {
    const st = studies?.get(id);
    if (st === undefined) units.push([id]);
    else if (byStudy.has(st)) byStudy.get(st)!.push(id);
    else {
      const u = [id];
      byStudy.set(st, u);
      units.push(u);
    }
  }
  return units;
}

/** The claims of one shard. */
export function shardIds(ids: readonly string[], shard: Shard, costs?: ReadonlyMap<string, number>, studies?: ReadonlyMap<string, string>): string[] {
  return partition(ids, shard.count, costs, studies)[shard.index - 1];
}
