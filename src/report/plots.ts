/**
 * Plots of the HTML report. A claim attaches its plot as data (a `Series`);
 * this module turns it into a Vega-Lite specification and renders that to an
 * SVG string in Node with Vega (no browser, no hand-drawn SVG). Vega and
 * Vega-Lite are imported lazily, on the first plot.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Series } from '../claims/claim.ts';
import { InvalidArgumentError } from '../core/errors.ts';

/** Width and height of a plot in CSS pixels. */
export const PLOT_WIDTH = 420;
export const PLOT_HEIGHT = 240;

/**
 * Validate a series: finite points, positive values on log axes. Returns the
 * rows that can be drawn (non-finite or non-positive-on-log rows dropped) and
 * how many were dropped, so the reporter can say so instead of failing.
 */
export function drawableRows(series: Series): { rows: { x: number; y: number; group: string }[]; dropped: number } {
  if (!series || typeof series !== 'object' || !Array.isArray(series.points)) {
    throw new InvalidArgumentError('series', series, 'a Series with a points array');
  }
  if (!['line', 'point', 'bar'].includes(series.mark)) throw new InvalidArgumentError('series.mark', series.mark, 'one of line, point, bar');
  const rows: { x: number; y: number; group: string }[] = [];
  let dropped = 0;
  for (const p of series.points) {
    const ok =
      typeof p?.x === 'number' && typeof p?.y === 'number' && Number.isFinite(p.x) && Number.isFinite(p.y) &&
      (!series.logX || p.x > 0) && (!series.logY || p.y > 0);
    if (ok) rows.push({ x: p.x, y: p.y, group: p.group ?? '' });
    else dropped++;
  }
  return { rows, dropped };
}

/** The Vega-Lite specification of a series (line / point / bar; one colour per group). */
export function seriesToVegaLite(series: Series): TopLevelSpec {
  const { rows } = drawableRows(series);
  const grouped = rows.some((r) => r.group !== '');
  // Bars over a few distinct x values (a histogram's bins) are drawn on a band scale so they are visible.
  const distinctX = new Set(rows.map((r) => r.x)).size;
  const x =
    series.mark === 'bar' && distinctX <= 40
      ? { field: 'x', type: 'ordinal' as const, title: series.x, sort: 'ascending' as const }
      : { field: 'x', type: 'quantitative' as const, title: series.x, scale: series.logX ? { type: 'log' as const } : { zero: false } };
  const y = { field: 'y', type: 'quantitative' as const, title: series.y, scale: series.logY ? { type: 'log' as const } : { zero: series.mark === 'bar' } };
  const mark =
    series.mark === 'line' ? { type: 'line' as const, point: rows.length <= 60 } : series.mark === 'point' ? { type: 'point' as const, filled: true, size: 50 } : { type: 'bar' as const };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: series.title,
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    background: 'white',
    data: { values: rows },
    mark,
    encoding: {
      x,
      y,
      ...(grouped ? { color: { field: 'group', type: 'nominal' as const, title: null } } : {}),
      tooltip: [
        { field: 'x', type: 'quantitative' as const, title: series.x },
        { field: 'y', type: 'quantitative' as const, title: series.y },
      ],
    },
  };
}

/** Render a Vega-Lite specification to an SVG string (headless Vega view). */
export async function renderVegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  // Loaded on first use: Vega is large, and most CLI paths never draw.
  const [vega, { compile }] = await Promise.all([import('vega'), import('vega-lite')]);
  const vgSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A rendered plot: the SVG, or why it could not be drawn. */
export interface RenderedPlot {
  title: string;
  svg: string | null;
  /** Rows dropped (non-finite, or ≤ 0 on a log axis). */
  dropped: number;
  /** Why nothing was drawn (no rows, or a rendering error). */
  note?: string;
}

/** Render one series; never throws on bad data (the note explains instead). */
export async function renderSeries(series: Series): Promise<RenderedPlot> {
  const title = typeof series?.title === 'string' ? series.title : 'plot';
  let rows;
  try {
    rows = drawableRows(series);
  } catch (e) {
    return { title, svg: null, dropped: 0, note: (e as Error).message };
  }
  if (rows.rows.length === 0) return { title, svg: null, dropped: rows.dropped, note: 'no drawable points' };
  try {
    return { title, svg: await renderVegaLiteSvg(seriesToVegaLite(series)), dropped: rows.dropped };
  } catch (e) {
    return { title, svg: null, dropped: rows.dropped, note: `rendering failed: ${(e as Error).message}` };
  }
}

/**
 * Overview plot: wall time per claim (horizontal bars coloured by status),
 * so a reader sees where a run spends its time.
 */
export function claimTimesSpec(rows: { id: string; timeMs: number; status: string }[]): TopLevelSpec {
  const values = rows.map((r) => ({ claim: r.id, seconds: Number.isFinite(r.timeMs) ? r.timeMs / 1000 : 0, status: r.status }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: 'Wall time per claim',
    width: PLOT_WIDTH,
    height: { step: 14 },
    background: 'white',
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'claim', type: 'nominal', sort: null, title: null, axis: { labelLimit: 320 } },
      x: { field: 'seconds', type: 'quantitative', title: 'time (s)' },
      color: {
        field: 'status',
        type: 'nominal',
        scale: { domain: ['pass', 'fail', 'error', 'timeout'], range: ['#1a7f37', '#cf222e', '#9a6700', '#8250df'] },
        title: null,
      },
    },
  };
}
