/**
 * Markdown report: the claims at a glance (failures and every non-confirmed
 * verdict first: claim, status, verdict, scale, paper location, kind,
 * provenance, measured vs claimed, runs, time; empty columns left out), the
 * paper-vs-ours table, then details of every failure with its shrunk
 * counterexample and replay command.
 */
import type { ClaimResult, Report } from '../runner/result.ts';
import { mdCode, mdFence, mdText } from './md-escape.ts';
import {
  fmt, fmtComparison, fmtDifference, fmtPublishedTolerance, glanceOrder, nonEmptyColumns, provenanceLabel, referenceLabel, referenceMetaLabel, scaleLabel, tightest,
} from './format.ts';

const cell = mdText;

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
    `theorycheck ${mdText(m.version)} · commit ${mdText(m.gitCommit ?? 'n/a')} · node ${mdText(m.node)} · seed **${m.seed}** · budget **${m.budget}**` +
      (m.runsOverride ? ` · runs ${m.runsOverride}` : '') +
      (m.shard ? ` · shard ${mdText(m.shard)}` : '') +
      ` · ${mdText(m.startedAt)} (${fmt(m.timeMs / 1000)} s)`,
  );
  lines.push('');
  lines.push(`**${s.pass} passed, ${s.fail} failed, ${s.error} errors, ${s.timeout} timeouts** of ${s.total} claims.`);
  const verdicts = Object.entries(s.verdicts ?? {}).map(([v, n]) => `${mdText(v)} ${n}`);
  if (verdicts.length) lines.push('', `Verdicts: ${verdicts.join(' · ')}.`);
  if (m.reference) lines.push('', `Full-scale verdicts ("reference" column) from ${mdText(referenceMetaLabel(m.reference))}.`);
  lines.push('');
  lines.push('## Claims at a glance', '');
  lines.push('Failures and every verdict short of `confirmed` first; the catalogue order within each group. Columns without content are left out.', '');
  const head = ['claim', 'verdict', 'status', 'scale', 'reference (full scale)', 'location', 'kind', 'provenance', 'measured vs claimed (tightest)', 'runs', 'time (s)'];
  const rows = glanceOrder(report.results).map((r) => [
    mdCode(r.id),
    cell(r.verdict),
    r.status === 'pass' ? 'pass' : '**' + cell(r.status) + '**',
    cell(scaleLabel(r.scale)),
    cell(referenceLabel(r)),
    cell(r.location),
    cell(r.kind),
    cell(provenanceLabel(r.provenance)),
    cell(headline(r)),
    `${r.runsExecuted}/${r.runs}`,
    fmt(r.timeMs / 1000),
  ]);
  const keep = nonEmptyColumns(rows, head.length);
  lines.push(`| ${keep.map((i) => head[i]).join(' | ')} |`);
  lines.push(`|${keep.map(() => '---').join('|')}|`);
  for (const row of rows) lines.push(`| ${keep.map((i) => row[i]).join(' | ')} |`);
  const pub = report.results.filter((r) => r.published?.length);
  if (pub.length) {
    lines.push('', '## Paper vs ours', '');
    lines.push('| claim | quantity | source | paper | ours | difference (relative) | tolerance | verdict | scale |');
    lines.push('|---|---|---|---|---|---|---|---|---|');
    for (const r of glanceOrder(pub)) {
      for (const p of r.published) {
        lines.push(
          `| ${mdCode(r.id)} | ${cell(p.quantity)} | ${cell(p.source)} | ${fmt(p.paper)} | ${fmt(p.ours)} | ${fmtDifference(p)} | ${cell(fmtPublishedTolerance(p))}${p.printed === 'misprint' ? ' (printed value wrong)' : ''} | ${cell(r.verdict)} | ${cell(scaleLabel(r.scale))} |`,
        );
      }
    }
  }
  const bad = glanceOrder(report.results.filter((r) => r.status !== 'pass'));
  if (bad.length) {
    lines.push('');
    lines.push('## Failures');
    for (const r of bad) {
      lines.push('');
      lines.push(`### ${mdCode(r.id)} — ${cell(r.status)}`);
      lines.push('');
      lines.push(`${mdText(r.title)}. ${mdText(r.statement)}`);
      lines.push('');
      if (r.error) lines.push(`Error: ${mdText(r.error)}`, '');
      if (r.counterexample) {
        const cx = r.counterexample;
        lines.push(`Counterexample after ${cx.shrinks} shrinks (seed ${cx.seed}, path ${mdCode(cx.path)}):`);
        lines.push('');
        lines.push(...mdFence(JSON.stringify(cx.instance) ?? 'undefined', 'json'));
        for (const c of cx.comparisons) lines.push(`- ${c.pass ? 'holds' : '**violated**'}: ${mdText(fmtComparison(c))}`);
        lines.push('');
        lines.push(`Replay: ${mdCode(cx.replay)}`);
      }
      lines.push(`Tolerance ${fmt(r.tolerance.value)}: ${mdText(r.tolerance.reason)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
