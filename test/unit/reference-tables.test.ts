import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BEGIN, END, REFERENCE_DIR, STATS_BEGIN, STATS_END, STATS_REFERENCE_DIR, committedReferenceMarkdown, committedStatsReferenceMarkdown, readmeBlock, referenceMarkdown } from '../../scripts/reference-tables.ts';
import { loadReport } from '../../src/report/load.ts';

const README = join(REFERENCE_DIR, '..', '..', 'README.md');

describe('README full-scale figures come from the reference report', () => {
  it('the committed reference loads and names its commit, budget and selection', () => {
    const file = join(REFERENCE_DIR, 'report.json');
    expect(existsSync(file)).toBe(true);
    const r = loadReport(file);
    expect(r.meta.budget).toBe('thorough');
    expect(r.meta.gitCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(r.results.length).toBeGreaterThan(0);
    const md = referenceMarkdown(r);
    expect(md.startsWith(BEGIN) && md.endsWith(END)).toBe(true);
    expect(md).toContain(r.meta.gitCommit!.slice(0, 7));
    for (const x of r.results) expect(md).toContain(`| \`${x.id}\` | ${x.verdict} | ${x.status} |`);
  });

  it('the README block is exactly the generated one (run `npm run reference:tables -- --write` after a new reference)', () => {
    const block = readmeBlock(readFileSync(README, 'utf8'));
    expect(block).not.toBeNull();
    expect(block).toBe(committedReferenceMarkdown());
  });

  it('the §5.2 reference is the full protocol, and the README block is exactly the generated one', () => {
    const r = loadReport(join(STATS_REFERENCE_DIR, 'report', 'report.json'));
    expect(r.meta.budget).toBe('thorough');
    for (const x of r.results) expect(x.values['study computed by']).toMatch(/^scripts\/stats-protocol\.ts run at commit [0-9a-f]{40}/);
    const md = committedStatsReferenceMarkdown();
    expect(md).not.toBeNull();
    expect(md!.startsWith(STATS_BEGIN) && md!.endsWith(STATS_END)).toBe(true);
    expect(readmeBlock(readFileSync(README, 'utf8'), STATS_BEGIN, STATS_END)).toBe(md);
  });
});
