/**
 * Where theorycheck's own files are at run time, whether it runs from its
 * TypeScript sources (development, tsx/vitest) or from the compiled package
 * (`dist/`, what users install).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when this module runs compiled (dist/…/*.js) rather than from source (*.ts). */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * URL of a worker script next to `base` (an `import.meta.url`): the compiled
 * `<name>.js` in the package, or the tsx bootstrap `worker-entry.mjs` from source
 * (loader hooks of the parent do not reach worker threads on Node 20).
 */
export function workerUrl(base: string, name = 'worker'): URL {
  return new URL(base.endsWith('.js') ? `./${name}.js` : './worker-entry.mjs', base);
}

let root: string | undefined;
/** The package's root directory (the one holding theorycheck's package.json). */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'theorycheck') return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('theorycheck: package.json not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** The package version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** A module of the package by its source path (e.g. `theorems/index.ts`), as a file URL of the form that runs here. */
export function packageModule(sourcePath: string): string {
  const rel = COMPILED ? join('dist', sourcePath.replace(/\.ts$/, '.js')) : sourcePath;
  return new URL(`file://${join(packageRoot(), rel)}`).href;
}
