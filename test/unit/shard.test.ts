import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { InvalidArgumentError, UsageError } from '../../src/core/errors.ts';
import { reportToJson, stripTimings } from '../../src/report/json.ts';
import { mergeCommand } from '../../src/cli/merge-command.ts';
import { MergeError, mergeReports, type MergeInput } from '../../src/shard/merge.ts';
import { costsFromReport, parseShard, partition, shardIds, shardLabel } from '../../src/shard/partition.ts';
import { catalogue } from '../../theorems/index.ts';
import { makeReport, passResult } from '../fixtures/report-sample.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tc-shard-'));
const sink = () => {
  const o = { out: '', err: '', io: null as never as { stdout: { write(s: string): void }; stderr: { write(s: string): void } } };
  o.io = { stdout: { write: (s) => void (o.out += s) }, stderr: { write: (s) => void (o.err += s) } };
  return o;
};

describe('parseShard', () => {
  it('parses i/n and rejects everything else', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    expect(shardLabel({ index: 2, count: 3 })).toBe('2/3');
    for (const bad of ['0/3', '4/3', '1/0', '1/1001', 'a/b', '1', '-1/2', '1.5/3']) expect(() => parseShard(bad), bad).toThrow(UsageError);
  });
});

describe('partition', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  it('round-robins in catalogue order without costs; shards are disjoint and cover everything', () => {
    expect(partition(ids, 3)).toEqual([['a', 'd', 'g'], ['b', 'e'], ['c', 'f']]);
    expect(partition(ids, 1)).toEqual([ids]);
    expect(partition(['a'], 3)).toEqual([['a'], [], []]);
    expect(shardIds(ids, { index: 2, count: 3 })).toEqual(['b', 'e']);
  });
  it('balances by recorded cost (LPT), keeping catalogue order within a shard', () => {
    const costs = new Map([['a', 100], ['b', 10], ['c', 10], ['d', 10], ['e', 10], ['f', 10], ['g', 50]]);
    const p = partition(ids, 3, costs);
    expect(p).toEqual([['a'], ['g'], ['b', 'c', 'd', 'e', 'f']]);
    const load = p.map((s) => s.reduce((t, id) => t + costs.get(id)!, 0));
    expect(Math.max(...load)).toBe(100);
    expect(p.flat().sort()).toEqual(ids);
    // Deterministic, and unknown claims count the median cost.
    expect(partition(ids, 3, costs)).toEqual(p);
    const partial = partition(['x', ...ids], 2, costs);
    expect(partial.flat().sort()).toEqual(['x', ...ids].sort());
    expect(partition(ids, 2, new Map())).toEqual(partition(ids, 2));
  });
  it('keeps the claims of one study in one shard, with and without costs', () => {
    const studies = new Map([['b', 's'], ['e', 's'], ['f', 's']]);
    // units in catalogue order: a, [b e f], c, d, g
    expect(partition(ids, 3, undefined, studies)).toEqual([['a', 'd'], ['b', 'e', 'f', 'g'], ['c']]);
    const costs = new Map([['a', 100], ['b', 10], ['c', 10], ['d', 10], ['e', 10], ['f', 10], ['g', 50]]);
    const p = partition(ids, 3, costs, studies);
    expect(p).toEqual([['a'], ['g'], ['b', 'c', 'd', 'e', 'f']]);
    expect(partition(ids, 4, costs, studies).filter((sh) => sh.includes('b'))[0]).toEqual(expect.arrayContaining(['b', 'e', 'f']));
  });
  it('rejects bad arguments', () => {
    expect(() => partition(ids, 0)).toThrow(InvalidArgumentError);
    expect(() => partition(['a', 'a'], 2)).toThrow(/duplicate/);
  });
  it('reads costs from a report', () => {
    const r = makeReport([passResult('dx.a.b', { timeMs: 5 }), passResult('dx.a.c', { timeMs: NaN })]);
    expect([...costsFromReport(r)]).toEqual([['dx.a.b', 5]]);
  });
});

