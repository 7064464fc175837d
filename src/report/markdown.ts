/**
 * Markdown report: a summary table (claim, paper location, kind, provenance,
 * status, measured vs claimed, runs, time), then details of every failure
 * with its shrunk counterexample and replay command.
 */
import type { ClaimResult, Report } from '../runner/result.ts';
import { fmt, fmtComparison, fmtDifference, fmtPublishedTolerance, provenanceLabel, scaleLabel, tightest } from './format.ts';

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
  const verdicts = Object.entries(s.verdicts ?? {}).map(([v, n]) => `${v} ${n}`);
  if (verdicts.length) lines.push('', `Verdicts: ${verdicts.join(' · ')}.`);
  lines.push('');
  lines.push('| claim | location | kind | provenance | verdict | scale | status | measured vs claimed (tightest) | runs | time (s) |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  for (const r of report.results) {
    lines.push(
      `| \`${r.id}\` | ${cell(r.location)} | ${r.kind} | ${provenanceLabel(r.provenance)} | ${r.verdict} | ${cell(scaleLabel(r.scale))} | ${r.status === 'pass' ? 'pass' : '**' + r.status + '**'} | ${cell(headline(r))} | ${r.runsExecuted}/${r.runs} | ${fmt(r.timeMs / 1000)} |`,
    );
  }
  const pub = report.results.filter((r) => r.published?.length);
  if (pub.length) {
    lines.push('', '## Paper vs ours', '');
    lines.push('| claim | quantity | source | paper | ours | difference (relative) | tolerance | verdict | scale |');
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const r of pub) {
      for (const p of r.published) {
        lines.push(
          `| \`${r.id}\` | ${cell(p.quantity)} | ${cell(p.source)} | ${fmt(p.paper)} | ${fmt(p.ours)} | ${fmtDifference(p)} | ${cell(fmtPublishedTolerance(p))}${p.printed === 'misprint' ? ' (printed value wrong)' : ''} | ${r.verdict} | ${cell(scaleLabel(r.scale))} |`,
        );
      }
    }
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
