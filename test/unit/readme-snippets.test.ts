/**
 * Every TypeScript block of the README runs as printed, and what it prints is
 * what the README says it prints (the ```text block after "Prints:").
 * Imports of the package (`theorycheck`, `theorycheck/<entry>`) are pointed
 * at this checkout's entry files; nothing else in a block is changed. A block
 * is imported in this test's process with console.log captured (a process per
 * block cost 1–2 CPU-s each to load the library again); a block that is a vitest
 * file (it imports 'vitest') runs under its own vitest.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const ROOT = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const exportsMap = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { default: string } | string> }).exports;

/** The source file of a package entry point (`./dist/src/x/index.js` → `src/x/index.ts`). */
function sourceOf(specifier: string): string {
  const key = specifier === 'theorycheck' ? '.' : './' + specifier.slice('theorycheck/'.length);
  const entry = exportsMap[key];
  if (!entry || typeof entry === 'string') throw new Error(`README imports ${specifier}, which package.json does not export`);
  return join(ROOT, entry.default.replace(/^\.\/dist\//, '').replace(/\.js$/, '.ts'));
}

interface Snippet {
  line: number;
  code: string;
  prints: string | null;
}

function snippets(): Snippet[] {
  const out: Snippet[] = [];
  const re = /```ts\n([\s\S]*?)```\n/g;
  for (let m = re.exec(README); m; m = re.exec(README)) {
    const after = README.slice(m.index + m[0].length);
    const p = /^\s*Prints:\s*\n+```text\n([\s\S]*?)```/.exec(after);
    out.push({ line: README.slice(0, m.index).split('\n').length, code: m[1]!, prints: p ? p[1]! : null });
  }
  return out;
}

/** What a module prints with console.log while it is imported (top-level await included), as Node prints it. */
async function printedBy(file: string): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(format(...args));
  try {
    await import(pathToFileURL(file).href);
  } finally {
    console.log = log;
  }
  return lines.map((l) => l + '\n').join('');
}

const dir = join(ROOT, '.scratch', 'readme');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");

describe('README TypeScript blocks', () => {
  const all = snippets();
  it('imports only from the package entry points', () => {
    for (const s of all) {
      for (const [, spec] of s.code.matchAll(/from '([^']+)'/g)) {
        expect(spec!.startsWith('.') || spec!.startsWith('/'), `README line ${s.line}: import from a deep path ${spec}`).toBe(false);
      }
    }
  });

  it.each(all.map((s) => [s.line, s] as const))('block at line %i runs and prints what the README shows', async (line, s) => {
    const code = s.code.replace(/from '(theorycheck(?:\/[\w-]+)?)'/g, (_, spec: string) => `from '${sourceOf(spec)}'`);
    const vitestFile = /from 'vitest'/.test(code);
    const file = join(dir, `block-${line}${vitestFile ? '.test' : ''}.ts`);
    writeFileSync(file, code);
    if (vitestFile) {
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join(dir, 'vitest.config.mjs'), '--root', dir, `block-${line}`], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, `README line ${line}:\n${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/1 passed/);
      return;
    }
    const stdout = await printedBy(file);
    if (s.prints !== null) expect(stdout.trim(), `README line ${line} prints`).toBe(s.prints.trim());
    else expect(stdout.trim(), `README line ${line} prints something, but the README shows no "Prints:" block`).toBe('');
  }, 300_000);
});
