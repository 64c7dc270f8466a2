/**
 * The outcomes chart, drawn server-side with no browser: a horizontal stacked bar chart built as
 * SVG by hand (one row per term or theme, one segment per status), then rasterised to PNG with
 * resvg (Rust compiled for Node, shipped in the registry package) for Word processors that cannot
 * show SVG. Colours carry a text legend and a data table always goes with the chart, so nobody
 * needs to tell red from green.
 */
import { Resvg } from '@resvg/resvg-js';
import { escapeHtml } from './render-html';

export interface ChartSeries {
  readonly name: string;
  /** #rrggbb */
  readonly colour: string;
  /** One value per category, in category order. */
  readonly values: readonly number[];
}

export interface StackedBarChart {
  readonly title: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
}

/** A chart ready for a document: SVG for what can show it, PNG for the rest, and words for everyone. */
export interface ChartImage {
  readonly svg: string;
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly altText: string;
}

const FONT = 'Liberation Sans, Arial, DejaVu Sans, sans-serif';
const WIDTH = 720;
const ROW = 30;
const BAR = 20;
const TOP = 44;
const LEGEND = 40;
const LABEL_WIDTH = 220;
const RIGHT = 40;

/** Long category names are cut so they fit the label column. */
function shortLabel(text: string, max = 34): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The chart as SVG: categories down the side, stacked bars across, a legend below. */
export function stackedBarChartSvg(chart: StackedBarChart): { svg: string; width: number; height: number } {
  const totals = chart.categories.map((_, index) => chart.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0));
  const maxTotal = Math.max(1, ...totals);
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT;
  const height = TOP + chart.categories.length * ROW + LEGEND;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}" font-size="13">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="16" font-weight="bold" fill="#1a1a1a">${escapeHtml(chart.title)}</text>`,
  ];
  chart.categories.forEach((category, index) => {
    const y = TOP + index * ROW;
    parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + BAR / 2 + 5}" text-anchor="end" fill="#1a1a1a">${escapeHtml(shortLabel(category))}</text>`);
    let x = LABEL_WIDTH;
    for (const series of chart.series) {
      const value = series.values[index] ?? 0;
      if (value <= 0) continue;
      const width = (value / maxTotal) * plotWidth;
      parts.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${series.colour}"><title>${escapeHtml(`${category}: ${value} ${series.name}`)}</title></rect>`);
      if (width >= 18) parts.push(`<text x="${(x + width / 2).toFixed(1)}" y="${y + BAR / 2 + 5}" text-anchor="middle" fill="#ffffff" font-weight="bold">${value}</text>`);
      x += width;
    }
    parts.push(`<text x="${(x + 6).toFixed(1)}" y="${y + BAR / 2 + 5}" fill="#555555">${totals[index]}</text>`);
  });
  let legendX = LABEL_WIDTH;
  const legendY = TOP + chart.categories.length * ROW + 14;
  for (const series of chart.series) {
    parts.push(`<rect x="${legendX}" y="${legendY}" width="12" height="12" fill="${series.colour}"/>`);
    parts.push(`<text x="${legendX + 17}" y="${legendY + 11}" fill="#1a1a1a">${escapeHtml(series.name)}</text>`);
    legendX += 26 + series.name.length * 7.5;
  }
  parts.push('</svg>');
  return { svg: parts.join(''), width: WIDTH, height };
}

/** What the chart shows, in one sentence per category, for alt text and screen readers. */
export function chartAltText(chart: StackedBarChart): string {
  const rows = chart.categories.map((category, index) => {
    const counts = chart.series.map((series) => `${series.values[index] ?? 0} ${series.name.toLowerCase()}`).join(', ');
    return `${category}: ${counts}.`;
  });
  return `${chart.title}. ${rows.join(' ')}`;
}

/** Rasterises SVG to PNG at twice its size, so it stays sharp in print. System fonts are used for text. */
export function rasteriseSvg(svg: string, width: number): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width * 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}

/** The chart as SVG, PNG and alt text. */
export function renderStackedBarChart(chart: StackedBarChart): ChartImage {
  const { svg, width, height } = stackedBarChartSvg(chart);
  return { svg, png: rasteriseSvg(svg, width), width, height, altText: chartAltText(chart) };
}
