import type { TimelineSeries } from '../analysis/timeline.js';

/** Colours of the series, in order (readable on white, distinct for the colour-blind as far as eight go). */
const COLOURS = ['#9b1c1c', '#1a5fb4', '#26a269', '#c64600', '#613583', '#986a44', '#0b7285', '#5e5c64'];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The label of a series in the legend: the term, and its group when the chart is split. */
export function seriesLabel(s: TimelineSeries): string {
  return s.group === null ? s.query : `${s.query} · ${s.group}`;
}

/**
 * A line chart of rates per 10,000 characters by year, as SVG markup (escaped; presentation attributes only, as the
 * Content-Security-Policy allows no inline style). Each point links to `link(series, year)` and says its figures.
 */
export function timelineSvg(series: readonly TimelineSeries[], link: (s: TimelineSeries, year: number) => string): string {
  const years = series[0]?.years.map((y) => y.year) ?? [];
  if (years.length === 0) return '';
  const [w, h, left, right, top, bottom] = [760, 300, 56, 16, 16, 40];
  const max = Math.max(0.01, ...series.flatMap((s) => s.years.map((y) => y.rate)));
  const x = (i: number) => left + (years.length === 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (years.length - 1));
  const y = (rate: number) => top + (h - top - bottom) * (1 - rate / max);
  const parts: string[] = [`<svg class="timeline-chart" viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">`, '<title id="chart-title">每万字出现次数，按年份</title>'];
  for (const t of [0, 0.5, 1]) {
    const ty = y(max * t);
    parts.push(`<line x1="${left}" x2="${w - right}" y1="${ty}" y2="${ty}" stroke="#d8dde3" stroke-width="1"/>`, `<text x="${left - 6}" y="${ty + 4}" text-anchor="end" font-size="11" fill="#5b636d">${(max * t).toFixed(2)}</text>`);
  }
  const step = Math.max(1, Math.ceil(years.length / 12));
  years.forEach((year, i) => {
    if (i % step === 0 || i === years.length - 1) parts.push(`<text x="${x(i)}" y="${h - bottom + 18}" text-anchor="middle" font-size="11" fill="#5b636d">${year}</text>`);
  });
  series.forEach((s, k) => {
    const colour = COLOURS[k % COLOURS.length];
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${s.years.map((p, i) => `${x(i)},${y(p.rate)}`).join(' ')}"/>`);
    s.years.forEach((p, i) => {
      const tip = `${escapeXml(seriesLabel(s))} ${p.year}年：${p.count} 次，${p.reports} 篇报告，每万字 ${p.rate}`;
      const dot = `<circle class="point" cx="${x(i)}" cy="${y(p.rate)}" r="${p.count > 0 ? 4.5 : 2.5}" fill="${colour}"><title>${tip}</title></circle>`;
      parts.push(p.count > 0 ? `<a href="${escapeXml(link(s, p.year))}" aria-label="${tip}">${dot}</a>` : dot);
    });
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The colour of series `k` in the chart, for the legend. */
export function seriesColour(k: number): string {
  return COLOURS[k % COLOURS.length];
}
