import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CATALOGUE_MODULE, loadCatalogue, main, workerCatalogue, type CliIo } from '../../src/cli/main.ts';
import { proxClaims, softBruteForce } from '../../theorems/dinh-xin/prox.ts';
import { stripTimings } from '../../src/report/json.ts';
import { wrongSoft, throwing } from '../fixtures/catalogue.ts';

function capture(isTTY = false): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY },
    stderr: { write: (s: string) => (err += s) },
    out: () => out,
    err: () => err,
  };
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'theorycheck-cli-'));

describe('theorycheck verify', () => {
  it('passes the prox claims, writes the three reports and exits 0', async () => {
    const io = capture();
    const out = tmp();
    const code = await main(['verify', '--budget', 'quick', '--jobs', '0', '--out', out, '--seed', '11'], io, proxClaims);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/7 passed, 0 failed, 0 errors, 0 timeouts \(seed 11\)/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.meta.seed).toBe(11);
    expect(report.meta.schemaVersion).toBe(2);
    expect(report.results).toHaveLength(7);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\| `dx.prox.tl1-threshold` \|/);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8')).toMatch(/<testcase classname="dx" name="dx.prox.soft-brute-force"/);
  });

  it('exits 1 on a negative control and prints a shrunk counterexample whose replay command reproduces it', async () => {
    const catalogue = [softBruteForce, wrongSoft];
    const io = capture();
    const code = await main(['verify', '--budget', 'quick', '--jobs', '0', '--out', tmp(), '--seed', '99'], io, catalogue);
    expect(code).toBe(1);
    const text = io.out();
    expect(text).toMatch(/1 passed, 1 failed/);
    expect(text).toMatch(/shrunk counterexample \(\d+ shrinks\): \{"tau":[^}]+\}/);
    const replay = /replay: npm run theorycheck -- (verify .*)/.exec(text)![1].split(' ');
    expect(replay).toEqual(expect.arrayContaining(['--only', 'test.wrong-soft', '--seed', '99', '--path']));
    const cx = /shrunk counterexample \(\d+ shrinks\): (\{[^}]+\})/.exec(text)![1];
    const io2 = capture();
    const out2 = tmp();
    const code2 = await main([...replay, '--jobs', '0', '--out', out2], io2, catalogue);
    expect(code2).toBe(1);
    expect(io2.out()).toContain(cx);
    const r = JSON.parse(readFileSync(join(out2, 'report.json'), 'utf8'));
    expect(r.results).toHaveLength(1);
    expect(JSON.stringify(r.results[0].counterexample.instance)).toBe(cx);
  });

  it('gives identical JSON reports apart from timings for the same seed', async () => {
    const a = tmp();
    const b = tmp();
    await main(['verify', '--budget', 'quick', '--jobs', '0', '--out', a, '--seed', '5'], capture(), proxClaims);
    await main(['verify', '--budget', 'quick', '--jobs', '0', '--out', b, '--seed', '5'], capture(), proxClaims);
    const ra = JSON.parse(readFileSync(join(a, 'report.json'), 'utf8'));
    const rb = JSON.parse(readFileSync(join(b, 'report.json'), 'utf8'));
    expect(stripTimings(ra)).toEqual(stripTimings(rb));
  });

  it('prints the JSON report with --json and keeps other claims running after an error', async () => {
    const io = capture();
    const code = await main(['verify', '--budget', 'quick', '--jobs', '0', '--json', '--out', tmp()], io, [throwing, softBruteForce]);
    expect(code).toBe(1);
    const r = JSON.parse(io.out());
    expect(r.results.map((x: { status: string }) => x.status)).toEqual(['error', 'pass']);
  });

  it('selects with --only and shows a progress bar on a TTY', async () => {
    const io = capture(true);
    const code = await main(['verify', '--only', 'dx.prox.tl1-', '--only', 'dx.prox.tl1*', '--budget', 'quick', '--jobs', '0', '--out', tmp()], io, proxClaims);
    expect(code).toBe(0);
    expect(io.out()).toMatch(/4 passed/);
  });
});

describe('theorycheck usage errors: one line on stderr, exit 2', () => {
  const cases: [string[], RegExp][] = [
    [['verify', '--only', 'dx.prox.tl1-treshold'], /no claim matches --only dx.prox.tl1-treshold; did you mean dx.prox.tl1-threshold/],
    [['verify', '--seed', 'abc'], /--seed must be an integer/],
    [['verify', '--seed', '-3'], /--seed must be an integer|unknown option/],
    [['verify', '--budget', 'huge'], /budget/],
    [['verify', '--runs', '0'], /--runs must be an integer/],
    [['verify', '--path', '0:1'], /--path replays one claim/],
    [['frobnicate'], /unknown command/],
    [['verify', '--bogus'], /unknown option/],
  ];
  for (const [argv, re] of cases) {
    it(argv.join(' '), async () => {
      const io = capture();
      const code = await main(argv, io, proxClaims);
      expect(code).toBe(2);
      expect(io.err()).toMatch(re);
      expect(io.err().trim().split('\n')).toHaveLength(1);
    });
  }
  it('--help and --version exit 0', async () => {
    expect(await main(['--help'], capture(), proxClaims)).toBe(0);
    const io = capture();
    expect(await main(['--version'], io, proxClaims)).toBe(0);
    expect(io.out()).toMatch(/\d+\.\d+\.\d+/);
  });
});

describe('the module worker processes load', () => {
  it("is one paper's module when it holds the whole selection, else the catalogue", async () => {
    const loaded = await loadCatalogue();
    const dx = loaded.claims.filter((c) => c.id.startsWith('dx.prox.'));
    expect(await workerCatalogue(loaded, dx)).toEqual({ module: expect.stringMatching(/theorems\/dinh-xin\/index\.(ts|js)$/), exportName: 'dinhXinClaims' });
    const mixed = [dx[0]!, loaded.claims.find((c) => c.id.startsWith('conic.'))!];
    expect(await workerCatalogue(loaded, mixed)).toEqual({ module: CATALOGUE_MODULE, exportName: 'catalogue' });
    expect(await workerCatalogue({ ...loaded, parts: undefined }, dx)).toEqual({ module: CATALOGUE_MODULE, exportName: 'catalogue' });
  });
});

describe('theorycheck list', () => {
  it('lists ids, kinds and locations, and as JSON', async () => {
    const io = capture();
    expect(await main(['list'], io, proxClaims)).toBe(0);
    expect(io.out()).toMatch(/dx.prox.tl1-limits\s+convergence\s+DERIVED/);
    const io2 = capture();
    await main(['list', '--json'], io2, proxClaims);
    expect(JSON.parse(io2.out())[0]).toMatchObject({ id: 'dx.prox.soft-brute-force', paper: 'dx', provenance: 'derived' });
  });
  it('loads the real catalogue when none is injected', async () => {
    const io = capture();
    expect(await main(['list', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out()).length).toBeGreaterThanOrEqual(6);
  });
});

describe('the installed entry point', () => {
  it('runs as a process and exits 2 with one line and no stack trace on bad usage', () => {
    const r = spawnSync(process.execPath, ['bin/theorycheck.js', 'verify', '--budget', 'nope'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
  it('verifies one real claim in a worker and writes reports', () => {
    const out = tmp();
    const r = spawnSync(process.execPath, ['bin/theorycheck.js', 'verify', '--only', 'dx.prox.structure', '--budget', 'quick', '--out', out], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'junit.xml'))).toBe(true);
  }, 180_000); // two processes load the catalogue: ~15 s alone, over 60 s on a loaded machine
});
