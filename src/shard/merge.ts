/**
 * Merge shard reports into one (`theorycheck merge`). The merged report equals
 * a single-machine run with the same seed apart from timing fields: claim
 * seeds derive from the root seed and the claim id only, so a claim's record
 * does not depend on which shard ran it.
 *
 * Refused, with an error naming the files: different tool versions, git
 * commits, schema versions, seeds, budgets, run overrides or selections;
 * shard labels of different counts; the same shard twice; a claim in two
 * reports (overlapping shards); missing shards (unless allowed).
 */
import { TheorycheckError } from '../core/errors.ts';
import type { Report } from '../runner/result.ts';
import { summarise } from '../runner/run-catalogue.ts';
import { parseShard } from './partition.ts';

/** Merging is impossible; the message names the files involved. */
export class MergeError extends TheorycheckError {
  override name = 'MergeError';
}

/** One input: the file it came from and its report. */
export interface MergeInput {
  file: string;
  report: Report;
}

/** Options of {@link mergeReports}. */
export interface MergeOptions {
  /** Catalogue order of ids (merged results follow it; unknown ids go last, sorted). */
  order?: readonly string[];
  /** Allow a merge that lacks some shards of i/n. */
  allowPartial?: boolean;
}

const SAME: { key: keyof Report['meta']; what: string }[] = [
  { key: 'tool', what: 'tool' },
  { key: 'schemaVersion', what: 'schema version' },
  { key: 'version', what: 'theorycheck version' },
  { key: 'seed', what: 'root seed' },
  { key: 'budget', what: 'budget' },
  { key: 'runsOverride', what: '--runs' },
];

/** Merge shard (or any disjoint) reports into one. */
export function mergeReports(inputs: readonly MergeInput[], opts: MergeOptions = {}): Report {
  if (inputs.length === 0) throw new MergeError('merge: no reports given');
  const first = inputs[0];
  for (const inp of inputs.slice(1)) {
    for (const { key, what } of SAME) {
      const a = first.report.meta[key];
      const b = inp.report.meta[key];
      if (a !== b) throw new MergeError(`cannot merge ${inp.file}: ${what} ${JSON.stringify(b)} differs from ${JSON.stringify(a)} in ${first.file}`);
    }
    const ga = first.report.meta.gitCommit;
    const gb = inp.report.meta.gitCommit;
    if (ga !== null && gb !== null && ga !== gb) throw new MergeError(`cannot merge ${inp.file}: git commit ${gb} differs from ${ga} in ${first.file}`);
    const sa = JSON.stringify(first.report.meta.selection);
    const sb = JSON.stringify(inp.report.meta.selection);
    if (sa !== sb) throw new MergeError(`cannot merge ${inp.file}: selection ${sb} differs from ${sa} in ${first.file}`);
  }

  // Shard labels: all null (disjoint ad-hoc reports) or all i/n with the same n.
  const labels = inputs.map((i) => i.report.meta.shard);
  if (labels.some((l) => l !== null)) {
    const byIndex = new Map<number, string>();
    let count: number | null = null;
    for (const inp of inputs) {
      const l = inp.report.meta.shard;
      if (l === null) throw new MergeError(`cannot merge ${inp.file}: it is not a shard report but ${inputs.find((i) => i.report.meta.shard)!.file} is`);
      let s;
      try {
        s = parseShard(l);
      } catch {
        throw new MergeError(`cannot merge ${inp.file}: malformed shard label ${JSON.stringify(l)}`);
      }
      if (count !== null && s.count !== count) throw new MergeError(`cannot merge ${inp.file}: shard ${l} is of ${s.count} shards, others of ${count}`);
      count = s.count;
      const prev = byIndex.get(s.index);
      if (prev) throw new MergeError(`cannot merge ${inp.file}: shard ${l} is also ${prev} (same shard twice)`);
      byIndex.set(s.index, inp.file);
    }
    const missing = Array.from({ length: count! }, (_, k) => k + 1).filter((k) => !byIndex.has(k));
    if (missing.length && !opts.allowPartial) {
      throw new MergeError(`cannot merge: shard(s) ${missing.map((k) => `${k}/${count}`).join(', ')} missing (given ${inputs.map((i) => i.file).join(', ')}); pass --allow-partial to merge anyway`);
    }
  }

  const owner = new Map<string, string>();
  const all = [];
  for (const inp of inputs) {
    for (const r of inp.report.results) {
      const prev = owner.get(r.id);
      if (prev) throw new MergeError(`cannot merge ${inp.file}: claim ${r.id} is also in ${prev} (overlapping shards)`);
      owner.set(r.id, inp.file);
      all.push(r);
    }
  }
  const pos = new Map((opts.order ?? []).map((id, i) => [id, i]));
  all.sort((a, b) => {
    const pa = pos.get(a.id);
    const pb = pos.get(b.id);
    if (pa !== undefined && pb !== undefined) return pa - pb;
    if (pa !== undefined) return -1;
    if (pb !== undefined) return 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });

  const starts = inputs.map((i) => i.report.meta.startedAt).sort();
  const ends = inputs.map((i) => i.report.meta.finishedAt).sort();
  const startedAt = starts[0];
  const finishedAt = ends[ends.length - 1];
  const span = Date.parse(finishedAt) - Date.parse(startedAt);
  return {
    meta: {
      ...first.report.meta,
      gitCommit: inputs.map((i) => i.report.meta.gitCommit).find((g) => g !== null) ?? null,
      shard: null,
      ...(inputs.some((i) => i.report.meta.reference) ? { reference: inputs.map((i) => i.report.meta.reference).find((x) => x !== undefined) } : {}),
      ...(inputs.some((i) => i.report.meta.papers) ? { papers: Object.assign({}, ...inputs.map((i) => i.report.meta.papers ?? {})) as Record<string, string> } : {}),
      startedAt,
      finishedAt,
      timeMs: Number.isFinite(span) ? span : inputs.reduce((s, i) => s + i.report.meta.timeMs, 0),
    },
    summary: summarise(all),
    results: all,
  };
}
