/**
 * Math of the HTML report: TeX statements rendered server-side by KaTeX to
 * HTML + MathML, with KaTeX's stylesheet inlined and its fonts embedded as
 * data URIs, so the report needs no network access to display them.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type katexType from 'katex';

const require = createRequire(import.meta.url);
let katexCache: typeof katexType | null = null;
/** KaTeX, loaded on first use (it is large and most CLI paths render no math). */
function katex(): typeof katexType {
  katexCache ??= require('katex') as typeof katexType;
  return katexCache;
}

/** Result of rendering one TeX string. */
export interface RenderedMath {
  /** HTML to insert (KaTeX markup, or an escaped code span when the TeX does not parse). */
  html: string;
  /** The KaTeX parse error, when there was one. */
  error?: string;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * Render TeX (display mode by default). A parse error never breaks the
 * report: the TeX is shown verbatim in a `<code class="tex-error">` and the
 * error is returned so the caller can list it.
 */
export function renderTex(tex: string, displayMode = true): RenderedMath {
  try {
    const html = katex().renderToString(tex, { displayMode, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore', trust: false });
    return { html };
  } catch (e) {
    const msg = (e as Error).message;
    return { html: `<code class="tex-error" title="${escapeHtml(msg)}">${escapeHtml(tex)}</code>`, error: msg };
  }
}

let cssCache: string | null = null;

/** KaTeX's stylesheet with every font embedded (woff2 data URIs); cached. */
export function katexCss(): string {
  if (cssCache !== null) return cssCache;
  const dist = dirname(require.resolve('katex/dist/katex.min.css'));
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8');
  cssCache = css.replace(/src:url\(fonts\/([A-Za-z0-9_-]+)\.woff2\)[^;}]*/g, (_m, name: string) => {
    const font = readFileSync(join(dist, 'fonts', `${name}.woff2`)).toString('base64');
    return `src:url(data:font/woff2;base64,${font}) format("woff2")`;
  });
  return cssCache;
}