describe('mergeReports', () => {
  const shard = (i: number, n: number, ids: string[], meta = {}): MergeInput => ({
    file: `s${i}.json`,
    report: makeReport(ids.map((id) => passResult(id)), { shard: `${i}/${n}`, startedAt: `2026-11-25T14:0${i}:00.000Z`, finishedAt: `2026-11-25T14:1${i}:00.000Z`, ...meta }),
  });
  it('merges in catalogue order with a fresh summary and no shard label', () => {
    const m = mergeReports([shard(2, 2, ['dx.a.b', 'dx.a.d']), shard(1, 2, ['dx.a.c', 'dx.z.z'])], { order: ['dx.a.b', 'dx.a.c', 'dx.a.d'] });
    expect(m.results.map((r) => r.id)).toEqual(['dx.a.b', 'dx.a.c', 'dx.a.d', 'dx.z.z']);
    expect(m.meta.shard).toBeNull();
    expect(m.summary.total).toBe(4);
    expect(m.meta.startedAt).toBe('2026-11-25T14:01:00.000Z');
    expect(m.meta.finishedAt).toBe('2026-11-25T14:12:00.000Z');
    expect(m.meta.timeMs).toBe(11 * 60_000);
    // Without an order: by id. Unlabelled disjoint reports merge too.
    const u = mergeReports([{ file: 'a', report: makeReport([passResult('dx.b.b')]) }, { file: 'b', report: makeReport([passResult('dx.a.a')], { gitCommit: null }) }]);
    expect(u.results.map((r) => r.id)).toEqual(['dx.a.a', 'dx.b.b']);
    expect(u.meta.gitCommit).toBe('abc1234');
  });
  it('refuses incompatible or overlapping inputs, naming the files', () => {
    const two = (meta: object) => () => mergeReports([shard(1, 2, ['dx.a.b']), shard(2, 2, ['dx.a.c'], meta)]);
    expect(() => mergeReports([])).toThrow(MergeError);
    expect(two({ seed: 7 })).toThrow('cannot merge s2.json: root seed 7 differs from 42 in s1.json');
    expect(two({ version: '0.2.0' })).toThrow(/s2\.json: theorycheck version "0\.2\.0" differs/);
    expect(two({ schemaVersion: 3 })).toThrow(/schema version/);
    expect(two({ budget: 'quick' })).toThrow(/budget/);
    expect(two({ runsOverride: 5 })).toThrow(/--runs/);
    expect(two({ gitCommit: 'fff' })).toThrow(/s2\.json: git commit fff differs from abc1234 in s1\.json/);
    expect(two({ selection: ['dx.'] })).toThrow(/selection/);
    expect(two({ shard: '2/3' })).toThrow(/s2\.json: shard 2\/3 is of 3 shards, others of 2/);
    expect(two({ shard: '1/2' })).toThrow(/s2\.json: shard 1\/2 is also s1\.json \(same shard twice\)/);
    expect(two({ shard: 'x' })).toThrow(/malformed shard label/);
    expect(two({ shard: null })).toThrow(/s2\.json: it is not a shard report but s1\.json is/);
    expect(() => mergeReports([shard(1, 2, ['dx.a.b']), shard(2, 2, ['dx.a.b'])])).toThrow('cannot merge s2.json: claim dx.a.b is also in s1.json (overlapping shards)');
    expect(() => mergeReports([shard(1, 3, ['dx.a.b']), shard(3, 3, ['dx.a.c'])])).toThrow(/shard\(s\) 2\/3 missing.*--allow-partial/);
    expect(mergeReports([shard(1, 3, ['dx.a.b'])], { allowPartial: true }).summary.total).toBe(1);
  });
  it('merge command refuses to overwrite and names corrupt files', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 's1.json'), reportToJson(shard(1, 1, ['dx.a.b']).report));
    writeFileSync(join(dir, 'cut.json'), reportToJson(shard(1, 1, ['dx.a.b']).report).slice(0, 50));
    const s = sink();
    expect(await mergeCommand([join(dir, 's1.json')], { out: join(dir, 'm'), html: false }, s.io)).toBe(0);
    expect(s.out).toMatch(/merged 1 report\(s\): 1 claims — 1 passed/);
    expect(existsSync(join(dir, 'm', 'index.html'))).toBe(false);
    await expect(mergeCommand([join(dir, 's1.json')], { out: join(dir, 'm') }, sink().io)).rejects.toThrow(/report\.json exists; refusing to overwrite it \(pass --force\)/);
    expect(await mergeCommand([join(dir, 's1.json')], { out: join(dir, 'm'), force: true }, sink().io)).toBe(0);
    expect(existsSync(join(dir, 'm', 'index.html'))).toBe(true);
    const e = sink();
    expect(await main(['merge', join(dir, 's1.json'), join(dir, 'cut.json'), '--out', join(dir, 'n')], e.io, [])).toBe(2);
    expect(e.err).toMatch(/^theorycheck: .*cut\.json: not valid JSON/);
    expect(existsSync(join(dir, 'n'))).toBe(false);
    await expect(mergeCommand([], { out: 'x' }, sink().io)).rejects.toThrow(UsageError);
    await expect(mergeCommand(['a'], { out: '' }, sink().io)).rejects.toThrow(/--out/);
  });
});

