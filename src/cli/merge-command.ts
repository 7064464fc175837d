/** `theorycheck merge <reports…> --out DIR [--force] [--allow-partial] [--no-html]`. */
import { join } from 'node:path';
import type { Claim } from '../claims/claim.ts';
import { loadReport } from '../report/load.ts';
import { checkOutDir } from '../report/atomic.ts';
import { refuseOverwrite } from './verify-extras.ts';
import { reportSetFiles, writeReportSet } from '../report/write.ts';
import { fmt } from '../report/format.ts';
import { UsageError } from '../core/errors.ts';
import { mergeReports } from '../shard/merge.ts';

export interface MergeCommandOptions {
  out: string;
  force?: boolean;
  allowPartial?: boolean;
  html?: boolean;
}

/** Merge report files into `--out`; returns 0 when every merged claim passes, else 1. */
export async function mergeCommand(
  files: string[],
  opts: MergeCommandOptions,
  io: { stdout: { write(s: string): unknown } },
  claims: readonly Claim[] = [],
): Promise<number> {
  if (files.length === 0) throw new UsageError('merge needs at least one report file');
  if (!opts.out) throw new UsageError('merge needs --out DIR');
  checkOutDir(opts.out);
  for (const f of ['report.json', 'report.md', 'junit.xml', ...(opts.html === false ? [] : ['index.html'])]) refuseOverwrite(join(opts.out, f), opts.force);
  const inputs = files.map((file) => ({ file, report: loadReport(file) }));
  const merged = mergeReports(inputs, { order: claims.map((c) => c.id), allowPartial: opts.allowPartial });
  const written = writeReportSet(opts.out, await reportSetFiles(merged, opts.html !== false));
  const html = written.html;
  const s = merged.summary;
  io.stdout.write(
    `merged ${files.length} report(s): ${s.total} claims — ${s.pass} passed, ${s.fail} failed, ${s.error} errors, ${s.timeout} timeouts (seed ${merged.meta.seed}, span ${fmt(merged.meta.timeMs / 1000)} s)\n` +
      `reports: ${written.json}, ${written.markdown}, ${written.junit}${html ? ', ' + html : ''}\n`,
  );
  return s.pass === s.total ? 0 : 1;
}
