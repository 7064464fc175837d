/**
 * Markdown report: a summary table (claim, paper location, kind, provenance,
 * status, measured vs claimed, runs, time), then details of every failure
 * with its shrunk counterexample and replay command.
 */
import type { ClaimResult, Report } from '../runner/result.ts';
import { fmt, fmtComparison, provenanceLabel, tightest } from './format.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The headline comparison of a result: the tightest one. */
function headline(r: ClaimResult): string {
  if (r.worst.length === 0) return r.error ?? '—';
  return fmtComparison(tightest(r.worst)!);
}

/** Render the Markdown report. */
export function reportToMarkdown(report: Report): string {
  const m = report.meta;
  const s = report.summary;
  const lines: string[] = [];
  lines.push(`# theorycheck report`);
  lines.push('');
  lines.push(
    `theorycheck ${m.version} · commit ${m.gitCommit ?? 'n/a'} · node ${m.node} · seed **${m.seed}** · budget **${m.budget}**` +
      (m.runsOverride ? ` · runs ${m.runsOverride}` : '') +
      (m.shard ? ` · shard ${m.shard}` : '') +
      ` · ${m.startedAt} (${fmt(m.timeMs / 1000)} s)`,
  );
  lines.push('');
  lines.push(`**${s.pass} passed, ${s.fail} failed, ${s.error} errors, ${s.timeout} timeouts** of ${s.total} claims.`);
  lines.push('');
  lines.push('| claim | location | kind | provenance | verdict | status | measured vs claimed (tightest) | runs | time (s) |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const r of report.results) {
    lines.push(
      `| \`${r.id}\` | ${cell(r.location)} | ${r.kind} | ${provenanceLabel(r.provenance)} | ${r.verdict} | ${r.status === 'pass' ? 'pass' : '**' + r.status + '**'} | ${cell(headline(r))} | ${r.runsExecuted}/${r.runs} | ${fmt(r.timeMs / 1000)} |`,
    );
  }
  const bad = report.results.filter((r) => r.status !== 'pass');
  if (bad.length) {
    lines.push('');
    lines.push('## Failures');
    for (const r of bad) {
      lines.push('');
      lines.push(`### \`${r.id}\` — ${r.status}`);
      lines.push('');
      lines.push(`${r.title}. ${r.statement}`);
      lines.push('');
      if (r.error) lines.push(`Error: ${r.error}`, '');
      if (r.counterexample) {
        const cx = r.counterexample;
        lines.push(`Counterexample after ${cx.shrinks} shrinks (seed ${cx.seed}, path \`${cx.path}\`):`);
        lines.push('');
        lines.push('```json');
        lines.push(JSON.stringify(cx.instance));
        lines.push('```');
        for (const c of cx.comparisons) lines.push(`- ${c.pass ? 'holds' : '**violated**'}: ${fmtComparison(c)}`);
        lines.push('');
        lines.push(`Replay: \`${cx.replay}\``);
      }
      lines.push(`Tolerance ${fmt(r.tolerance.value)}: ${r.tolerance.reason}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
