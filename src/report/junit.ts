/**
 * JUnit XML: one testsuite per paper, one testcase per claim; failures carry
 * the violated comparisons, the counterexample and the replay command.
 */
import type { Report } from '../runner/result.ts';
import { fmtComparison, scaleLabel } from './format.ts';

/** Escape text for XML attributes and content. */
export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** Render the JUnit XML report. */
export function reportToJunit(report: Report): string {
  const byPaper = new Map<string, typeof report.results>();
  for (const r of report.results) {
    if (!byPaper.has(r.paper)) byPaper.set(r.paper, []);
    byPaper.get(r.paper)!.push(r);
  }
  const s = report.summary;
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(
    `<testsuites name="theorycheck" tests="${s.total}" failures="${s.fail}" errors="${s.error + s.timeout}" time="${(report.meta.timeMs / 1000).toFixed(3)}">`,
  );
  for (const [paper, results] of byPaper) {
    const f = results.filter((r) => r.status === 'fail').length;
    const e = results.filter((r) => r.status === 'error' || r.status === 'timeout').length;
    const t = results.reduce((acc, r) => acc + r.timeMs, 0) / 1000;
    out.push(`  <testsuite name="${xmlEscape(paper)}" tests="${results.length}" failures="${f}" errors="${e}" time="${t.toFixed(3)}">`);
    for (const r of results) {
      out.push(`    <testcase classname="${xmlEscape(paper)}" name="${xmlEscape(r.id)}" time="${(r.timeMs / 1000).toFixed(3)}">`);
      if (r.status === 'fail') {
        const cx = r.counterexample;
        const violated = (cx?.comparisons ?? r.worst).filter((c) => !c.pass).map(fmtComparison).join('; ');
        const body = cx
          ? `${r.statement}\ncounterexample (seed ${cx.seed}, path ${cx.path}): ${JSON.stringify(cx.instance)}\n${cx.comparisons.map(fmtComparison).join('\n')}\nreplay: ${cx.replay}`
          : r.statement;
        out.push(`      <failure message="${xmlEscape(violated)}" type="ClaimViolated">${xmlEscape(body)}</failure>`);
      } else if (r.status === 'error' || r.status === 'timeout') {
        out.push(`      <error message="${xmlEscape(r.error ?? r.status)}" type="${r.status}">${xmlEscape(r.error ?? '')}</error>`);
      }
      out.push(`      <properties><property name="location" value="${xmlEscape(r.location)}"/><property name="provenance" value="${xmlEscape(r.provenance)}"/><property name="verdict" value="${xmlEscape(r.verdict)}"/><property name="scale" value="${xmlEscape(scaleLabel(r.scale))}"/></properties>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
