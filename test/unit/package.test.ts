/**
 * The package as a user gets it: `npm pack`, installed into a fresh ESM
 * TypeScript project, type-checked with `--strict --noUncheckedIndexedAccess`,
 * and the user's own claims run by `npx theorycheck verify --catalogue`.
 * Slow (a build and an install): one test.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('the packed package in a consumer project', () => {
  it('installs, type-checks strictly, runs the user\'s claims with the right version and replay line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'theorycheck-consumer-'));
    npm(['run', 'build'], ROOT);
    const packed = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as { filename: string; files: { path: string }[] }[];
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files.some((f) => (f.startsWith('test/') && !f.startsWith('test/fixtures/counterexamples/')) || f.startsWith('.ci/') || (f.startsWith('src/') && f.endsWith('.ts')))).toBe(false);

    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noUncheckedIndexedAccess: true,
          skipLibCheck: true, outDir: 'out', types: ['node'],
        },
        files: ['claims.ts', 'uses-vitest.ts'],
      }),
    );
    copyFileSync(join(ROOT, 'test', 'package', 'consumer-claims.ts'), join(dir, 'claims.ts'));
    writeFileSync(join(dir, 'uses-vitest.ts'), "import { claimTest, reportCollector } from 'theorycheck/vitest';\nimport { shrinks } from './claims.js';\nexport const register = (): void => claimTest(shrinks, { collector: reportCollector() });\n");
    const tsVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')) as { version: string }).version;
    const typesNode = (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@types', 'node', 'package.json'), 'utf8')) as { version: string }).version;
    const vitestVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'vitest', 'package.json'), 'utf8')) as { version: string }).version;
    const install = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, packed[0]!.filename), `typescript@${tsVersion}`, `@types/node@${typesNode}`, `vitest@${vitestVersion}`],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/EBADENGINE/);
    expect(existsSync(join(dir, 'node_modules', 'tsx')), 'tsx is not a runtime dependency').toBe(false);

    const tsc = spawnSync(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], { cwd: dir, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);

    // Under `npm run node-matrix`: the consumer's `node` (PATH) and this test's node are the version under test.
    const expectNode = process.env.THEORYCHECK_EXPECT_NODE;
    if (expectNode) expect([process.version, spawnSync('node', ['-v'], { cwd: dir, encoding: 'utf8' }).stdout.trim()]).toEqual([expectNode, expectNode]);

    const cli = join(dir, 'node_modules', '.bin', 'theorycheck');
    const run = spawnSync(cli, ['verify', '--catalogue', 'out/claims.js', '--budget', 'quick', '--out', 'reports', '--jobs', '1', '--save-counterexamples'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')) as {
      meta: { version: string };
      results: { id: string; status: string; verdict: string; counterexample?: { replay: string } }[];
    };
    expect(report.meta.version).toBe(version);
    const [ok, bad] = report.results;
    expect([ok!.id, ok!.status, ok!.verdict]).toEqual(['mine.prox.shrinks', 'pass', 'holds']);
    expect([bad!.id, bad!.status, bad!.verdict]).toEqual(['mine.prox.wrong', 'fail', 'fails']);
    expect(bad!.counterexample!.replay).toMatch(/^npx theorycheck verify --catalogue out\/claims\.js --only mine\.prox\.wrong --seed 1 --path /);
    expect(existsSync(join(dir, 'theorycheck-fixtures', 'mine.prox.wrong.json'))).toBe(true);
    // The replay line runs as printed.
    const replay = spawnSync('sh', ['-c', bad!.counterexample!.replay.replace(/^npx theorycheck/, JSON.stringify(cli)) + ' --out replayed'], { cwd: dir, encoding: 'utf8' });
    expect(replay.status, replay.stderr).toBe(1);
    expect(replay.stdout).toMatch(/mine\.prox\.wrong/);
  }, 600_000);
});
