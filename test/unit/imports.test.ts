/**
 * The import graph between folders has no upward arrows (DEVELOPERS.md): tooling
 * core ← claims ← runner ← report ← compare, shard ← cli (vitest beside cli); solver domains know
 * no claim, runner or reporter; the catalogue (theorems/) and the arbitraries know no runner or
 * reporter; no tooling folder imports the catalogue (the CLI loads it by URL at run time).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every .ts file under `dir` (relative to the repository root). */
function tsFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** The folder a file belongs to: `src/<folder>`, `src/index.ts` or `theorems`. */
function areaOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'theorems') return 'theorems';
  return parts.length === 2 ? file : `src/${parts[1]}`;
}

const DOMAINS = ['prox', 'nets', 'conic', 'signal', 'relu', 'adagrad'].map((d) => `src/${d}`);
const TOOLING = ['core', 'claims', 'runner', 'report', 'compare', 'shard', 'cli', 'vitest'].map((d) => `src/${d}`);

/** What each folder may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  'src/core': [],
  'src/claims': ['src/core'],
  'src/runner': ['src/core', 'src/claims'],
  'src/report': ['src/core', 'src/claims', 'src/runner'],
  'src/compare': ['src/core', 'src/claims', 'src/runner', 'src/report'],
  'src/shard': ['src/core', 'src/claims', 'src/runner', 'src/report'],
  'src/cli': ['src/core', 'src/claims', 'src/runner', 'src/report', 'src/compare', 'src/shard'],
  'src/vitest': ['src/core', 'src/claims', 'src/runner', 'src/report'],
  'src/index.ts': TOOLING,
  // solvers: core, the plot type `Series` of claims (type only, checked below), other solvers
  ...Object.fromEntries(DOMAINS.map((d) => [d, ['src/core', 'src/claims', ...DOMAINS]])),
  'src/arbitraries': ['src/core', ...DOMAINS],
  theorems: ['src/core', 'src/claims', 'src/arbitraries', ...DOMAINS],
};

/** Relative imports of a file (static and dynamic), with whether each is type-only. */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: { target: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(import\s+type\b|import|export)\b[^'";]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
    const spec = m[2] ?? m[3]!;
    out.push({ target: normalize(join(dirname(file), spec)), typeOnly: m[1] === 'import type' });
  }
  return out;
}

describe('import direction', () => {
  const files = [...tsFiles('src'), ...tsFiles('theorems')].filter((f) => !f.startsWith('src/bench/'));
  const edges = files.flatMap((f) => importsOf(f).map((i) => ({ from: f, ...i, a: areaOf(f), b: areaOf(relative(ROOT, join(ROOT, i.target))) })));

  it('finds the imports it checks', () => {
    expect(edges.some((e) => e.a === 'src/cli' && e.b === 'src/runner')).toBe(true);
    expect(edges.some((e) => e.a === 'theorems' && e.b === 'src/arbitraries')).toBe(true);
  });

  it('has no upward arrow between folders', () => {
    const bad = edges.filter((e) => e.a !== e.b && !(ALLOWED[e.a] ?? []).includes(e.b)).map((e) => `${e.from} -> ${e.target}`);
    expect(bad).toEqual([]);
  });

  it('solvers import from claims only the plot type, as a type', () => {
    const bad = edges.filter((e) => DOMAINS.includes(e.a) && e.b === 'src/claims' && !e.typeOnly).map((e) => `${e.from} -> ${e.target}`);
    expect(bad).toEqual([]);
  });
});