describe('verify --shard + merge = single run (real claims)', () => {
  const common = ['--only', 'dx.prox', '--budget', 'quick', '--runs', '10', '--seed', '7', '--no-html'];
  it('a 3-shard run merged equals the single run apart from timings; results do not depend on --jobs', async () => {
    const dir = tmp();
    expect(await main(['verify', ...common, '--jobs', '0', '--out', join(dir, 'single')], sink().io, catalogue)).toBe(0);
    for (const i of [1, 2, 3]) {
      expect(await main(['verify', ...common, '--jobs', '0', '--shard', `${i}/3`, '--out', join(dir, `s${i}`)], sink().io, catalogue)).toBe(0);
    }
    const s1 = JSON.parse(readFileSync(join(dir, 's1', 'report.json'), 'utf8'));
    expect(s1.meta.shard).toBe('1/3');
    expect(s1.results.length).toBe(3);
    const m = sink();
    expect(await main(['merge', ...[3, 1, 2].map((i) => join(dir, `s${i}`)), '--out', join(dir, 'merged')], m.io, catalogue)).toBe(0);
    const single = JSON.parse(readFileSync(join(dir, 'single', 'report.json'), 'utf8'));
    const merged = JSON.parse(readFileSync(join(dir, 'merged', 'report.json'), 'utf8'));
    expect(merged.results.length).toBe(7);
    expect(stripTimings(merged)).toEqual(stripTimings(single));
    // Worker threads (2) give the same report as in-process.
    expect(await main(['verify', ...common, '--jobs', '2', '--out', join(dir, 'jobs2')], sink().io)).toBe(0);
    const jobs2 = JSON.parse(readFileSync(join(dir, 'jobs2', 'report.json'), 'utf8'));
    // Paper names come from the catalogue module; the injected catalogue array of the other runs has none.
    expect(jobs2.meta.papers).toEqual({ dx: expect.any(String) });
    delete jobs2.meta.papers;
    expect(stripTimings(jobs2)).toEqual(stripTimings(single));
    // Balanced by recorded costs: still a partition.
    const ids: string[] = [];
    for (const i of [1, 2]) {
      expect(await main(['verify', ...common, '--jobs', '0', '--shard', `${i}/2`, '--shard-costs', join(dir, 'single'), '--out', join(dir, `c${i}`)], sink().io, catalogue)).toBe(0);
      ids.push(...JSON.parse(readFileSync(join(dir, `c${i}`, 'report.json'), 'utf8')).results.map((r: { id: string }) => r.id));
    }
    expect(ids.sort()).toEqual(single.results.map((r: { id: string }) => r.id).sort());
  });
  it('bad --shard is a usage error', async () => {
    const s = sink();
    expect(await main(['verify', ...common, '--shard', '4/3'], s.io, catalogue)).toBe(2);
    expect(s.err).toMatch(/--shard must be i\/n/);
    const c = sink();
    expect(await main(['verify', ...common, '--shard-costs', 'x.json'], c.io, catalogue)).toBe(2);
    expect(c.err).toMatch(/--shard-costs needs --shard/);
  });
});
