/**
 * The README as a user reads it: its GitHub Actions workflow is valid (checked
 * by a workflow linter) and fixed where the old one was wrong.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The body of the first fenced block of `lang` after `heading`. */
export function blockAfter(heading: string, lang: string): string {
  const at = README.indexOf(heading);
  if (at < 0) throw new Error(`README has no ${heading}`);
  const open = README.indexOf('```' + lang + '\n', at);
  const close = README.indexOf('\n```', open + 4 + lang.length);
  return README.slice(open + 4 + lang.length, close + 1);
}

function validate(yaml: string): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'theorycheck-wf-'));
  const file = join(dir, 'theorycheck.yml');
  writeFileSync(file, yaml);
  const pkg = createRequire(import.meta.url).resolve('@action-validator/cli/package.json');
  const cli = join(dirname(pkg), (JSON.parse(readFileSync(pkg, 'utf8')) as { bin: Record<string, string> }).bin['action-validator']!);
  const r = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('README GitHub Actions workflow', () => {
  const wf = blockAfter('### GitHub Actions', 'yaml');

  it('passes the workflow linter (which rejects an unquoted ${{ }} inside a flow map)', () => {
    const r = validate(wf);
    expect(r.status, r.out).toBe(0);
    const broken = validate('name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { ref: ${{ github.sha }} }\n');
    expect(broken.status).not.toBe(0);
  });

  it('names the shard count once, merges unless cancelled, saves the baseline only from a passing merge, shows JUnit', () => {
    expect(wf).toContain('${{ strategy.job-total }}');
    expect(wf).toContain('merge shards/*/report.json');
    expect(wf).not.toMatch(/always\(\)/);
    expect(wf).toContain("if: ${{ !cancelled() }}");
    expect(wf).toMatch(/keep this report as the baseline[^\n]*\n\s+if: \$\{\{ github.event_name == 'push' && steps.merge.outcome == 'success' \}\}/);
    expect(wf).toContain('reporter: java-junit');
    expect(wf).toContain('no baseline report');
    expect(wf).not.toMatch(/node-version: 20\b/);
  });
});
