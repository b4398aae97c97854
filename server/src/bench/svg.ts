/**
 * docs/benchmarks-latency.svg, drawn by hand (no charting dependency for one picture):
 * window-query latency with one client, p50 solid and p99 dashed, against timeline size,
 * both axes logarithmic because sizes grow tenfold and latencies can too.
 */
import { sizeLabel } from './report.js';
import type { RunResult } from './results.js';

const WIDTH = 680;
const HEIGHT = 370;
const PLOT = { left: 64, right: 470, top: 48, bottom: 310 };

const SERIES = [
  { key: 'parley-window-post', name: 'Parley (cache off)', color: '#d9480f' },
  { key: 'postgraphile-window-post', name: 'PostGraphile 4', color: '#1971c2' },
  { key: 'bare-window-post', name: 'bare node+pg', color: '#2f9e44' },
] as const;

const escapeXml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const fixed = (n: number) => n.toFixed(1);

/** 1, 2, 5, 10, 20, 50, ... within [low, high]. */
function niceTicks(low: number, high: number): number[] {
  const ticks: number[] = [];
  for (let decade = 10 ** Math.floor(Math.log10(low)); decade <= high; decade *= 10)
    for (const step of [1, 2, 5]) {
      const tick = step * decade;
      if (tick >= low && tick <= high) ticks.push(Number(tick.toPrecision(3)));
    }
  return ticks;
}

function logScale(low: number, high: number, from: number, to: number): (value: number) => number {
  const a = Math.log10(low);
  const b = Math.log10(high);
  return (value) => from + ((Math.log10(value) - a) / (b - a)) * (to - from);
}

export function latencyChart(run: RunResult): string {
  const sizes = run.sizes.map((s) => s.items);
  const points = SERIES.map((series) => ({
    ...series,
    values: run.sizes.flatMap((size) => {
      const row = size.rows.find((r) => r.key === series.key);
      return row ? [{ items: size.items, p50: row.latency.p50, p99: row.latency.p99 }] : [];
    }),
  }));
  const latencies = points.flatMap((s) => s.values.flatMap((v) => [v.p50, v.p99])).filter((v) => v > 0);
  const yLow = latencies.length > 0 ? Math.min(...latencies) / 1.6 : 1;
  const yHigh = latencies.length > 0 ? Math.max(...latencies) * 1.6 : 100;
  // A third of a decade of room on each side, so end points do not sit on the frame.
  const xLow = Math.min(...sizes) / 2.2;
  const xHigh = Math.max(...sizes) * 2.2;
  const x = logScale(xLow, xHigh, PLOT.left, PLOT.right);
  const y = logScale(yLow, yHigh, PLOT.bottom, PLOT.top);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">`,
    `<title>Timeline window query latency, one client: p50 and p99 against timeline size</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PLOT.left}" y="24" font-size="14" font-weight="600" fill="#212529">Timeline window query (one month, first 200), one client</text>`,
  ];
  for (const tick of niceTicks(yLow, yHigh)) {
    const ty = fixed(y(tick));
    out.push(
      `<line x1="${PLOT.left}" x2="${PLOT.right}" y1="${ty}" y2="${ty}" stroke="#e9ecef"/>`,
      `<text x="${PLOT.left - 8}" y="${ty}" dy="4" text-anchor="end" fill="#495057">${tick}</text>`,
    );
  }
  for (const size of run.sizes) {
    const tx = fixed(x(size.items));
    // Small timelines have fewer than 200 items in the month: say so under the size.
    out.push(
      `<line x1="${tx}" x2="${tx}" y1="${PLOT.top}" y2="${PLOT.bottom}" stroke="#e9ecef"/>`,
      `<text x="${tx}" y="${PLOT.bottom + 18}" text-anchor="middle" fill="#495057">${sizeLabel(size.items)}</text>`,
      `<text x="${tx}" y="${PLOT.bottom + 32}" text-anchor="middle" fill="#868e96" font-size="10">${size.window.items} per answer</text>`,
    );
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#adb5bd"/>`,
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 48}" text-anchor="middle" fill="#212529">items in the timeline (log scale)</text>`,
    `<text transform="translate(18 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" fill="#212529">latency, ms (log scale)</text>`,
  );
  for (const series of points) {
    for (const [stat, dash] of [
      ['p50', ''],
      ['p99', ' stroke-dasharray="6 4"'],
    ] as const) {
      const coords = series.values.map((v) => `${fixed(x(v.items))},${fixed(y(v[stat]))}`);
      if (coords.length > 1)
        out.push(
          `<polyline points="${coords.join(' ')}" fill="none" stroke="${series.color}" stroke-width="2"${dash}/>`,
        );
      for (const v of series.values) {
        const cx = fixed(x(v.items));
        const cy = fixed(y(v[stat]));
        const label = `${escapeXml(series.name)} ${stat} at ${sizeLabel(v.items)} items: ${v[stat].toFixed(1)} ms`;
        out.push(
          stat === 'p50'
            ? `<circle cx="${cx}" cy="${cy}" r="3.5" fill="${series.color}"><title>${label}</title></circle>`
            : `<circle cx="${cx}" cy="${cy}" r="3.5" fill="#ffffff" stroke="${series.color}" stroke-width="2"><title>${label}</title></circle>`,
        );
      }
    }
  }
  let ly = PLOT.top + 8;
  for (const series of points) {
    out.push(
      `<line x1="${PLOT.right + 20}" x2="${PLOT.right + 44}" y1="${ly}" y2="${ly}" stroke="${series.color}" stroke-width="2"/>`,
      `<text x="${PLOT.right + 50}" y="${ly}" dy="4" fill="#212529">${escapeXml(series.name)} p50</text>`,
      `<line x1="${PLOT.right + 20}" x2="${PLOT.right + 44}" y1="${ly + 18}" y2="${ly + 18}" stroke="${series.color}" stroke-width="2" stroke-dasharray="6 4"/>`,
      `<text x="${PLOT.right + 50}" y="${ly + 18}" dy="4" fill="#212529">${escapeXml(series.name)} p99</text>`,
    );
    ly += 46;
  }
  out.push(
    `<text x="${PLOT.right + 20}" y="${ly + 6}" fill="#868e96" font-size="11">POST, ${run.settings.requests} requests</text>`,
    `<text x="${PLOT.right + 20}" y="${ly + 20}" fill="#868e96" font-size="11">after ${run.settings.warmup} warm-up</text>`,
    '</svg>',
    '',
  );
  return out.join('\n');
}
