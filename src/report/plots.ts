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

/** Groups that hold a paper's printed values (drawn first, dashed, so the measured series lies on top). */
export const PUBLISHED_GROUP = /\b(paper|published|printed)\b/i;

/** Axis of integer ticks when every value on it is an integer (iterations, counts, sizes). */
function integerAxis(values: number[], log: boolean | undefined): { axis?: { tickMinStep: number; format: string } } {
  return !log && values.length > 0 && values.every(Number.isInteger) ? { axis: { tickMinStep: 1, format: 'd' } } : {};
}

/**
 * The Vega-Lite specification of a series (line / point / bar). Groups get a colour and, so that
 * they can be told apart without colour, a dash pattern (lines) and a point shape. Groups that hold
 * a paper's printed values (see {@link PUBLISHED_GROUP}) are drawn first and dashed, the measured ones over them.
 * Axes whose values are all integers (iterations, counts) get integer ticks.
 */
export function seriesToVegaLite(series: Series): TopLevelSpec {
  const { rows } = drawableRows(series);
  const groups = [...new Set(rows.map((r) => r.group))];
  const grouped = groups.some((g) => g !== '');
  // Bars over a few distinct x values (a histogram's bins) are drawn on a band scale so they are visible.
  const distinctX = new Set(rows.map((r) => r.x)).size;
  const x =
    series.mark === 'bar' && distinctX <= 40
      ? { field: 'x', type: 'ordinal' as const, title: series.x, sort: 'ascending' as const }
      : {
          field: 'x', type: 'quantitative' as const, title: series.x, scale: series.logX ? { type: 'log' as const } : { zero: false },
          ...integerAxis(rows.map((r) => r.x), series.logX),
        };
  const y = {
    field: 'y', type: 'quantitative' as const, title: series.y, scale: series.logY ? { type: 'log' as const } : { zero: series.mark === 'bar' },
    ...integerAxis(rows.map((r) => r.y), series.logY),
  };
  const showPoints = rows.length <= 60;
  const mark =
    series.mark === 'line' ? { type: 'line' as const, point: showPoints } : series.mark === 'point' ? { type: 'point' as const, filled: true, size: 50 } : { type: 'bar' as const };
  const byGroup = grouped && series.mark !== 'bar'
    ? {
        ...(series.mark === 'line' ? { strokeDash: { field: 'group', type: 'nominal' as const, title: null } } : {}),
        shape: { field: 'group', type: 'nominal' as const, title: null },
      }
    : {};
  const encoding = {
    x,
    y,
    ...(grouped ? { color: { field: 'group', type: 'nominal' as const, title: null } } : {}),
    ...byGroup,
    tooltip: [
      { field: 'x', type: 'quantitative' as const, title: series.x },
      { field: 'y', type: 'quantitative' as const, title: series.y },
    ],
  };
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title: series.title, width: PLOT_WIDTH, height: PLOT_HEIGHT, background: 'white', data: { values: rows } };
  const published = groups.filter((g) => PUBLISHED_GROUP.test(g));
  if (grouped && series.mark !== 'bar' && published.length > 0 && published.length < groups.length) {
    // Published values first (underneath), measured values drawn over them.
    return {
      ...base,
      encoding,
      layer: [
        // Wider and translucent underneath, so a published value stays visible where the measured one covers it.
        {
          transform: [{ filter: { field: 'group', oneOf: published } }],
          mark: series.mark === 'line' ? { ...mark, opacity: 0.45, strokeWidth: 5 } : { ...mark, opacity: 0.5, size: 140 },
        },
        { transform: [{ filter: { not: { field: 'group', oneOf: published } } }], mark },
      ],
    } as TopLevelSpec;
  }
  return { ...base, mark, encoding } as TopLevelSpec;
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
