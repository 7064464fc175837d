/**
 * Escaping for the Markdown reports (report.md, compare.md). Their text comes
 * from claims, errors and — for compare and merge — from report files that
 * may have been edited, and report.md is appended to CI job summaries that
 * render HTML, images and links. So no text may open raw HTML, a link or an
 * image, close a code span or fence, or break a table row.
 */

/**
 * Plain text in a paragraph or a table cell, on one line: a `<` that could
 * open a tag, comment or autolink (`<` + letter, `/`, `!`, `?`) and a `&` that
 * could form an entity become entities; `\`, `` ` ``, `[`, `]` and `|` are
 * backslash-escaped (no code span, link, image or extra table cell). `a <= b`
 * and `x < 3` stay readable.
 */
export function mdText(s: unknown): string {
  return String(s)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '&amp;')
    .replace(/<(?=[A-Za-z/!?])/g, '&lt;')
    .replace(/[\\`[\]|]/g, (c) => `\\${c}`);
}

/** Inline code: a backtick fence longer than any backtick run inside, one line, `|` escaped (GFM tables). */
export function mdCode(s: unknown): string {
  const t = String(s).replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
  const run = Math.max(0, ...(t.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(run + 1);
  const pad = t.startsWith('`') || t.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** A fenced code block whose fence no line of `body` can close. */
export function mdFence(body: string, lang = ''): string[] {
  const run = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(Math.max(3, run + 1));
  return [`${fence}${lang}`, body, fence];
}
