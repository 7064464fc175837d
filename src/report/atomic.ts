/**
 * Atomic writes.
 *
 * - {@link writeFileAtomic}: one file, written to a temporary file in the same
 *   directory and renamed over the target, so a reader never sees half a file.
 * - {@link writeFileSet}: a whole report set (report.json, report.md,
 *   junit.xml, index.html, compare.*). Every file is written into a staging
 *   directory beside the target, and the staging directory replaces the
 *   target by rename: an interrupted run leaves the previous set intact, and
 *   files of the previous set that the new one lacks (index.html after
 *   `--no-html`, compare.md after a run without `--baseline`) are gone.
 * - {@link checkOutDir}: the checks of an output directory, done BEFORE a run
 *   so a bad `--out` is a usage error (exit 2), not a lost run.
 */
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';

let counter = 0;

/** Write `content` to `path` atomically, creating parent directories. */
export function writeFileAtomic(path: string, content: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The files a report set may hold; a directory holding anything else is not replaced. */
export const REPORT_SET_FILES: readonly string[] = ['report.json', 'report.md', 'junit.xml', 'index.html', 'compare.md', 'compare.json'];

const code = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? (e as Error)?.message ?? String(e);

/**
 * Check that `out` can receive a report set, without writing it: a non-empty
 * path; if it exists, a directory (holding only report-set files when the
 * run will `replace` it); otherwise
 * under a directory (not a file) in which we may create entries. Returns the
 * absolute path. Throws {@link UsageError} naming `option` and the reason.
 */
export function checkOutDir(out: unknown, option = '--out', replace = true): string {
  if (typeof out !== 'string' || out.trim() === '') throw new UsageError(`${option} must name a directory, got ${JSON.stringify(out)}`);
  let target = resolve(out);
  if (dirname(target) === target) throw new UsageError(`${option} ${out} is a root directory; name a directory for the reports`);
  if (existsSync(target)) {
    target = realpathSync(target);
    if (!statSync(target).isDirectory()) throw new UsageError(`${option} ${out} exists and is not a directory`);
    let entries: string[];
    try {
      entries = readdirSync(target);
    } catch (e) {
      throw new UsageError(`${option} ${out}: cannot read the directory (${code(e)})`);
    }
    const foreign = replace ? entries.filter((f) => !REPORT_SET_FILES.includes(f)) : [];
    if (foreign.length > 0) {
      throw new UsageError(
        `${option} ${out} holds ${JSON.stringify(foreign[0])}${foreign.length > 1 ? ` and ${foreign.length - 1} more` : ''}, which is not part of a report set; a run replaces the whole directory, so name an empty or report directory`,
      );
    }
  }
  // The nearest existing ancestor must be a directory we can create entries in.
  let anc = dirname(target);
  while (!existsSync(anc)) anc = dirname(anc);
  if (!statSync(anc).isDirectory()) throw new UsageError(`${option} ${out} lies under ${anc}, which is not a directory`);
  try {
    accessSync(anc, constants.W_OK | constants.X_OK);
    // access() is not enough for root or a read-only mount: create and remove a probe.
    rmSync(mkdtempSync(join(anc, '.theorycheck-probe-')), { recursive: true, force: true });
  } catch (e) {
    throw new UsageError(`${option} ${out}: cannot write in ${anc} (${code(e)})`);
  }
  return target;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM';
  }
};

/**
 * Tidy what an interrupted {@link writeFileSet} of `target` left beside it:
 * a previous set moved aside but not replaced is put back; staging
 * directories of dead processes are removed.
 */
function recover(target: string): void {
  const parent = dirname(target);
  const base = basename(target);
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(new|old)-(\\d+)-`);
  for (const f of readdirSync(parent)) {
    const m = pattern.exec(f);
    if (!m || alive(Number(m[2]))) continue;
    const p = join(parent, f);
    if (m[1] === 'old' && !existsSync(target)) renameSync(p, target);
    else rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Write `files` (name → content) as one set into directory `dir`, replacing
 * the directory: files of a previous set not in `files` are removed. The
 * set appears all at once (rename of a staging directory); on any error the
 * previous set is left as it was.
 */
export function writeFileSet(dir: string, files: Record<string, string>): string {
  const target = checkOutDir(dir, 'output directory');
  const parent = dirname(target);
  const base = basename(target);
  mkdirSync(parent, { recursive: true });
  recover(target);
  const stage = mkdtempSync(join(parent, `.${base}.new-${process.pid}-`));
  try {
    chmodSync(stage, 0o755); // mkdtemp makes it private; a report directory is not

    for (const [name, content] of Object.entries(files)) {
      if (!REPORT_SET_FILES.includes(name)) throw new UsageError(`${name} is not a report-set file`);
      writeFileSync(join(stage, name), content);
    }
    if (existsSync(target)) {
      const old = join(parent, `.${base}.old-${process.pid}-${counter++}`);
      renameSync(target, old);
      try {
        renameSync(stage, target);
      } catch (e) {
        renameSync(old, target);
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(stage, target);
    }
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw e;
  }
  return target;
}
