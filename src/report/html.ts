/**
 * HTML report: one self-contained file (inline CSS, KaTeX fonts as data URIs,
 * plots as inline SVG rendered in Node by Vega-Lite/Vega, no script, a
 * Content-Security-Policy that forbids any network access).
 *
 * Layout: counts by status and verdict; the claim index (failures and every
 * verdict short of confirmed first, with verdict and scale); overview (run
 * metadata, counts by paper); then one section per paper with its "paper vs
 * measured" table and one card per claim in the same order — failing and
 * adverse cards open, passing ones collapsed (<details>, no script):
 * statement (KaTeX), location, hypotheses,
 * provenance (derived/unverified flagged), tolerance and why, measured vs
 * claimed, status, runs, time, values, plots, and for failures the shrunk
 * counterexample and the replay command.
 */
import { join } from 'node:path';
import type { ClaimResult, RecordedComparison, Report } from '../runner/result.ts';
import { InvalidArgumentError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic.ts';
import { fmt, fmtComparison, fmtDifference, fmtPublishedTolerance, glanceOrder, glanceRank, nonEmptyColumns, provenanceLabel, referenceLabel, referenceMetaLabel, scaleLabel, tightest } from './format.ts';
import { escapeHtml as esc, katexCss, renderTex } from './math.ts';
import { claimTimesSpec, renderSeries, renderVegaLiteSvg, type RenderedPlot } from './plots.ts';

/** Human names of the paper keys. */
/** Options of {@link reportToHtml}. */
export interface HtmlOptions {
  /** Page title (default "theorycheck report"). */
  title?: string;
}

const STATUSES = ['pass', 'fail', 'error', 'timeout'] as const;
/** Longest counterexample text shown in the page (the full instance is in report.json). */
export const MAX_INSTANCE_CHARS = 20_000;
const WARN_PROVENANCE = new Set(['derived', 'unverified', 'misprint']);

const rel = (r: string): string => (r === '<=' ? '≤' : r === '>=' ? '≥' : '=');
const anchor = (id: string): string => 'claim-' + id.replace(/[^A-Za-z0-9_.-]/g, '_');

function badge(status: string): string {
  return `<span class="badge s-${esc(status)}">${esc(status)}</span>`;
}

function comparisonsTable(comps: RecordedComparison[], caption: string): string {
  if (comps.length === 0) return '';
  // The unit column only when some comparison has a unit (no empty columns).
  const units = comps.some((c) => (c.unit ?? '').trim() !== '');
  const rows = comps
    .map(
      (c) =>
        `<tr class="${c.pass ? 'ok' : 'bad'}"><td>${esc(c.quantity)}</td><td class="num">${esc(fmt(c.measured))}</td><td class="rel">${rel(c.relation)}</td>` +
        `<td class="num">${esc(fmt(c.claimed))}</td>${units ? `<td>${esc(c.unit ?? '')}</td>` : ''}<td class="num">${esc(fmt(c.slack))}</td><td>${c.pass ? 'holds' : '<strong>violated</strong>'}</td></tr>`,
    )
    .join('');
  return (
    `<table class="cmp"><caption>${esc(caption)}</caption><thead><tr><th>quantity</th><th>measured</th><th>relation</th><th>claimed</th>${units ? '<th>unit</th>' : ''}<th>slack</th><th>result</th></tr></thead>` +
    `<tbody>${rows}</tbody></table>`
  );
}

const verdictSpan = (v: string): string => `<span class="verdict v-${esc(v)}">${esc(v)}</span>`;

/** Whether a card starts open: failures and adverse or inconclusive verdicts (rank ≤ 1) are shown, the rest collapsed. */
export const cardOpen = (r: ClaimResult): boolean => glanceRank(r) <= 1;

/**
 * The claim index at the top of the page: one row per claim, failures and every verdict short of
 * confirmed first; columns without content are left out.
 */
export function claimIndex(results: ClaimResult[]): string {
  if (results.length === 0) return '';
  const head = ['status', 'claim', 'verdict', 'scale', 'reference (full scale)', 'paper', 'tightest comparison (measured vs claimed)', 'time'];
  const ordered = glanceOrder(results);
  const text = ordered.map((r) => [
    r.status,
    r.id,
    r.verdict,
    scaleLabel(r.scale),
    referenceLabel(r),
    r.paper,
    r.worst.length ? fmtComparison(tightest(r.worst)!) : (r.error ?? ''),
    `${fmt(r.timeMs / 1000)} s`,
  ]);
  const keep = nonEmptyColumns(text, head.length);
  const cellOf = (r: ClaimResult, t: string[], i: number): string => {
    switch (i) {
      case 0:
        return `<td>${badge(r.status)}</td>`;
      case 1:
        return `<td><a href="#${esc(anchor(r.id))}"><code>${esc(r.id)}</code></a></td>`;
      case 2:
        return `<td>${verdictSpan(r.verdict)}</td>`;
      case 7:
        return `<td class="num">${esc(t[i])}</td>`;
      default:
        return `<td>${esc(t[i])}</td>`;
    }
  };
  const rows = ordered.map((r, j) => `<tr class="rank-${glanceRank(r)}">${keep.map((i) => cellOf(r, text[j], i)).join('')}</tr>`).join('');
  return (
    `<section id="index"><h2>Claims at a glance</h2>` +
    `<p class="muted">Failures and every verdict short of <em>confirmed</em> first (then catalogue order). Passing claims' cards below are collapsed; open one by its title.</p>` +
    `<table class="index"><thead><tr>${keep.map((i) => `<th>${esc(head[i])}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`
  );
}

function plotFigure(p: RenderedPlot, key: string): string {
  const dropped = p.dropped ? `<span class="muted"> (${p.dropped} non-drawable point(s) omitted)</span>` : '';
  if (p.svg) return `<figure class="plot" data-plot="${esc(key)}">${p.svg}<figcaption>${esc(p.title)}${dropped}</figcaption></figure>`;
  return `<figure class="plot-missing" data-plot-missing="${esc(key)}"><figcaption>${esc(p.title)}: ${esc(p.note ?? 'not drawn')}</figcaption></figure>`;
}

async function claimCard(r: ClaimResult, texErrors: string[]): Promise<string> {
  const parts: string[] = [];
  parts.push(`<article class="claim st-${esc(r.status)}" id="${esc(anchor(r.id))}">`);
  parts.push(`<details${cardOpen(r) ? ' open' : ''}><summary><h3>${badge(r.status)} <code>${esc(r.id)}</code> — ${esc(r.title)}</h3>`);
  const ref = r.reference ? ` · reference: ${esc(referenceLabel(r))}` : '';
  parts.push(`<span class="glance">${verdictSpan(r.verdict)} · ${esc(scaleLabel(r.scale))}${ref}</span></summary>`);
  parts.push(`<p class="statement">${esc(r.statement)}</p>`);
  if (r.tex) {
    const m = renderTex(r.tex);
    if (m.error) texErrors.push(`${r.id}: ${m.error}`);
    parts.push(`<div class="tex">${m.html}</div>`);
  }
  const prov = WARN_PROVENANCE.has(r.provenance)
    ? `<span class="prov warn">${esc(provenanceLabel(r.provenance))}</span>`
    : `<span class="prov">${esc(provenanceLabel(r.provenance))}</span>`;
  const dl: [string, string][] = [
    ['location', esc(r.location)],
    ['kind', esc(r.kind)],
    ['provenance', prov + (r.source ? ` <span class="muted">— ${esc(r.source)}</span>` : '')],
    ['verdict', verdictSpan(r.verdict)],
    ['scale', esc(scaleLabel(r.scale))],
    ...(r.reference ? ([['reference (full scale)', `${verdictSpan(r.reference.verdict)} ${esc(referenceLabel(r))}`]] as [string, string][]) : []),
    ['tolerance', `${esc(fmt(r.tolerance.value))} <span class="muted">— ${esc(r.tolerance.reason)}</span>`],
    ['runs', `${r.runsExecuted} of ${r.runs} (fast-check seed ${r.seed})`],
    ['time', `${esc(fmt(r.timeMs / 1000))} s`],
  ];
  parts.push(`<dl>${dl.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`);
  if (r.hypotheses.length) parts.push(`<div class="hyp"><strong>Hypotheses</strong><ul>${r.hypotheses.map((h) => `<li>${esc(h)}</li>`).join('')}</ul></div>`);
  parts.push(comparisonsTable(r.worst, 'Measured vs claimed (least slack per quantity over all runs)'));
  const values = Object.entries(r.values ?? {});
  if (values.length) {
    parts.push(
      `<table class="values"><caption>Reported values</caption><tbody>${values
        .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${esc(typeof v === 'number' ? fmt(v) : String(v))}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  const timings = Object.entries(r.timings ?? {});
  if (timings.length) {
    parts.push(
      `<table class="values"><caption>Wall-clock times (s) on the run's machine</caption><tbody>${timings
        .map(([k, v]) => `<tr><td>${esc(k)}</td><td class="num">${esc(fmt(v))}</td></tr>`)
        .join('')}</tbody></table>`,
    );
  }
  if (r.error) parts.push(`<p class="error"><strong>${esc(r.status)}:</strong> ${esc(r.error)}</p>`);
  if (r.counterexample) {
    const cx = r.counterexample;
    parts.push(`<section class="cx"><h4>Shrunk counterexample</h4>`);
    parts.push(`<p>${cx.shrinks} shrink step(s); fast-check seed ${cx.seed}, path <code>${esc(cx.path)}</code>, run seed ${cx.runSeed}.</p>`);
    const text = JSON.stringify(cx.instance, null, 1) ?? 'undefined';
    const shown = text.length > MAX_INSTANCE_CHARS ? `${text.slice(0, MAX_INSTANCE_CHARS)}\n… (${text.length - MAX_INSTANCE_CHARS} more characters in report.json)` : text;
    parts.push(`<pre class="instance">${esc(shown)}</pre>`);
    parts.push(comparisonsTable(cx.comparisons, 'At the counterexample'));
    parts.push(`<p>Replay: <code class="replay">${esc(cx.replay)}</code></p></section>`);
  }
  if (r.series?.length) {
    const plots = await Promise.all(r.series.map(renderSeries));
    parts.push(`<div class="plots">${plots.map((p, i) => plotFigure(p, `${r.id}#${i}`)).join('')}</div>`);
  }
  parts.push('</details></article>');
  return parts.join('\n');
}

/** The "paper vs ours" table of a paper: one row per published value — paper and source, ours, difference, tolerance, verdict, scale. */
export function paperVsMeasured(results: ClaimResult[]): string {
  const pub = glanceOrder(results.filter((r) => (r.published?.length ?? 0) > 0 || r.kind === 'published-number'));
  if (pub.length === 0) return '';
  const rows: string[] = [];
  for (const r of pub) {
    const link = `<a href="#${esc(anchor(r.id))}">${esc(r.id)}</a>`;
    const tail = `<td><span class="verdict v-${esc(r.verdict)}">${esc(r.verdict)}</span></td><td>${esc(scaleLabel(r.scale))}</td>`;
    if (!r.published?.length) {
      rows.push(`<tr><td>${link}</td><td>${esc(r.location)}</td><td colspan="5" class="muted">${esc(r.error ?? 'no printed value recorded for this claim')}</td>${tail}</tr>`);
      continue;
    }
    r.published.forEach((p, i) => {
      rows.push(
        `<tr><td>${i === 0 ? link : ''}</td><td>${esc(p.quantity)} <span class="muted">— ${esc(p.source)}</span></td>` +
          `<td class="num">${esc(fmt(p.paper))}</td><td class="num">${esc(fmt(p.ours))}</td><td class="num">${esc(fmtDifference(p))}</td>` +
          `<td class="num" title="${esc(p.reason)}">${esc(fmtPublishedTolerance(p))}${p.printed === 'misprint' ? ' <span class="muted">(printed value wrong)</span>' : ''}</td>` +
          `<td>${p.within === (p.printed !== 'misprint') ? '✓' : '✗'}</td>${i === 0 ? tail : '<td></td><td></td>'}</tr>`,
      );
    });
  }
  return (
    `<table class="pvm"><caption>Paper vs ours: every printed value a claim reproduces (hover a tolerance for its reason)</caption>` +
    `<thead><tr><th>claim</th><th>quantity — source</th><th>paper</th><th>ours</th><th>difference (relative)</th><th>tolerance</th><th>within</th><th>verdict</th><th>scale</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function checkReportShape(report: unknown): asserts report is Report {
  const r = report as Report;
  if (!r || typeof r !== 'object' || !r.meta || !Array.isArray(r.results) || !r.summary) {
    throw new InvalidArgumentError('report', report, 'a theorycheck Report ({meta, summary, results})');
  }
}

/** Render the whole report as one self-contained HTML document. */
export async function reportToHtml(report: Report, opts: HtmlOptions = {}): Promise<string> {
  checkReportShape(report);
  const title = opts.title ?? 'theorycheck report';
  const m = report.meta;
  const s = report.summary;
  const papers = [...new Set(report.results.map((r) => r.paper))];
  const texErrors: string[] = [];

  const meta: [string, string][] = [
    ['version', `${m.version} (report schema ${m.schemaVersion})`],
    ['git commit', m.gitCommit ?? 'n/a'],
    ['node / platform', `${m.node} / ${m.platform}`],
    ['seed', String(m.seed)],
    ['budget', m.budget + (m.runsOverride ? ` (runs overridden: ${m.runsOverride})` : '')],
    ['selection', m.selection.length ? m.selection.join(', ') : 'all claims'],
    ['shard', m.shard ?? '—'],
    ...(m.reference ? ([['reference', referenceMetaLabel(m.reference)]] as [string, string][]) : []),
    ['started / finished', `${m.startedAt} / ${m.finishedAt}`],
    ['wall time', `${fmt(m.timeMs / 1000)} s`],
  ];
  const byPaper = papers
    .map((p) => {
      const rs = report.results.filter((r) => r.paper === p);
      const cells = STATUSES.map((st) => `<td class="num">${rs.filter((r) => r.status === st).length}</td>`).join('');
      return `<tr><td><a href="#paper-${esc(p)}">${esc(p)}</a></td><td>${esc(m.papers?.[p] ?? p)}</td>${cells}<td class="num">${rs.length}</td></tr>`;
    })
    .join('');

  const sections: string[] = [];
  for (const p of papers) {
    const rs = report.results.filter((r) => r.paper === p);
    const cards = [];
    for (const r of glanceOrder(rs)) cards.push(await claimCard(r, texErrors));
    sections.push(
      `<section class="paper" id="paper-${esc(p)}"><h2>${esc(m.papers?.[p] ?? p)} <span class="muted">(${esc(p)}, ${rs.length} claim(s))</span></h2>` +
        paperVsMeasured(rs) +
        cards.join('\n') +
        '</section>',
    );
  }
  let timesPlot = '';
  if (report.results.length > 0) {
    let svg: string | null = null;
    let note = '';
    try {
      svg = await renderVegaLiteSvg(claimTimesSpec(report.results));
    } catch (e) {
      note = (e as Error).message;
    }
    timesPlot = plotFigure({ title: 'Wall time per claim', svg, dropped: 0, note }, 'overview#times');
  }
  const verdictEntries = Object.entries(s.verdicts ?? {}).filter(([, n]) => n > 0);
  const verdictCounts = verdictEntries.length
    ? `<p class="counts">verdicts: ${verdictEntries.map(([v, n]) => `${verdictSpan(v)} ${n}`).join(' &nbsp; ')}</p>`
    : '';
  const plotCount = report.results.reduce((n, r) => n + (r.series?.length ?? 0), 0) + (timesPlot ? 1 : 0);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="theorycheck ${esc(m.version)}">
<title>${esc(title)}</title>
<style>${katexCss()}</style>
<style>${PAGE_CSS}</style>
</head>
<body data-plots="${plotCount}">
<header><h1>${esc(title)}</h1>
<p class="counts">${STATUSES.map((st) => `${badge(st)} ${s[st]}`).join(' &nbsp; ')} &nbsp; of ${s.total} claim(s)</p>
${verdictCounts}</header>
${claimIndex(report.results)}
<section id="overview"><h2>Overview</h2>
<table class="meta"><tbody>${meta.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>
<table class="bypaper"><caption>Claims by paper and status</caption><thead><tr><th>paper</th><th></th>${STATUSES.map((st) => `<th>${st}</th>`).join('')}<th>total</th></tr></thead><tbody>${byPaper}</tbody></table>
<p class="muted">Provenance labels: <span class="prov warn">DERIVED</span> and <span class="prov warn">UNVERIFIED</span> statements are this project's, not the paper's.</p>
${timesPlot}
${texErrors.length ? `<p class="error">TeX that did not parse: ${texErrors.map(esc).join('; ')}</p>` : ''}
</section>
${sections.join('\n')}
<footer class="muted">Generated by theorycheck ${esc(m.version)}. Self-contained: no network access needed.</footer>
</body>
</html>
`;
}

/** Write `index.html` into `dir` atomically; returns its path. */
export async function writeHtmlReport(report: Report, dir: string, opts: HtmlOptions = {}): Promise<string> {
  const path = join(dir, 'index.html');
  writeFileAtomic(path, await reportToHtml(report, opts));
  return path;
}

const PAGE_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1100px;padding:1em 2em;color:#1b1f24;line-height:1.45}
h1{margin-bottom:.2em}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;margin:.6em 0;font-size:.92em}th,td{border:1px solid #d0d7de;padding:.25em .55em;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600;padding:.2em 0}td.num{text-align:right;font-variant-numeric:tabular-nums}td.rel{text-align:center}
.badge{display:inline-block;border-radius:.7em;padding:0 .6em;font-size:.85em;font-weight:600;color:#fff}
.s-pass{background:#1a7f37}.s-fail{background:#cf222e}.s-error{background:#9a6700}.s-timeout{background:#8250df}
article.claim{border:1px solid #d0d7de;border-left:6px solid #1a7f37;border-radius:6px;padding:.4em 1em 1em;margin:1em 0}
article.st-fail{border-left-color:#cf222e}article.st-error{border-left-color:#9a6700}article.st-timeout{border-left-color:#8250df}
h3{font-size:1.05em}dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.5em 0}dt{font-weight:600}dd{margin:0}
.muted{color:#57606a}.prov.warn{background:#fff8c5;border:1px solid #d4a72c;padding:0 .3em;border-radius:3px;font-weight:600}
.verdict.v-refuted,.verdict.v-not-reproduced,.verdict.v-fails{color:#cf222e;font-weight:600}.verdict.v-inconclusive,.verdict.v-consistent-at-reduced-scale{color:#9a6700;font-weight:600}.verdict.v-paper-misprint{color:#9a6700;font-weight:600}
tr.bad td{background:#ffebe9}.error{color:#cf222e}pre.instance{background:#f6f8fa;padding:.5em;overflow:auto;max-height:20em;font-size:.85em}
code.replay{background:#f6f8fa;padding:.1em .3em;user-select:all}.tex{overflow-x:auto}.plots{display:flex;flex-wrap:wrap;gap:1em}
figure.plot{margin:0}figure.plot svg{max-width:100%;height:auto}figcaption{font-size:.85em;color:#57606a}
code.tex-error{color:#cf222e}
details>summary{cursor:pointer;list-style-position:outside;margin-left:1em}details>summary h3{display:inline;margin:.5em 0}
summary .glance{display:block;font-size:.9em;color:#57606a;margin:.2em 0 .4em}
table.index td,table.index th{font-size:.9em}table.index td.num{white-space:nowrap}table.index tr.rank-0 td{background:#ffebe9}table.index tr.rank-1 td{background:#fff8c5}
`;
