/**
 * Regression tests of the reliability fixes: selection that cannot hang or
 * select everything by accident, output directories checked before a run,
 * report sets written whole, replay paths validated, hardened fixtures and
 * HTML. Each test failed on the code before the fix.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli/main.ts';
import { UsageError } from '../src/core/errors.ts';
import { checkOutDir, writeFileSet } from '../src/report/atomic.ts';
import { decodeValue, encodeValue, readFixture } from '../src/report/fixtures.ts';
import { reportToHtml } from '../src/report/html.ts';
import { writeReports } from '../src/report/write.ts';
import { globMatch, matches, selectIds } from '../src/runner/select.ts';
import { parseThresholds, ruleFor } from '../src/compare/thresholds.ts';
import { ReportFileError } from '../src/compare/load.ts';
import { proxClaims } from '../theorems/dinh-xin/prox.ts';
import { makeReport, passResult } from './report-html-sample.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'tc-reliab-'));
function capture(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, out: () => out, err: () => err };
}
const ids = proxClaims.map((c) => c.id);

describe('selection: empty patterns are refused, globs run in linear time', () => {
  it('an empty --only is a usage error, not the whole catalogue', async () => {
    for (const only of ['', ',', ' , ']) {
      const io = capture();
      expect(await main(['verify', '--only', only, '--budget', 'quick', '--jobs', '0', '--out', tmp()], io, proxClaims), JSON.stringify(only)).toBe(2);
      expect(io.err()).toMatch(/--only got an empty pattern/);
      expect(io.out()).toBe('');
    }
    expect(() => selectIds(ids, [''])).toThrow(UsageError);
    expect(selectIds(ids, [])).toEqual(ids);
  });

  it('a pathological glob returns at once (it hung: every * became .*)', () => {
    const evil = '*'.repeat(60) + 'x';
    const t0 = performance.now();
    expect(() => selectIds(ids, [evil])).toThrow(UsageError);
    expect(matches('a'.repeat(5000), '*a*a*a*a*a*a*a*a*a*b')).toBe(false);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('glob semantics: * is any run (also empty), other characters are literal', () => {
    expect(globMatch('dx.prox.tl1-threshold', 'dx.*.tl1*')).toBe(true);
    expect(globMatch('dx.prox.tl1-threshold', '*threshold')).toBe(true);
    expect(globMatch('dx.prox.tl1-threshold', 'dx.prox.tl1-threshold')).toBe(true);
    expect(globMatch('dxaprox', 'dx.prox')).toBe(false); // '.' is literal
    expect(globMatch('abc', 'a**c')).toBe(true);
    expect(globMatch('abc', 'a*b')).toBe(false);
    expect(globMatch('', '*')).toBe(true);
    expect(globMatch('', '')).toBe(true);
    expect(globMatch('a', '')).toBe(false);
    expect(globMatch('a+b(c)', 'a+b(*)')).toBe(true);
  });

  it('a pathological override key in a thresholds file does not hang compare; an empty key is refused', () => {
    const t = parseThresholds({ overrides: { ['*'.repeat(40) + 'x']: { slack: { relative: 9 } } } });
    const t0 = performance.now();
    expect(ruleFor(t, 'a'.repeat(200), 'slack', 'q').relative).toBe(0.25);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(() => parseThresholds({ overrides: { '': { slack: { relative: 9 } } } })).toThrow(ReportFileError);
  });
});

describe('--out is checked before the run', () => {
  const verify = async (out: string): Promise<[number, string, string]> => {
    const io = capture();
    const code = await main(['verify', '--only', 'dx.prox.structure', '--budget', 'quick', '--jobs', '0', '--out', out], io, proxClaims);
    return [code, io.out(), io.err()];
  };

  it('an existing file, a path under a file, an empty path: exit 2 before any claim runs', async () => {
    const dir = tmp();
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    for (const [out, re] of [
      [file, /exists and is not a directory/],
      [join(file, 'sub'), /lies under .*file\.txt, which is not a directory/],
      ['', /--out must name a directory/],
      ['   ', /--out must name a directory/],
    ] as const) {
      const [code, stdout, stderr] = await verify(out);
      expect(code, out).toBe(2);
      expect(stderr).toMatch(re);
      expect(stdout).not.toMatch(/verifying/); // nothing ran
    }
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a directory holding other files is refused (a run replaces the whole directory)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const [code, , stderr] = await verify(dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/holds "notes.txt", which is not part of a report set/);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it.skipIf(process.getuid?.() === 0)('a read-only parent directory is refused before the run', async () => {
    const dir = tmp();
    chmodSync(dir, 0o555);
    try {
      const [code, , stderr] = await verify(join(dir, 'out'));
      expect(code).toBe(2);
      expect(stderr).toMatch(/cannot write in/);
    } finally {
      chmodSync(dir, 0o755);
    }
  });

  it('checkOutDir accepts a new nested directory and an existing report directory', () => {
    const dir = tmp();
    expect(checkOutDir(join(dir, 'a', 'b'))).toBe(join(dir, 'a', 'b'));
    expect(existsSync(join(dir, 'a'))).toBe(false); // checking writes nothing
    writeReports(makeReport([passResult('conic.kkt.x')]), join(dir, 'set'));
    expect(() => checkOutDir(join(dir, 'set'))).not.toThrow();
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('compare --out only needs a writable directory (it adds two files, it does not replace the directory)', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'other.txt'), '');
    expect(() => checkOutDir(dir, '--out', false)).not.toThrow();
    expect(() => checkOutDir(join(dir, 'other.txt'), '--out', false)).toThrow(/not a directory/);
  });
});

describe('report sets are written whole', () => {
  it('--no-html after an HTML run leaves no stale index.html; a run without --baseline leaves no stale compare.md', async () => {
    const out = tmp();
    const run = (...extra: string[]) => main(['verify', '--only', 'dx.prox.structure', '--budget', 'quick', '--jobs', '0', '--out', out, ...extra], capture(), proxClaims);
    expect(await run()).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'junit.xml', 'report.json', 'report.md']);
    writeFileSync(join(out, 'compare.md'), 'stale');
    expect(await run('--no-html')).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['junit.xml', 'report.json', 'report.md']);
    expect(readdirSync(join(out, '..')).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a failure while writing leaves the previous set intact, and no staging directory behind', () => {
    const dir = tmp();
    const out = join(dir, 'set');
    writeFileSet(out, { 'report.json': 'old', 'report.md': 'old md' });
    expect(() => writeFileSet(out, { 'report.json': 'new', 'not-a-report.bin': 'x' })).toThrow(UsageError);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('old');
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toBe('old md');
    expect(readdirSync(dir)).toEqual(['set']);
  });

  it('an interrupted run (staging directory of a dead process, previous set moved aside) is recovered', () => {
    const dir = tmp();
    const out = join(dir, 'set');
    // the previous set was moved aside by a process that died before moving the new one in
    const dead = 2 ** 22 + 12345; // above the default pid_max: no such process
    mkdirSync(join(dir, `.set.old-${dead}-0`));
    writeFileSync(join(dir, `.set.old-${dead}-0`, 'report.json'), 'previous');
    mkdirSync(join(dir, `.set.new-${dead}-abc`));
    writeFileSync(join(dir, `.set.new-${dead}-abc`, 'report.json'), 'half');
    expect(checkOutDir(out)).toBe(out);
    writeFileSet(out, { 'report.json': 'next' });
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe('next');
    expect(readdirSync(dir)).toEqual(['set']);
  });
});

describe('--path', () => {
  it('garbage is a usage error (exit 2), not a crashed worker', async () => {
    for (const p of ['garbage', '1:x', '', '-1', '1::2']) {
      const io = capture();
      expect(await main(['verify', '--only', 'dx.prox.structure', '--path', p, '--out', tmp()], io, proxClaims), p).toBe(2);
      expect(io.err()).toMatch(/--path must be a replay path/);
    }
  });
});

describe('hardening', () => {
  it('a "__proto__" key in a fixture stays an own property; the prototype is not replaced', () => {
    const decoded = decodeValue(JSON.parse('{"__proto__": {"polluted": 1}, "a": 2}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect((decoded as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__', 'a']);
    expect(encodeValue(decoded)).toEqual(decoded);
    expect(Object.getPrototypeOf(encodeValue(decoded))).toBe(Object.prototype);
    const dir = tmp();
    writeFileSync(join(dir, 'x.y.json'), JSON.stringify({ schema: 1, id: 'x.y', cases: [{ instance: JSON.parse('{"__proto__": {"n": 3}}'), runSeed: 1 }] }));
    const inst = decodeValue(readFixture(dir, 'x.y')!.cases[0].instance) as { n?: number };
    expect(inst.n).toBeUndefined();
  });

  it('the HTML report forbids <base> and form submission', async () => {
    const html = await reportToHtml(makeReport([passResult('conic.kkt.x')]));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("form-action 'none'");
  });
});
