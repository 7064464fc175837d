// Build the published package: TypeScript sources → dist/ (JavaScript + .d.ts),
// with the data files the solvers read at run time copied beside them.
import { cpSync, rmSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
for (const dir of ['src/signal/data', 'src/relu/data']) {
  for (const f of readdirSync(join(root, dir))) cpSync(join(root, dir, f), join(root, 'dist', dir, f));
}
console.error('built dist/');
