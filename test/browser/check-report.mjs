#!/usr/bin/env node
/**
 * Browser check of a theorycheck HTML report (outside vitest: it starts a real browser).
 *
 *   node test/browser/check-report.mjs [reports/latest/index.html] [--screenshot FILE] [--require]
 *
 * Opens the report in headless Debian Chromium (playwright-core, fresh profile, no network),
 * and fails (exit 1) on: any console error or page error, any network request (the report
 * must be self-contained), a plot that did not render (every figure.plot must hold a
 * non-empty Vega SVG with marks; their number must equal <body data-plots>; no
 * figure.plot-missing), math that did not render, or KaTeX fonts that did not load.
 * Saves the first screen as the reader sees it (passing cards collapsed) as screenshot-top.png,
 * then opens every collapsed card (<details>) before checking plots and math, and saves a
 * full-page screenshot of the opened page (default: screenshot.png next to the report).
 * Without Chromium it prints SKIP and exits 0, unless --require (then exit 1).
 * Chromium: $CHROMIUM_PATH, /usr/bin/chromium or /usr/bin/chromium-browser.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1] === '--screenshot'));
const report = resolve(positional[0] ?? 'reports/latest/index.html');
const screenshot = resolve(value('--screenshot') ?? join(dirname(report), 'screenshot.png'));
const required = flag('--require');

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const executablePath = candidates.find((p) => existsSync(p));
if (!executablePath) {
  console.log(`SKIP browser check: Chromium not found (tried ${candidates.join(', ')}); apt-get install -y chromium`);
  process.exit(required ? 1 : 0);
}
if (!existsSync(report)) {
  console.error(`browser check: ${report}: no such file (run theorycheck verify first)`);
  process.exit(1);
}

let chromium;
try {
  ({ chromium } = await import('playwright-core'));
} catch {
  console.log('SKIP browser check: playwright-core is not installed (npm install)');
  process.exit(required ? 1 : 0);
}

const profile = mkdtempSync(join(tmpdir(), 'theorycheck-chromium-'));
const problems = [];
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('file:') && !u.startsWith('data:')) problems.push(`network request (report must be self-contained): ${u}`);
  });
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load', timeout: 60_000 });
  await page.evaluate(() => document.fonts.ready);
  // The first screen as a reader sees it (passing claim cards collapsed), then every card opened so
  // that the plots and math inside collapsed cards are rendered and checked too.
  const top = screenshot.replace(/\.png$/, '') + '-top.png';
  await page.screenshot({ path: top, fullPage: false, timeout: 60_000 });
  const collapsed = await page.evaluate(() => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    for (const d of closed) d.open = true;
    return closed.length;
  });
  await page.evaluate(() => document.fonts.ready);

  const facts = await page.evaluate(() => {
    const expected = Number(document.body.dataset.plots ?? 'NaN');
    const figures = [...document.querySelectorAll('figure.plot')];
    const badPlots = [];
    for (const f of figures) {
      const svg = f.querySelector('svg');
      const box = svg?.getBoundingClientRect();
      const marks = svg ? svg.querySelectorAll('g.role-mark path, g.role-mark line, g.role-mark rect, g.role-mark circle').length : 0;
      if (!svg || !box || box.width < 50 || box.height < 50 || marks === 0) badPlots.push(`${f.dataset.plot}: ${svg ? `${Math.round(box.width)}×${Math.round(box.height)}, ${marks} mark element(s)` : 'no svg'}`);
    }
    const missing = [...document.querySelectorAll('figure.plot-missing')].map((f) => f.textContent?.trim() ?? '');
    const tex = [...document.querySelectorAll('.tex')];
    const badTex = tex.filter((t) => {
      if (t.querySelector('code.tex-error')) return false; // a TeX parse error, shown verbatim and listed by the reporter
      const k = t.querySelector('.katex-html');
      const b = k?.getBoundingClientRect();
      return !k || !b || b.width === 0 || b.height === 0;
    }).length;
    return {
      expected,
      plots: figures.length,
      badPlots,
      missing,
      tex: tex.length,
      badTex,
      texErrors: document.querySelectorAll('code.tex-error').length,
      katexFont: document.fonts.check('16px KaTeX_Main'),
      claims: document.querySelectorAll('article.claim').length,
      title: document.title,
    };
  });
  if (!(facts.plots === facts.expected)) problems.push(`expected ${facts.expected} plot(s), found ${facts.plots} rendered`);
  for (const b of facts.badPlots) problems.push(`plot not rendered: ${b}`);
  for (const m of facts.missing) problems.push(`plot missing: ${m}`);
  if (facts.badTex) problems.push(`${facts.badTex} of ${facts.tex} TeX statement(s) not rendered`);
  if (facts.tex > 0 && !facts.katexFont) problems.push('KaTeX fonts did not load');
  if (facts.claims === 0) problems.push('no claim in the report');

  // Full page when the browser manages it in time (long reports on a loaded machine may not), else the first screen.
  let shot = 'full page';
  try {
    await page.screenshot({ path: screenshot, fullPage: true, timeout: 120_000 });
  } catch (e) {
    shot = `first screen only (full page failed: ${String(e?.message ?? e).split('\n')[0]})`;
    await page.screenshot({ path: screenshot, fullPage: false, timeout: 60_000 });
  }
  const size = statSync(screenshot).size;
  console.log(
    `browser check: ${report}\n  ${facts.claims} claim(s) (${collapsed} collapsed card(s) opened for the check), ${facts.plots - facts.badPlots.length}/${facts.expected} plot(s) rendered, ${facts.tex - facts.badTex - facts.texErrors}/${facts.tex} TeX rendered` +
      `${facts.texErrors ? ` (${facts.texErrors} shown verbatim: TeX parse error)` : ''}, KaTeX fonts ${facts.katexFont ? 'loaded' : 'NOT loaded'}\n  screenshot: ${screenshot} (${size} bytes, ${shot}); first screen: ${top}`,
  );
} catch (e) {
  problems.push(`browser failed: ${e?.message ?? e}`);
} finally {
  await context?.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`browser check FAILED (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('browser check passed: no console errors, every plot rendered');
