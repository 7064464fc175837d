import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/core/errors.ts';
import { claimIndex, paperVsMeasured, reportToHtml, writeHtmlReport } from '../../src/report/html.ts';
import { escapeHtml, katexCss, renderTex } from '../../src/report/math.ts';
import { drawableRows, renderSeries, renderVegaLiteSvg, seriesToVegaLite } from '../../src/report/plots.ts';
import type { Series } from '../../src/claims/claim.ts';
import { makeReport, passResult, sampleReport } from '../fixtures/report-sample.ts';

const line: Series = { title: 't', mark: 'line', x: 'k', y: 'gap', logY: true, points: [{ x: 1, y: 1 }, { x: 2, y: 0.1 }, { x: 3, y: NaN }, { x: 4, y: -1 }] };

describe('plots (vega-lite → SVG in Node)', () => {
  it('drops non-finite and non-positive-on-log rows and counts them', () => {
    expect(drawableRows(line)).toEqual({ rows: [{ x: 1, y: 1, group: '' }, { x: 2, y: 0.1, group: '' }], dropped: 2 });
    expect(() => drawableRows({ title: 'x' } as unknown as Series)).toThrow(InvalidArgumentError);
  });
  it('builds a spec with log scales, groups as colours, bars on a band scale', async () => {
    const spec = seriesToVegaLite({ ...line, points: [{ x: 1, y: 1, group: 'a' }, { x: 2, y: 2, group: 'b' }] }) as any;
    expect(spec.encoding.y.scale).toEqual({ type: 'log' });
    expect(spec.encoding.color.field).toBe('group');
    expect(spec.mark.type).toBe('line');
    const bar = seriesToVegaLite({ title: 'h', mark: 'bar', x: 'slack', y: 'count', points: [{ x: 0.1, y: 2 }] }) as any;
    expect(bar.encoding.x.type).toBe('ordinal');
    expect(bar.encoding.color).toBeUndefined();
    const pts = seriesToVegaLite({ title: 'p', mark: 'point', x: 'n', y: 't', logX: true, points: [{ x: 1, y: 2 }] }) as any;
    expect(pts.encoding.x.scale).toEqual({ type: 'log' });
    // Groups differ by dash and shape too, not only by colour; integer data get integer ticks (not on log axes).
    expect(spec.encoding.strokeDash.field).toBe('group');
    expect(spec.encoding.shape.field).toBe('group');
    expect(spec.encoding.x.axis).toEqual({ tickMinStep: 1, format: 'd' });
    expect(spec.encoding.y.axis).toBeUndefined();
    expect(pts.encoding.x.axis).toBeUndefined();
    const frac = seriesToVegaLite({ ...line, points: [{ x: 0.5, y: 1 }] }) as any;
    expect(frac.encoding.x.axis).toBeUndefined();
    // Measured drawn over published: the published group is the first (lower) layer.
    const pub = seriesToVegaLite({
      title: 'iterates', mark: 'line', x: 'iteration', y: 'ζ',
      points: [{ x: 1, y: 1, group: 'measured' }, { x: 2, y: 2, group: 'measured' }, { x: 1, y: 1.01, group: 'published' }, { x: 2, y: 2.01, group: 'published' }],
    }) as any;
    expect(pub.mark).toBeUndefined();
    expect(pub.layer[0].transform[0].filter).toEqual({ field: 'group', oneOf: ['published'] });
    expect(pub.layer[1].transform[0].filter).toEqual({ not: { field: 'group', oneOf: ['published'] } });
    expect(pub.layer[0].mark.strokeWidth).toBeGreaterThan(2);
    expect(await renderVegaLiteSvg(pub)).toMatch(/^<svg/);
    const pubPts = seriesToVegaLite({ title: 'snr', mark: 'point', x: 'σ', y: 'SNR', points: [{ x: 0.1, y: 1, group: 'measured' }, { x: 0.1, y: 1, group: 'paper' }] }) as any;
    expect(pubPts.layer[0].mark.size).toBeGreaterThan(pubPts.layer[1].mark.size);
  });
  it('renders an SVG with marks', async () => {
    const p = await renderSeries(line);
    expect(p.svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(p.svg).toContain('role-mark');
    expect(p.dropped).toBe(2);
    const svg = await renderVegaLiteSvg(seriesToVegaLite(line));
    expect(svg.length).toBeGreaterThan(1000);
  });
  it('explains instead of throwing when nothing can be drawn', async () => {
    expect(await renderSeries({ ...line, points: [] })).toMatchObject({ svg: null, note: 'no drawable points' });
    expect((await renderSeries({ title: 'bad' } as unknown as Series)).note).toMatch(/invalid argument series/);
    const broken = await renderSeries({ ...line, mark: 'nonsense' as 'line' });
    expect(broken.svg).toBeNull();
    expect(broken.note).toMatch(/series\.mark/);
  });
});

describe('math (KaTeX server-side)', () => {
  it('renders TeX to KaTeX HTML + MathML', () => {
    const m = renderTex('\\frac{a}{b}');
    expect(m.error).toBeUndefined();
    expect(m.html).toContain('class="katex-display"');
    expect(m.html).toContain('<math');
  });
  it('shows unparsable TeX verbatim with the error', () => {
    const m = renderTex('\\frac{a<');
    expect(m.error).toMatch(/KaTeX parse error/);
    expect(m.html).toContain('class="tex-error"');
    expect(m.html).toContain('\\frac{a&lt;');
  });
  it('inlines the stylesheet with every font as a data URI', () => {
    const css = katexCss();
    expect(css).not.toMatch(/url\(fonts\//);
    expect(css).toContain('url(data:font/woff2;base64,');
    expect(katexCss()).toBe(css);
  });
  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('reportToHtml', () => {
  it('is one self-contained document with every section', async () => {
    const html = await reportToHtml(sampleReport());
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'"`);
    // No external resource: no src/href to http(s), no script.
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link /i);
    // Overview: metadata and counts by status and by paper.
    expect(html).toContain('<th>seed</th><td>42</td>');
    expect(html).toContain('<th>git commit</th><td>abc1234</td>');
    expect(html).toMatch(/id="paper-dx"/);
    expect(html).toMatch(/id="paper-agh21"/);
    // Plots: 3 series → 3 inline SVGs; body records the count for the browser check.
    expect(html).toContain('data-plots="4"');
    expect(html.match(/<figure class="plot"/g)).toHaveLength(4);
    expect(html).toContain('data-plot="overview#times"');
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(3);
    // Math, provenance labels, tolerance reason.
    expect(html).toContain('class="katex"');
    expect(html).toContain('<span class="prov warn">DERIVED (not the paper&#39;s)</span>');
    expect(html).toContain('UNVERIFIED reconstruction');
    expect(html).toContain('golden-section accuracy');
    expect(html).toMatch(/TeX that did not parse: dx\.prox\.tl1-threshold/);
    // Failure: counterexample and replay command; error escaped.
    expect(html).toContain('npm run theorycheck -- verify --only agh21.signal.bound --seed 42 --path 3:1:0');
    expect(html).toContain('Shrunk counterexample');
    expect(html).toContain('Error: boom &lt;script&gt;');
    expect(html).not.toContain('boom <script>');
    // Values and paper vs measured.
    expect(html).toContain('<td>iterations</td><td class="num">12</td>');
    expect(html).toContain('Paper vs ours');
    expect(html).toContain('not-reproduced');
  });
  it('counts claims by paper and status', async () => {
    const html = await reportToHtml(sampleReport());
    const row = html.match(/<tr><td><a href="#paper-agh21">agh21<\/a><\/td>.*?<\/tr>/)![0];
    expect(row.match(/<td class="num">(\d+)<\/td>/g)!.map((c) => c.replace(/\D/g, ''))).toEqual(['1', '1', '1', '0', '3']);
  });
  it('paper vs measured lists published numbers only, with paper value, ours, verdict', () => {
    const r = sampleReport().results;
    const t = paperVsMeasured(r);
    expect(t).toContain('agh21.table.t2-objective');
    expect(t).toContain('<td class="num">1.24</td><td class="num">1.234');
    expect(t).not.toContain('agh21.signal.bound');
    expect(paperVsMeasured([passResult('dx.a.b')])).toBe('');
    const failing = paperVsMeasured([passResult('dx.a.b', { kind: 'published-number', status: 'error', worst: [], error: 'boom' })]);
    expect(failing).toContain('boom');
  });
  it('puts a claim index at the top: failures and non-confirmed verdicts first, passing cards collapsed, scale shown', async () => {
    const html = await reportToHtml(sampleReport());
    const index = html.slice(html.indexOf('<section id="index">'), html.indexOf('<section id="overview">'));
    expect(html.indexOf('<section id="index">')).toBeLessThan(html.indexOf('<section id="overview">'));
    const order = [...index.matchAll(/href="#claim-([^"]+)"/g)].map((m) => m[1]);
    // fail, error (rank 0) · reduced scale (2) · holds (3) — catalogue order within a rank.
    expect(order).toEqual(['agh21.signal.bound', 'agh21.signal.throws', 'agh21.table.t2-objective', 'dx.prox.soft-brute-force', 'dx.prox.tl1-threshold']);
    expect(index).toContain('REDUCED: n 100 of 1,000, instances 20 of 200');
    // Failing cards open, passing ones collapsed (no script: <details>).
    const card = (id: string): string => html.slice(html.indexOf(`id="claim-${id}"`), html.indexOf('</article>', html.indexOf(`id="claim-${id}"`)));
    expect(card('agh21.signal.bound')).toMatch(/^id="claim-agh21.signal.bound">\n<details open><summary>/);
    expect(card('dx.prox.soft-brute-force')).toMatch(/^id="claim-dx.prox.soft-brute-force">\n<details><summary>/);
    expect(card('dx.prox.soft-brute-force')).toContain('<span class="glance"><span class="verdict v-holds">holds</span> · paper&#39;s setting</span>');
    // Cards follow the same order within a paper section; verdict counts in the header.
    expect(html.indexOf('id="claim-agh21.signal.bound"')).toBeLessThan(html.indexOf('id="claim-agh21.table.t2-objective"'));
    expect(html).toMatch(/verdicts: .*holds<\/span> 2/);
  });
  it('leaves out empty columns (no unit column when no comparison has a unit)', async () => {
    const html = await reportToHtml(makeReport([passResult('dx.a.b')]));
    expect(html).not.toContain('<th>unit</th>');
    const withUnit = await reportToHtml(makeReport([passResult('dx.a.b', { worst: [{ quantity: 't', measured: 1, relation: '<=', claimed: 2, pass: true, slack: 1, unit: 's' }] })]));
    expect(withUnit).toContain('<th>unit</th>');
    expect(claimIndex([passResult('dx.a.b', { worst: [], timeMs: 5 })])).not.toContain('tightest comparison');
    expect(claimIndex([])).toBe('');
  });
  it('notes plots that cannot be drawn instead of failing', async () => {
    const html = await reportToHtml(makeReport([passResult('dx.a.b', { series: [{ ...line, points: [{ x: 1, y: NaN }] }] })]));
    expect(html).toContain('data-plot-missing');
    expect(html).toContain('no drawable points');
  });
  it('abbreviates a huge counterexample (the full one is in report.json)', async () => {
    const r = sampleReport();
    r.results[2].counterexample!.instance = { x: Array.from({ length: 10_000 }, (_, i) => i) };
    const html = await reportToHtml(r);
    expect(html).toMatch(/… \(\d+ more characters in report\.json\)/);
  });
  it('an empty report has no overview plot', async () => {
    expect(await reportToHtml(makeReport([]))).toContain('data-plots="0"');
  });
  it('rejects something that is not a report', async () => {
    await expect(reportToHtml({} as never)).rejects.toThrow(InvalidArgumentError);
  });
  it('writes index.html atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tc-html-'));
    const path = await writeHtmlReport(makeReport([passResult('conic.kkt.x')]), join(dir, 'run'), { title: 'T <1>' });
    expect(path).toBe(join(dir, 'run', 'index.html'));
    expect(readFileSync(path, 'utf8')).toContain('<title>T &lt;1&gt;</title>');
    expect(readdirSync(join(dir, 'run'))).toEqual(['index.html']);
  });
});
